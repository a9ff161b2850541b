package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.studio.Activity;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live dashboard's server-sent events ({@code GET /dashboard/events}). One poller per node reads the
 * {@link Activity} fingerprint of each account that has a dashboard open, about once a second, and sends
 * {@code event: change} to those dashboards when it moved. The fingerprint comes from the database, so a change
 * made through any node (several nodes on one PostgreSQL) reaches every node's dashboards; nothing is pushed between
 * nodes. The page then fetches the dashboard again and swaps in its live sections.
 */
final class LiveEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    /** A comment line this often keeps proxies from closing a quiet stream and finds closed tabs. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private record Listener(Caller caller, AsyncContext async, String[] seen) {}

    private final Activity activity;
    private final Duration every;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller;
    private ScheduledFuture<?> task;
    private long lastKeepAlive;

    LiveEvents(Activity activity, Duration every) {
        this.activity = activity;
        this.every = every;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scale-dashboard-events");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens the event stream of a manager's dashboard; the request stays open until the tab goes. */
    void subscribe(Exchange ex) throws IOException {
        Viewer viewer = DashboardPages.requireManager(ex);
        var resp = ex.resp();
        resp.setStatus(200);
        resp.setContentType("text/event-stream");
        resp.setCharacterEncoding("utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Accel-Buffering", "no");
        String version = activity.version(viewer.caller());
        AsyncContext async = ex.req().startAsync();
        async.setTimeout(0);
        Listener listener = new Listener(viewer.caller(), async, new String[] {version});
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                listeners.remove(listener);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                drop(listener);
            }

            @Override
            public void onError(AsyncEvent event) {
                drop(listener);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // nothing to do
            }
        });
        // The browser reconnects after two seconds if the stream breaks (a restart, a network change).
        if (!send(listener, "retry: 2000\nevent: ready\ndata: " + version + "\n\n")) {
            return;
        }
        listeners.add(listener);
        start();
    }

    private synchronized void start() {
        if (task == null || task.isDone()) {
            task = poller.scheduleWithFixedDelay(this::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void poll() {
        try {
            if (listeners.isEmpty()) {
                synchronized (this) {
                    if (listeners.isEmpty() && task != null) {
                        task.cancel(false);
                        task = null;
                    }
                }
                return;
            }
            Map<Caller, String> versions = new HashMap<>();
            for (Listener l : listeners) {
                String now = versions.computeIfAbsent(l.caller(), activity::version);
                if (!now.equals(l.seen()[0])) {
                    l.seen()[0] = now;
                    send(l, "event: change\ndata: " + now + "\n\n");
                }
            }
            long now = System.nanoTime();
            if (now - lastKeepAlive > KEEP_ALIVE.toNanos()) {
                lastKeepAlive = now;
                for (Listener l : listeners) {
                    send(l, ": keep-alive\n\n");
                }
            }
        } catch (RuntimeException e) {
            // A database hiccup: the next round tries again; the dashboards keep their last picture.
            LOG.warn("The live dashboard could not read the latest activity: {}", e.toString());
        }
    }

    /** Writes one event; a stream that no longer takes it is closed and forgotten. */
    private boolean send(Listener l, String event) {
        try {
            var out = l.async().getResponse().getOutputStream();
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException | RuntimeException e) {
            drop(l);
            return false;
        }
    }

    private void drop(Listener l) {
        listeners.remove(l);
        try {
            l.async().complete();
        } catch (RuntimeException ignored) {
            // already completed
        }
    }

    /** Ends every open stream (the emulator is stopping) and the poller. */
    @Override
    public void close() {
        poller.shutdownNow();
        for (Listener l : listeners) {
            drop(l);
        }
    }
}
