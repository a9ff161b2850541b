package dev.scaletoolkit.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code scale.*} properties. Only {@code scale.api-key} is needed; the key is never logged or shown by the
 * health indicator.
 *
 * <pre>
 * scale.api-key=${SCALE_API_KEY}
 * scale.base-url=https://api.scale.com/v1
 * scale.connect-timeout=10s
 * scale.read-timeout=60s
 * scale.max-retries=3
 * scale.callback.auth-key=${SCALE_CALLBACK_AUTH_KEY}   # turns the callback endpoint on
 * scale.callback.path=/scale/callbacks
 * </pre>
 */
@ConfigurationProperties(prefix = "scale")
public class ScaleProperties {
    private String apiKey;
    private String baseUrl = "https://api.scale.com/v1";
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private int maxRetries = 3;
    private final Callback callback = new Callback();
    private final Health health = new Health();

    /** Creates the properties with their defaults. */
    public ScaleProperties() {}

    /**
     * The API key ({@code live_…} or {@code test_…}); without it no client is created.
     *
     * @return the key, or null
     */
    public String getApiKey() {
        return apiKey;
    }

    /**
     * Sets the API key.
     *
     * @param apiKey a {@code live_…} or {@code test_…} key
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /**
     * Where the API is.
     *
     * @return the base URL, Scale's production API unless set
     */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets where the API is, e.g. an emulator's {@code http://127.0.0.1:8080/v1}.
     *
     * @param baseUrl the base URL, ending in {@code /v1}
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * How long to wait for a connection.
     *
     * @return the connect timeout, 10 s unless set
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets how long to wait for a connection.
     *
     * @param connectTimeout a positive duration
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * How long to wait for an answer.
     *
     * @return the read timeout, 60 s unless set
     */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /**
     * Sets how long to wait for an answer.
     *
     * @param readTimeout a positive duration
     */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /**
     * How many times a failed request (connection error, 429, 5xx) is retried.
     *
     * @return the retries, 3 unless set
     */
    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * Sets how many times a failed request is retried.
     *
     * @param maxRetries 0 or more
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    /**
     * The callback endpoint's settings.
     *
     * @return {@code scale.callback.*}
     */
    public Callback getCallback() {
        return callback;
    }

    /**
     * The health indicator's settings.
     *
     * @return {@code scale.health.*}
     */
    public Health getHealth() {
        return health;
    }

    /** {@code scale.callback.*}: the endpoint Scale posts task and batch callbacks to. */
    public static class Callback {
        private String authKey;
        private String path = "/scale/callbacks";

        /** Creates the settings with their defaults. */
        public Callback() {}

        /**
         * The value Scale sends as {@code scale-callback-auth}; the endpoint exists only when it is set.
         *
         * @return the key, or null
         */
        public String getAuthKey() {
            return authKey;
        }

        /**
         * Sets the callback auth key (from the Scale dashboard).
         *
         * @param authKey the key
         */
        public void setAuthKey(String authKey) {
            this.authKey = authKey;
        }

        /**
         * Where the endpoint listens.
         *
         * @return the path, {@code /scale/callbacks} unless set
         */
        public String getPath() {
            return path;
        }

        /**
         * Sets where the endpoint listens.
         *
         * @param path a path starting with {@code /}
         */
        public void setPath(String path) {
            this.path = path;
        }
    }

    /** {@code scale.health.*}: the Actuator health indicator. */
    public static class Health {
        private boolean enabled = true;
        private Duration timeout = Duration.ofSeconds(5);

        /** Creates the settings with their defaults. */
        public Health() {}

        /**
         * Whether the indicator is registered (when Actuator is present).
         *
         * @return true unless turned off
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Turns the indicator on or off.
         *
         * @param enabled whether to register it
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * How long one check may take before Scale counts as unreachable.
         *
         * @return the timeout, 5 s unless set
         */
        public Duration getTimeout() {
            return timeout;
        }

        /**
         * Sets how long one check may take.
         *
         * @param timeout a positive duration
         */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }
}
