package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.studio.Activity;
import dev.scaletoolkit.infra.work.Supervisor;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The live dashboard's server-sent events ({@code GET /dashboard/events}). One poller per node reads the
 * {@link Activity} fingerprint of each account that has a dashboard open, about once a second, and sends
 * {@code event: change} to those dashboards when it moved. The fingerprint comes from the database, so a change
 * made through any node (several nodes on one PostgreSQL) reaches every node's dashboards; nothing is pushed between
 * nodes. The page then fetches the dashboard again and swaps in its live sections.
 *
 * <p>The poller is a {@link Supervisor} worker ({@value #WORKER}): a failure of any kind, an {@link Error} included,
 * shows in {@code /_emulator/health} and the poller runs again after its back-off, instead of ending silently.
 *
 * <p>Writes never block the poller: each stream has its own queue and is written only when the connection can
 * take more (servlet non-blocking output). A stream whose queue passes {@link #MAX_QUEUED_BYTES} (a tab that stopped
 * reading) is closed; the browser's EventSource reconnects by itself when it wakes, so one stalled client cannot
 * delay the others' events.
 */
final class LiveEvents implements AutoCloseable {
    /** The supervised poller's name, as health reports it. */
    static final String WORKER = "scale-dashboard-events";
    /** A comment line this often keeps proxies from closing a quiet stream and finds closed tabs. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    /**
     * Most bytes waiting for one stream: events are about 60 bytes, so this is hundreds of unread events; a client
     * that far behind is dropped rather than buffered without end.
     */
    static final int MAX_QUEUED_BYTES = 16 * 1024;

    /** Where one stream's bytes go; the servlet response in production. */
    interface Sink {
        /** Whether a write now would not block (non-blocking output's {@code isReady}). */
        boolean ready();

        void write(byte[] bytes) throws IOException;

        void flush() throws IOException;

        void close();
    }

    private final Function<Caller, String> versions;
    private final Supervisor supervisor;
    private final Duration every;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private Supervisor.Worker worker;
    private long lastKeepAlive;

    LiveEvents(Activity activity, Supervisor supervisor, Duration every) {
        this(activity::version, supervisor, every);
    }

    LiveEvents(Function<Caller, String> versions, Supervisor supervisor, Duration every) {
        this.versions = versions;
        this.supervisor = supervisor;
        this.every = every;
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
        String version = versions.apply(viewer.caller());
        AsyncContext async = ex.req().startAsync();
        async.setTimeout(0);
        ServletOutputStream out = resp.getOutputStream();
        Sink sink = new Sink() {
            @Override
            public boolean ready() {
                return out.isReady();
            }

            @Override
            public void write(byte[] bytes) throws IOException {
                out.write(bytes);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() {
                try {
                    async.complete();
                } catch (RuntimeException ignored) {
                    // already completed
                }
            }
        };
        Client client = new Client(viewer.caller(), sink, version);
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                clients.remove(client);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                drop(client);
            }

            @Override
            public void onError(AsyncEvent event) {
                drop(client);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // nothing to do
            }
        });
        out.setWriteListener(new WriteListener() {
            @Override
            public void onWritePossible() {
                client.drain();
            }

            @Override
            public void onError(Throwable t) {
                drop(client);
            }
        });
        // Only now, in non-blocking mode, does anything get written.
        attach(client);
    }

    /**
     * Adds a stream for {@code caller} that has seen {@code version}, queues its greeting and starts the poller if
     * it is not running.
     */
    Client attach(Caller caller, String version, Sink sink) {
        return attach(new Client(caller, sink, version));
    }

    private Client attach(Client client) {
        clients.add(client);
        // The browser reconnects after two seconds if the stream breaks (a restart, a network change).
        client.offer("retry: 2000\nevent: ready\ndata: " + client.seen + "\n\n");
        start();
        return client;
    }

    private synchronized void start() {
        if (worker == null) {
            worker = supervisor.start(WORKER, every, this::poll);
        }
    }

    /** One round: sends a change event to every stream whose account's fingerprint moved. Throws what it meets. */
    void poll() {
        if (clients.isEmpty()) {
            return;
        }
        Map<Caller, String> seenNow = new HashMap<>();
        for (Client c : clients) {
            String now = seenNow.computeIfAbsent(c.caller, versions);
            if (!now.equals(c.seen)) {
                c.seen = now;
                c.offer("event: change\ndata: " + now + "\n\n");
            }
        }
        long now = System.nanoTime();
        if (now - lastKeepAlive > KEEP_ALIVE.toNanos()) {
            lastKeepAlive = now;
            for (Client c : clients) {
                c.offer(": keep-alive\n\n");
            }
        }
    }

    private void drop(Client c) {
        clients.remove(c);
        c.closed();
    }

    /** Open streams now (tests watch a stalled one go). */
    int open() {
        return clients.size();
    }

    /** Ends every open stream (the emulator is stopping) and the poller. */
    @Override
    public void close() {
        Supervisor.Worker w;
        synchronized (this) {
            w = worker;
            worker = null;
        }
        if (w != null) {
            w.close();
        }
        for (Client c : clients) {
            drop(c);
        }
    }

    /** One open stream: its account, the fingerprint it last saw, and the bytes queued for it. */
    final class Client {
        private final Caller caller;
        private final Sink sink;
        private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
        private volatile String seen;
        private int queued;
        private boolean flushDue;
        private boolean closed;

        private Client(Caller caller, Sink sink, String seen) {
            this.caller = caller;
            this.sink = sink;
            this.seen = seen;
        }

        /** Queues an event and writes what the connection takes now; a client too far behind is dropped. */
        void offer(String event) {
            byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (queued + bytes.length > MAX_QUEUED_BYTES) {
                    closed = true;
                } else {
                    queue.add(bytes);
                    queued += bytes.length;
                }
            }
            if (isClosed()) {
                drop(this);
                return;
            }
            drain();
        }

        /** Writes queued bytes while the connection is ready; called again by the container when it is. */
        void drain() {
            boolean failed = false;
            synchronized (this) {
                try {
                    while (!closed && sink.ready()) {
                        byte[] next = queue.poll();
                        if (next != null) {
                            queued -= next.length;
                            sink.write(next);
                            flushDue = true;
                        } else if (flushDue) {
                            flushDue = false;
                            sink.flush();
                        } else {
                            break;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    failed = true;
                }
            }
            if (failed) {
                drop(this);
            }
        }

        private synchronized boolean isClosed() {
            return closed;
        }

        private void closed() {
            synchronized (this) {
                closed = true;
                queue.clear();
                queued = 0;
            }
            sink.close();
        }
    }
}
