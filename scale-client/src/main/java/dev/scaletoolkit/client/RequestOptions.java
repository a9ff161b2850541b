package dev.scaletoolkit.client;

import java.time.Duration;
import java.time.Instant;

/**
 * Per-call settings: another API key, a timeout or absolute deadline covering all attempts and backoff, a retry
 * budget, an {@code Idempotency-Key}. Immutable; {@link #none()} changes nothing.
 */
public final class RequestOptions {
    private static final RequestOptions NONE = builder().build();

    private final String apiKey;
    private final Duration timeout;
    private final Instant deadline;
    private final Integer maxRetries;
    private final String idempotencyKey;

    private RequestOptions(Builder b) {
        this.apiKey = b.apiKey;
        this.timeout = b.timeout;
        this.deadline = b.deadline;
        this.maxRetries = b.maxRetries;
        this.idempotencyKey = b.idempotencyKey;
    }

    /**
     * Options that change nothing.
     *
     * @return the empty options
     */
    public static RequestOptions none() {
        return NONE;
    }

    /**
     * A builder with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these options; what {@code withOptions(o -> …)} edits.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.apiKey = apiKey;
        b.timeout = timeout;
        b.deadline = deadline;
        b.maxRetries = maxRetries;
        b.idempotencyKey = idempotencyKey;
        return b;
    }

    /**
     * @return the key for these calls, or null for the client's
     */
    public String apiKey() {
        return apiKey;
    }

    /**
     * @return the time all attempts and waits of one call may take, or null
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * @return the instant by which a call must end, or null
     */
    public Instant deadline() {
        return deadline;
    }

    /**
     * @return the retry budget for these calls, or null for the policy's
     */
    public Integer maxRetries() {
        return maxRetries;
    }

    /**
     * @return the {@code Idempotency-Key} sent on creates, or null
     */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /**
     * These options with every setting {@code override} sets taking its place; settings {@code override} leaves
     * unset keep their value here. This is how options compose: a service made with a test key and then given a
     * timeout keeps the test key.
     *
     * @param override the options that win where they set something; null changes nothing
     * @return the combined options
     */
    public RequestOptions mergedWith(RequestOptions override) {
        if (override == null || override == NONE) {
            return this;
        }
        if (this == NONE) {
            return override;
        }
        Builder b = toBuilder();
        if (override.apiKey != null) {
            b.apiKey = override.apiKey;
        }
        if (override.timeout != null) {
            b.timeout = override.timeout;
        }
        if (override.deadline != null) {
            b.deadline = override.deadline;
        }
        if (override.maxRetries != null) {
            b.maxRetries = override.maxRetries;
        }
        if (override.idempotencyKey != null) {
            b.idempotencyKey = override.idempotencyKey;
        }
        return b.build();
    }

    /**
     * @param now the current time
     * @return the earlier of the explicit deadline and now + timeout, or null if neither is set
     */
    public Instant effectiveDeadline(Instant now) {
        Instant fromTimeout = timeout == null ? null : now.plus(timeout);
        if (deadline == null) {
            return fromTimeout;
        }
        return fromTimeout == null || deadline.isBefore(fromTimeout) ? deadline : fromTimeout;
    }

    @Override
    public String toString() {
        return "RequestOptions[apiKey=" + (apiKey == null ? "default" : "[REDACTED]") + ", timeout=" + timeout
                + ", deadline=" + deadline + ", maxRetries=" + maxRetries + "]";
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private String apiKey;
        private Duration timeout;
        private Instant deadline;
        private Integer maxRetries;
        private String idempotencyKey;

        private Builder() {}

        /**
         * Another API key for these calls (a test key for a test run, say).
         *
         * @param apiKey the key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * The whole call, retries and waits included, must end within this time.
         *
         * @param timeout the time allowed
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * @param deadline the instant by which a call must end
         * @return this builder
         */
        public Builder deadline(Instant deadline) {
            this.deadline = deadline;
            return this;
        }

        /**
         * @param maxRetries retries after the first attempt (0 for none)
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Sent as {@code Idempotency-Key} on creates; Scale answers 409 to a repeat.
         *
         * @param key a V4 UUID, say
         * @return this builder
         */
        public Builder idempotencyKey(String key) {
            this.idempotencyKey = key;
            return this;
        }

        /**
         * @return the options
         */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
