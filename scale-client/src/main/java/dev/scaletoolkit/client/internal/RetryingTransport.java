package dev.scaletoolkit.client.internal;

import dev.scaletoolkit.client.error.ScaleException;
import dev.scaletoolkit.client.error.ScaleIoException;
import dev.scaletoolkit.client.http.RetryPolicy;
import dev.scaletoolkit.client.http.ScaleRequest;
import dev.scaletoolkit.client.http.ScaleResponse;
import dev.scaletoolkit.client.http.Sleeper;
import dev.scaletoolkit.client.http.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

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
    private final Executor executor;

    /**
     * Wraps a transport with retries.
     *
     * @param inner the transport that sends each attempt
     * @param policy which failures are retried and how long to wait
     * @param sleeper how to wait
     * @param clock the current time, against each request's deadline
     */
    public RetryingTransport(Transport inner, RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this(inner, policy, sleeper, clock, null);
    }

    /**
     * Wraps a transport with retries whose asynchronous waits resume on the caller's executor.
     *
     * @param inner the transport that sends each attempt
     * @param policy which failures are retried and how long to wait
     * @param sleeper how to wait
     * @param clock the current time, against each request's deadline
     * @param executor where asynchronous retries and recoveries run, or null for CompletableFuture's default
     */
    public RetryingTransport(Transport inner, RetryPolicy policy, Sleeper sleeper, Clock clock, Executor executor) {
        this.executor = executor;
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
            long started = System.nanoTime();
            try {
                response = inner.execute(request);
            } catch (ScaleIoException e) {
                failure = e;
            }
            logAttempt(request, response, failure, retry + 1, started);
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
            if (failure != null || (response.status() >= 500 && !RetryPolicy.refusedBeforeProcessing(response))) {
                earlierAttemptMayHaveLanded = true;
            }
            SdkLog.info("retrying " + request.method() + " " + request.path() + " after "
                    + (failure != null ? "an I/O error" : "HTTP " + response.status()) + " in " + wait.toMillis()
                    + " ms (retry " + (retry + 1) + " of " + budget + ")");
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScaleException("interrupted while waiting to retry " + request.describe(), e);
            }
        }
    }

    /** The same rules as {@link #execute}, without blocking: waits are scheduled, not slept. */
    @Override
    public CompletableFuture<ScaleResponse> executeAsync(ScaleRequest request) {
        int budget = request.maxRetries() != null ? request.maxRetries() : policy.maxRetries();
        return attemptAsync(request, 0, budget, false);
    }

    private CompletableFuture<ScaleResponse> attemptAsync(
            ScaleRequest request, int retry, int budget, boolean earlierAttemptMayHaveLanded) {
        long started = System.nanoTime();
        return inner.executeAsync(request)
                .handle((response, error) -> new Object[] {response, error})
                .thenCompose(outcome -> {
                    ScaleResponse response = (ScaleResponse) outcome[0];
                    Throwable error = unwrap((Throwable) outcome[1]);
                    if (error != null && !(error instanceof ScaleIoException)) {
                        return CompletableFuture.failedFuture(error);
                    }
                    ScaleIoException failure = (ScaleIoException) error;
                    logAttempt(request, response, failure, retry + 1, started);
                    if (response != null
                            && response.status() == 409
                            && earlierAttemptMayHaveLanded
                            && request.createUniqueId() != null) {
                        java.util.function.Supplier<ScaleResponse> recover =
                                () -> recovery.recover(request).orElse(response);
                        return executor == null
                                ? CompletableFuture.supplyAsync(recover)
                                : CompletableFuture.supplyAsync(recover, executor);
                    }
                    boolean again = retry < budget && policy.shouldRetry(request, response);
                    Duration wait = again ? policy.delay(retry + 1, response) : Duration.ZERO;
                    if (!again || !fitsDeadline(request.deadline(), wait)) {
                        return failure != null
                                ? CompletableFuture.failedFuture(failure)
                                : CompletableFuture.completedFuture(response);
                    }
                    boolean landed = earlierAttemptMayHaveLanded
                            || failure != null
                            || (response.status() >= 500 && !RetryPolicy.refusedBeforeProcessing(response));
                    SdkLog.info("retrying " + request.method() + " " + request.path() + " after "
                            + (failure != null ? "an I/O error" : "HTTP " + response.status()) + " in "
                            + wait.toMillis() + " ms (retry " + (retry + 1) + " of " + budget + ")");
                    Executor later = executor == null
                            ? CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS)
                            : CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, executor);
                    return CompletableFuture.supplyAsync(() -> null, later)
                            .thenCompose(ignored -> attemptAsync(request, retry + 1, budget, landed));
                });
    }

    private static Throwable unwrap(Throwable error) {
        while (error instanceof CompletionException && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    private static void logAttempt(
            ScaleRequest request, ScaleResponse response, ScaleIoException failure, int attempt, long started) {
        if (!SdkLog.isDebugEnabled()) {
            return;
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        String outcome = response != null ? "HTTP " + response.status() : "I/O error (" + failure.getMessage() + ")";
        String requestId = response == null
                ? ""
                : response.header("x-request-id").map(id -> " request-id=" + id).orElse("");
        SdkLog.debug(request.method() + " " + request.path() + " -> " + outcome + " in " + ms + " ms, attempt "
                + attempt + requestId);
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
