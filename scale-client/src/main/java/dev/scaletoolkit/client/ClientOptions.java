package dev.scaletoolkit.client;

import dev.scaletoolkit.client.http.RetryPolicy;
import dev.scaletoolkit.client.http.Sleeper;
import dev.scaletoolkit.client.http.Transport;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ScaleClient} talks to Scale. Immutable; {@link #toBuilder()} gives a modified copy. The API key is
 * never part of {@link #toString()}.
 */
public final class ClientOptions {
    /** Scale's production API. */
    public static final String DEFAULT_BASE_URL = "https://api.scale.com/v1";

    private final String apiKey;
    private final String baseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Transport transport;
    private final String userAgentSuffix;
    private final java.util.concurrent.Executor executor;

    private ClientOptions(Builder b) {
        if (b.apiKey == null || b.apiKey.isBlank()) {
            throw new IllegalArgumentException(
                    b.fromEnv
                            ? "SCALE_API_KEY is not set: export SCALE_API_KEY=live_… or test_… (a key from the Scale"
                                    + " dashboard, or the emulator's key printed by ./scale up)"
                            : "apiKey is required (a live_… or test_… key from the Scale dashboard; ScaleClient.fromEnv()"
                                    + " reads SCALE_API_KEY)");
        }
        this.apiKey = b.apiKey;
        String url = Objects.requireNonNull(b.baseUrl, "baseUrl");
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.connectTimeout = positive(b.connectTimeout, "connectTimeout");
        this.readTimeout = positive(b.readTimeout, "readTimeout");
        this.retryPolicy = Objects.requireNonNull(b.retryPolicy, "retryPolicy");
        this.sleeper = Objects.requireNonNull(b.sleeper, "sleeper");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.transport = b.transport;
        this.userAgentSuffix = b.userAgentSuffix;
        this.executor = b.executor;
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
        return d;
    }

    /**
     * A builder with the defaults: Scale's production URL, 10 s connect and 60 s read timeouts, 3 retries.
     *
     * @return a new builder; only the API key must be set
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Options from {@code SCALE_API_KEY} and, if set, {@code SCALE_BASE_URL}. */
    /**
     * A builder from {@code SCALE_API_KEY} and, if set, {@code SCALE_BASE_URL}; a missing key is named when
     * {@code build()} runs.
     *
     * @return a builder to adjust further
     */
    public static Builder fromEnv() {
        Builder b = builder().apiKey(System.getenv("SCALE_API_KEY"));
        b.fromEnv = true;
        String base = System.getenv("SCALE_BASE_URL");
        if (base != null && !base.isBlank()) {
            b.baseUrl(base);
        }
        return b;
    }

    /**
     * A builder holding these options, to make a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.apiKey = apiKey;
        b.baseUrl = baseUrl;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.retryPolicy = retryPolicy;
        b.sleeper = sleeper;
        b.clock = clock;
        b.transport = transport;
        b.userAgentSuffix = userAgentSuffix;
        b.executor = executor;
        return b;
    }

    /**
     * The API key. Never printed by {@link #toString()}.
     *
     * @return the key
     */
    public String apiKey() {
        return apiKey;
    }

    /**
     * The API root, without a trailing slash.
     *
     * @return e.g. {@code https://api.scale.com/v1}
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * How long to wait for a connection.
     *
     * @return the connect timeout
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How long one attempt may wait for its answer (cut shorter by a call's deadline).
     *
     * @return the read timeout
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * When and how long to wait before retrying.
     *
     * @return the retry policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * What waits between retries and polls; tests inject one that does not sleep.
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * The clock for deadlines and polling.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * A custom inner transport (retries are still added around it), or null for {@code java.net.http}.
     *
     * @return the transport, or null
     */
    public Transport transport() {
        return transport;
    }

    /**
     * The executor the asynchronous client completes its futures on (and waits out retries with), or null for the
     * JDK HttpClient's own pool.
     *
     * @return the caller's executor, or null
     */
    public java.util.concurrent.Executor executor() {
        return executor;
    }

    /**
     * The User-Agent sent with every request: the SDK's name and version, then the suffix if set.
     *
     * @return the header value
     */
    public String userAgent() {
        return userAgentSuffix == null ? SdkVersion.userAgent() : SdkVersion.userAgent() + " " + userAgentSuffix;
    }

    @Override
    public String toString() {
        return "ClientOptions[baseUrl=" + baseUrl + ", apiKey=[REDACTED], connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", maxRetries=" + retryPolicy.maxRetries() + "]";
    }

    /** Builds {@link ClientOptions}; only the API key is required. */
    public static final class Builder {
        private String apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private Transport transport;
        private String userAgentSuffix;
        private java.util.concurrent.Executor executor;
        private boolean fromEnv;

        private Builder() {}

        /**
         * The API key: {@code live_…} for real work, {@code test_…} for test mode.
         *
         * @param apiKey the key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            this.fromEnv = false;
            return this;
        }

        /**
         * The API root including {@code /v1}, e.g. {@code http://127.0.0.1:8790/v1} for the emulator.
         *
         * @param baseUrl the root URL
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * @param connectTimeout how long to wait for a connection (positive)
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * @param readTimeout how long one attempt may wait for its answer (positive)
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /**
         * @param retryPolicy when and how long to wait before retrying
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * The default policy with another number of retries.
         *
         * @param maxRetries retries after the first attempt (0 for none)
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            this.retryPolicy = RetryPolicy.builder().maxRetries(maxRetries).build();
            return this;
        }

        /**
         * @param sleeper what waits between retries and polls
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /**
         * @param clock the clock for deadlines and polling
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Replaces the HTTP layer (tests, a company proxy library); retries are still added around it.
         *
         * @param transport a custom inner transport, or null for {@code java.net.http}
         * @return this builder
         */
        public Builder transport(Transport transport) {
            this.transport = transport;
            return this;
        }

        /**
         * Appended to the User-Agent, e.g. {@code my-pipeline/2.1}.
         *
         * @param suffix the product token to add
         * @return this builder
         */
        public Builder userAgentSuffix(String suffix) {
            this.userAgentSuffix = suffix;
            return this;
        }

        /**
         * Runs the asynchronous client's work on your executor: the JDK HttpClient hands answers to it, so the
         * futures of {@link ScaleClient#async()} complete (and run your {@code thenApply} stages) on its threads,
         * and retry waits resume on it. Without one, the HttpClient's own cached pool is used. The SDK never shuts
         * it down.
         *
         * @param executor the executor, or null for the default
         * @return this builder
         */
        public Builder executor(java.util.concurrent.Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * Checks and builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException naming the missing key (and the variable to set) or a bad timeout
         */
        public ClientOptions build() {
            return new ClientOptions(this);
        }
    }
}
