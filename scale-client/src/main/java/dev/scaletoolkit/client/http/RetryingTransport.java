package dev.scaletoolkit.client.http;

import dev.scaletoolkit.client.error.ScaleException;
import dev.scaletoolkit.client.error.ScaleIoException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decorates a transport with retries: 408, 429, 5xx and I/O errors, exponential backoff with jitter, Retry-After
 * honoured, never past the request's deadline, never for a request {@link RetryPolicy#shouldRetry} refuses (a
 * non-repeatable body, or a create without {@code unique_id}). When a create that carries a {@code unique_id} gets
 * 409 after an earlier attempt failed with 5xx or I/O, the first attempt did create the task, so the
 * {@link UniqueIdRecovery} fetches it and that task is the answer.
 *
 * <p>When retries run out, the last response is returned (the caller maps it to an exception) or the last I/O
 * error is thrown.
 */
public final class RetryingTransport implements Transport {
    private final Transport inner;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final UniqueIdRecovery recovery;

    public RetryingTransport(Transport inner, RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recovery = new UniqueIdRecovery(inner);
    }

    @Override
    public ScaleResponse execute(ScaleRequest request) {
        int budget = request.maxRetries() != null ? request.maxRetries() : policy.maxRetries();
        boolean earlierAttemptMayHaveLanded = false;
        for (int retry = 0; ; retry++) {
            ScaleResponse response = null;
            ScaleIoException failure = null;
            try {
                response = inner.execute(request);
            } catch (ScaleIoException e) {
                failure = e;
            }
            if (response != null
                    && response.status() == 409
                    && earlierAttemptMayHaveLanded
                    && request.createUniqueId() != null) {
                return recovery.recover(request).orElse(response);
            }
            boolean again = retry < budget && policy.shouldRetry(request, response);
            if (!again) {
                return finish(response, failure);
            }
            Duration wait = policy.delay(retry + 1, response);
            if (!fitsDeadline(request.deadline(), wait)) {
                return finish(response, failure);
            }
            if (failure != null || response.status() >= 500) {
                earlierAttemptMayHaveLanded = true;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScaleException("interrupted while waiting to retry " + request.describe(), e);
            }
        }
    }

    private boolean fitsDeadline(Instant deadline, Duration wait) {
        return deadline == null || clock.instant().plus(wait).isBefore(deadline);
    }

    private static ScaleResponse finish(ScaleResponse response, ScaleIoException failure) {
        if (failure != null) {
            throw failure;
        }
        return response;
    }

    @Override
    public void close() {
        inner.close();
    }
}
