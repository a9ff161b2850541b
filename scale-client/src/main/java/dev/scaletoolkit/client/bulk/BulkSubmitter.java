package dev.scaletoolkit.client.bulk;

import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.error.ConflictException;
import dev.scaletoolkit.client.error.RateLimitException;
import dev.scaletoolkit.client.error.ScaleException;
import dev.scaletoolkit.client.internal.AdaptiveLimiter;
import dev.scaletoolkit.client.task.GenericTaskParams;
import dev.scaletoolkit.client.task.TaskCreateParams;
import dev.scaletoolkit.client.task.TaskService;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates many tasks, exactly once each:
 *
 * <ul>
 *   <li>every item carries a {@code unique_id}: the caller's (required), or, after {@link Builder#deriveUniqueIds()},
 *       a {@link ContentIds} hash of its content. A repeat meets 409 and the existing task is looked up instead of
 *       a second one being made;
 *   <li>at most {@code concurrency} requests are in flight, halved on each 429 and grown back on success;
 *   <li>with a checkpoint file, each finished item is appended under its unique_id and forced to disk, and a
 *       later run over the same input skips the items already done, so a killed run can simply be started again.
 *       A checkpoint written for another input is refused ({@link CheckpointMismatchException}) before anything is
 *       sent;
 *   <li>the service's options (its API key above all) are used for every request: a submitter built on a
 *       test-key service creates test tasks only.
 * </ul>
 *
 * <pre>{@code
 * BulkReport report = BulkSubmitter.builder(scale.tasks()).concurrency(8).checkpoint(Path.of("run.ckpt"))
 *         .build().submit(items);
 * }</pre>
 */
public final class BulkSubmitter {
    private static final int MAX_ATTEMPTS = 8;

    private final TaskService tasks;
    private final int concurrency;
    private final Path checkpoint;
    private final ProgressListener progress;
    private final Duration backoff;
    private final boolean deriveUniqueIds;

    private BulkSubmitter(Builder b) {
        // the submitter handles 429 and 5xx itself, so that it can slow down; the transport must not retry too
        this.tasks = b.tasks.withOptions(RequestOptions.builder().maxRetries(0).build());
        this.concurrency = b.concurrency;
        this.checkpoint = b.checkpoint;
        this.progress = b.progress;
        this.backoff = b.backoff;
        this.deriveUniqueIds = b.deriveUniqueIds;
    }

    /**
     * How many creates this submitter keeps in flight at most.
     *
     * @return the concurrency it was built with
     */
    public int concurrency() {
        return concurrency;
    }

    /**
     * Starts a submitter over a task service, whose options (its key above all) every create keeps.
     *
     * @param tasks the service the tasks are created through
     * @return a builder with the defaults
     */
    public static Builder builder(TaskService tasks) {
        return new Builder(tasks);
    }

    /**
     * Submits every item and waits for the end.
     *
     * @param items the tasks, each with a unique_id (or use {@link Builder#deriveUniqueIds()})
     * @return one result per item, in input order
     */
    public BulkReport submit(List<? extends TaskCreateParams> items) {
        return start(items).await();
    }

    /**
     * Reads a JSONL file (one task per line: its body plus a {@code "type"} key) and submits it.
     *
     * @param file the JSONL file
     * @return one result per line, in file order
     */
    public BulkReport submitJsonl(Path file) {
        return submit(readJsonl(file));
    }

