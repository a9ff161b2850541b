package dev.scaletoolkit.emulator.file;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.EmulatorLimits;
import dev.scaletoolkit.infra.work.Supervisor;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the bytes of files imported by URL ({@code POST /v1/files/import}). The {@code files} table is the
 * queue: rows in state {@code fetching} are picked up, so an import survives a restart and is fetched again after
 * one. Each download either stores the bytes (state {@code stored}, with size and type) or records why it failed
 * (state {@code failed}); a failure is final and never stops the worker.
 *
 * <p>Only import URLs are fetched. Task attachment URLs are never fetched by the emulator.
 */
public final class FileFetcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileFetcher.class);
    private static final long POLL_MILLIS = 1000;
    private static final int PARALLEL_DOWNLOADS = 4;

    private final EmulatorContext context;
    private final UrlFetcher fetcher;
    private final FetchSignal signal;
    private final ExecutorService downloads;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile Supervisor.Worker poller;
    private volatile boolean running = true;

    private FileFetcher(EmulatorContext context) {
        this.context = context;
        this.fetcher = new UrlFetcher(
                context.outbound().imports(),
                BlobStore.under(context.config().dataDir()),
                EmulatorLimits.MAX_FILE_BYTES,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofMinutes(10));
        this.signal = FetchSignal.of(context.db());
        this.downloads = Executors.newFixedThreadPool(PARALLEL_DOWNLOADS, r -> {
            Thread t = new Thread(r, "scale-file-download");
            t.setDaemon(true);
            return t;
        });
    }

    /** The worker's name in logs, health and metrics. */
    public static final String WORKER = "scale-file-fetcher";

    /** Starts fetching queued imports under the emulator's supervisor. */
    public static FileFetcher start(EmulatorContext context) {
        FileFetcher f = new FileFetcher(context);
        // The poll waits for a signal itself, so the worker runs it again straight after.
        f.poller = context.supervisor().start(WORKER, Duration.ofMillis(1), f::pollOnce);
        return f;
    }

    /** One poll; a database failure is the supervisor's to log and retry after a back-off. */
    private void pollOnce() {
        if (!running) {
            return;
        }
        try {
            List<FileStore.Pending> due = context.db().read(h -> FileStore.pendingFetches(h, PARALLEL_DOWNLOADS * 4));
            for (FileStore.Pending p : due) {
                if (inFlight.add(p.id())) {
                    downloads.execute(() -> download(p));
                }
            }
            signal.await(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void download(FileStore.Pending pending) {
        try {
            UrlFetcher.Fetched fetched = fetcher.fetch(pending.sourceUrl());
            String path = URI.create(pending.sourceUrl()).getPath();
            String mime =
                    MimeTypes.choose(fetched.contentType(), path, fetched.blob().path());
            context.db().write(h -> FileStore.markStored(h, pending.id(), fetched.blob(), mime, context.now()));
        } catch (UrlFetcher.FetchFailedException e) {
            fail(pending.id(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("File import {} failed unexpectedly: {}", pending.id(), e.toString());
            fail(
                    pending.id(),
                    "The download failed unexpectedly: " + e.getClass().getSimpleName() + ".");
        } finally {
            inFlight.remove(pending.id());
        }
    }

    private void fail(String id, String reason) {
        if (!running || Thread.currentThread().isInterrupted()) {
            // Cut off by shutdown, not by the server: stay "fetching" so the next start tries again.
            return;
        }
        try {
            context.db().write(h -> FileStore.markFailed(h, id, reason, context.now()));
        } catch (RuntimeException e) {
            // Left in state fetching, so the next poll tries again.
            LOG.warn("Could not record the failed import {}: {}", id, e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        downloads.shutdownNow();
        Supervisor.Worker p = poller;
        if (p != null) {
            p.close();
        }
        try {
            // A download blocked on a silent server is not waited for long: its row stays "fetching" and is
            // fetched again on the next start.
            downloads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
