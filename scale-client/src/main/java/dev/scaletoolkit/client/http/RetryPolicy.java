package dev.scaletoolkit.client.http;

import dev.scaletoolkit.client.error.RetryAfter;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a request again, and how long to wait first. Immutable; build with {@link #builder()}.
 *
 * <p>Defaults: 3 retries, 500 ms doubling up to 8 s, "equal jitter" (half fixed, half random), and a server's
 * Retry-After honoured up to 60 s.
 */
public final class RetryPolicy {
    private final int maxRetries;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    private RetryPolicy(Builder b) {
        this.maxRetries = b.maxRetries;
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.maxRetryAfter = b.maxRetryAfter;
        this.random = b.random;
    }

    /**
     * The default policy.
     *
     * @return 3 retries, 500 ms doubling to 8 s, Retry-After honoured up to 60 s
     */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /**
     * Never retries.
     *
     * @return a policy with no retries
     */
    public static RetryPolicy none() {
        return builder().maxRetries(0).build();
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Retries after the first attempt.
     *
     * @return the retry budget
     */
    public int maxRetries() {
        return maxRetries;
    }

    /**
     * Whether a request may be sent again after {@code response} (null when the attempt failed with an I/O
     * error). One rule per line, each with its reason.
     *
     * @param request the request just sent
     * @param response its answer, or null after an I/O error
     * @return true when another attempt is safe and may help
     */
    public boolean shouldRetry(ScaleRequest request, ScaleResponse response) {
        // A body that can't be replayed can't be resent at all.
        if (request.body() != null && !request.body().repeatable()) {
            return false;
        }
        // 429: the server refused before doing anything, so even a create without unique_id is safe to repeat.
        if (response != null && response.status() == 429) {
            return true;
        }
        // 503 with Retry-After: Scale's queue turned the request away before processing it; equally safe.
        if (refusedBeforeProcessing(response)) {
            return true;
        }
        // A create without unique_id could make a second task if the first attempt did land (a "false 5xx").
        if (!request.idempotent() && request.createUniqueId() == null) {
            return false;
        }
        // The connection failed or was cut: nothing says the server did anything wrong.
        if (response == null) {
            return true;
        }
        int status = response.status();
        // 408 and 429: the server asks us to come back later.
        if (status == 408 || status == 429) {
            return true;
        }
        // 5xx: Scale's gateway times out under load, the request is worth repeating.
        if (status >= 500 && status <= 599) {
            return true;
        }
        // Everything else (4xx) will fail the same way again.
        return false;
    }

    /**
     * Whether the server said it turned the request away unprocessed: a 503 carrying {@code Retry-After}. A bare 503
     * may come after a create was written (a "false 5xx"), so it does not count.
     *
     * @param response the answer, or null after an I/O error
     * @return true when repeating even a non-idempotent request cannot do anything twice
     */
    public static boolean refusedBeforeProcessing(ScaleResponse response) {
        return response != null
                && response.status() == 503
                && response.header("retry-after").isPresent();
    }

    /**
     * How long to wait before retry number {@code retry} (1-based). A Retry-After from the server wins over the
     * computed backoff (capped at {@code maxRetryAfter}).
     *
     * @param retry the retry about to be made, from 1
     * @param response the answer that failed, or null after an I/O error
     * @return the wait
     */
    public Duration delay(int retry, ScaleResponse response) {
        Optional<Duration> serverSays = response == null
                ? Optional.empty()
                : response.header("retry-after").flatMap(RetryAfter::parse);
        if (serverSays.isPresent()) {
            Duration d = serverSays.get();
            return d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d;
        }
        long base = initialDelay.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxRetries = 3;
        private Duration initialDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(8);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private DoubleSupplier random = Math::random;

        private Builder() {}

        /**
         * @param maxRetries retries after the first attempt, 0 or more
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * @param initialDelay the wait before the first retry, doubled each time
         * @return this builder
         */
        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
            return this;
        }

        /**
         * @param maxDelay the longest computed wait
         * @return this builder
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
            return this;
        }

        /**
         * @param maxRetryAfter the longest server-asked wait honoured
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /**
         * The jitter source, a value in [0, 1); tests pass a constant.
         *
         * @param random the source
         * @return this builder
         */
        public Builder random(DoubleSupplier random) {
            this.random = random;
            return this;
        }

        /**
         * @return the policy
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