    /**
     * Starts submitting in the background; {@link Run#stop()} ends it early (the checkpoint stays valid).
     *
     * @param items the tasks to create
     * @return the run in progress
     * @throws IllegalArgumentException when an item has no unique_id and {@link Builder#deriveUniqueIds()} was not
     *     called
     * @throws CheckpointMismatchException when the checkpoint file belongs to another input
     */
    public Run start(List<? extends TaskCreateParams> items) {
        List<TaskCreateParams> withIds = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            TaskCreateParams item = items.get(i);
            if (item.uniqueId().isPresent()) {
                withIds.add(item);
            } else if (deriveUniqueIds) {
                withIds.add(item.withUniqueId(ContentIds.of(item)));
            } else {
                throw new IllegalArgumentException("bulk: item " + i + " has no unique_id; give every item one"
                        + " (it is what makes a resumed run safe), or call deriveUniqueIds() to use a hash of its"
                        + " content");
            }
        }
        return new Run(List.copyOf(withIds));
    }

    /** SHA-256 over the unique_ids in input order: two inputs share it only when they hold the same tasks. */
    static String fingerprint(List<? extends TaskCreateParams> items) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (TaskCreateParams item : items) {
                digest.update(item.uniqueId().orElseThrow().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Parses the JSONL input format; a bad line fails with its line number before anything is sent.
     *
     * @param file the JSONL file
     * @return the tasks, in file order
     */
    public static List<TaskCreateParams> readJsonl(Path file) {
        List<TaskCreateParams> items = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                JsonValue node;
                try {
                    node = JsonValue.parse(line);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": not valid JSON");
                }
                if (!node.isObject() || !node.path("type").isString()) {
                    throw new IllegalArgumentException(
                            file + " line " + (i + 1) + ": needs a JSON object with a 'type'");
                }
                java.util.Map<String, Object> body = new java.util.LinkedHashMap<>(node.asMap());
                TaskType type = TaskType.of((String) body.remove("type"));
                items.add(GenericTaskParams.of(type, body));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A submission in progress. */
    public final class Run {
        private final List<? extends TaskCreateParams> items;
        private final Map<Integer, BulkItemResult> results = new ConcurrentHashMap<>();
        private final AdaptiveLimiter limiter = new AdaptiveLimiter(concurrency);
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final ExecutorService workers;
        private final Checkpoint log;
        private volatile boolean stopped;

        private final long startedNanos = System.nanoTime();
        private final AtomicInteger doneThisRun = new AtomicInteger();

        private Run(List<? extends TaskCreateParams> items) {
            this.items = items;
            String fingerprint = fingerprint(items);
            Checkpoint.Contents earlier = Checkpoint.read(checkpoint);
            checkSameInput(earlier, fingerprint);
            for (int i = 0; i < items.size(); i++) {
                String uniqueId = items.get(i).uniqueId().orElseThrow();
                if (earlier.taskIdByUniqueId().containsKey(uniqueId)) {
                    results.put(
                            i,
                            new BulkItemResult(
                                    i,
                                    BulkItemResult.Outcome.DONE_IN_EARLIER_RUN,
                                    earlier.taskIdByUniqueId().get(uniqueId),
                                    uniqueId,
                                    null));
                }
            }
            this.log = checkpoint == null ? null : Checkpoint.open(checkpoint);
            if (log != null && earlier.fingerprint() == null) {
                log.header(fingerprint, items.size());
            }
            this.workers = Executors.newFixedThreadPool(concurrency, r -> {
                Thread t = new Thread(r, "scale-bulk");
                t.setDaemon(true);
                return t;
            });
            for (int w = 0; w < concurrency; w++) {
                workers.execute(this::work);
            }
            workers.shutdown();
        }

        private void checkSameInput(Checkpoint.Contents earlier, String fingerprint) {
            if (earlier.fingerprint() != null && !earlier.fingerprint().equals(fingerprint)) {
                throw new CheckpointMismatchException("the checkpoint " + checkpoint
                        + " was written for another input ("
                        + earlier.itemCount() + " items, fingerprint "
                        + earlier.fingerprint().substring(0, 12)
                        + "…); this input has " + items.size() + " items (fingerprint " + fingerprint.substring(0, 12)
                        + "…). Use a new checkpoint file for a new input.");
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            items.forEach(item -> ids.add(item.uniqueId().orElseThrow()));
            for (String recorded : earlier.taskIdByUniqueId().keySet()) {
                if (!ids.contains(recorded)) {
                    throw new CheckpointMismatchException("the checkpoint " + checkpoint + " records unique_id '"
                            + recorded + "', which is not in this input: it was written for another input. Use a"
                            + " new checkpoint file for a new input.");
                }
            }
        }

        /** Stops now: in-flight requests are interrupted; what was recorded stays recorded. */
        public void stop() {
            stopped = true;
            workers.shutdownNow();
        }

        /**
         * Waits for the end (or the stop) and reports every item.
         *
         * @return one result per item, in input order
         */
        public BulkReport await() {
            try {
                while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                    // keep waiting; stop() ends it sooner
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
            }
            if (log != null) {
                log.close();
            }
            List<BulkItemResult> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                BulkItemResult r = results.get(i);
                if (r != null) {
                    out.add(r);
                }
            }
            return new BulkReport(out, stopped);
        }

        private void work() {
            int i;
            while (!stopped && !Thread.currentThread().isInterrupted() && (i = next.getAndIncrement()) < items.size()) {
                if (results.containsKey(i)) {
                    continue;
                }
                try {
                    limiter.acquire();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    BulkItemResult r;
                    try {
                        r = submitOne(i, items.get(i));
                    } catch (RuntimeException e) {
                        if (stopped) {
                            return; // cut short by stop(): the item is left for the next run
                        }
                        r = failedItem(i, null, e.getMessage());
                    }
                    if (r == null) {
                        return; // interrupted: leave it for the next run
                    }
                    if (log != null) {
                        log.record(r);
                    }
                    results.put(i, r);
                    doneThisRun.incrementAndGet();
                    if (!r.succeeded()) {
                        failed.incrementAndGet();
                    }
                    report();
                } finally {
                    limiter.release();
                }
            }
        }

        private BulkItemResult submitOne(int index, TaskCreateParams params) {
            String uniqueId = params.uniqueId().orElseThrow();
            String lastError = null;
            for (int attempt = 1; attempt <= MAX_ATTEMPTS && !stopped; attempt++) {
                try {
                    Task task = tasks.create(params);
                    limiter.onSuccess();
                    return new BulkItemResult(index, BulkItemResult.Outcome.CREATED, task.taskId(), uniqueId, null);
                } catch (ConflictException e) {
                    // made by an earlier attempt or run whose answer was lost: find it
                    Optional<Task> existing = tasks.findByUniqueId(uniqueId);
                    if (existing.isPresent()) {
                        return new BulkItemResult(
                                index,
                                BulkItemResult.Outcome.ALREADY_EXISTED,
                                existing.get().taskId(),
                                uniqueId,
                                null);
                    }
                    return failedItem(index, uniqueId, e.getMessage());
                } catch (RateLimitException e) {
                    limiter.onRateLimited();
                    lastError = e.getMessage();
                    if (!pause(e.retryAfter().orElse(backoff.multipliedBy(attempt)))) {
                        return null;
                    }
                } catch (ScaleException e) {
                    if (Thread.currentThread().isInterrupted() || stopped) {
                        return null;
                    }
                    if (!e.isRetryable()) {
                        return failedItem(index, uniqueId, e.getMessage());
                    }
                    lastError = e.getMessage();
                    if (!pause(backoff.multipliedBy(1L << Math.min(attempt, 6)))) {
                        return null;
                    }
                }
            }
            return stopped
                    ? null
                    : failedItem(index, uniqueId, "gave up after " + MAX_ATTEMPTS + " attempts: " + lastError);
        }

        private BulkItemResult failedItem(int index, String uniqueId, String error) {
            return new BulkItemResult(index, BulkItemResult.Outcome.FAILED, null, uniqueId, error);
        }

        private boolean pause(Duration d) {
            try {
                Thread.sleep(d.toMillis());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private void report() {
            if (progress != null) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
                int thisRun = doneThisRun.get();
                double seconds = elapsed.toNanos() / 1e9;
                double rate = seconds > 0 ? thisRun / seconds : 0;
                int done = results.size();
                Duration eta = rate > 0 ? Duration.ofMillis((long) ((items.size() - done) / rate * 1000)) : null;
                progress.onProgress(
                        new BulkProgress(items.size(), done, failed.get(), limiter.limit(), elapsed, rate, eta));
            }
        }
    }

    /** Builds a {@link BulkSubmitter}. */
    public static final class Builder {
        private final TaskService tasks;
        private int concurrency = 8;
        private Path checkpoint;
        private ProgressListener progress;
        private Duration backoff = Duration.ofMillis(250);
        private boolean deriveUniqueIds;

        private Builder(TaskService tasks) {
            this.tasks = tasks;
        }

        /**
         * The most requests in flight at once (default 8).
         *
         * @param concurrency at least 1
         * @return this builder
         */
        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /**
         * An append-only JSONL file recording finished items; run again with it to resume where a crash stopped.
         *
         * @param checkpoint the file; created when missing
         * @return this builder
         */
        public Builder checkpoint(Path checkpoint) {
            this.checkpoint = checkpoint;
            return this;
        }

        /**
         * Called after each finished item, from a worker thread, with counts, rate and estimated time left.
         *
         * @param progress the listener
         * @return this builder
         */
        public Builder progress(ProgressListener progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Gives items without a unique_id one derived from their content ({@link ContentIds}): identical items
         * then make one task. Without this, an item lacking a unique_id is refused before anything is sent.
         *
         * @return this builder
         */
        public Builder deriveUniqueIds() {
            this.deriveUniqueIds = true;
            return this;
        }

        /**
         * The base wait before a failed item is tried again.
         *
         * @param backoff the unit the waits grow from with each further try (default 250 ms); a Retry-After wins
         * @return this builder
         */
        public Builder backoff(Duration backoff) {
            this.backoff = backoff;
            return this;
        }

        /**
         * Builds the submitter.
         *
         * @return the submitter
         * @throws IllegalArgumentException when the concurrency is below 1
         */
        public BulkSubmitter build() {
            if (concurrency < 1) {
                throw new IllegalArgumentException("bulk: 'concurrency' must be at least 1, got " + concurrency);
            }
            return new BulkSubmitter(this);
        }
    }
}
