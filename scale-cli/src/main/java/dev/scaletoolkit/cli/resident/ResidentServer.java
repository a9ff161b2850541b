package dev.scaletoolkit.cli.resident;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resident side of short commands, inside {@code scale up}: a Unix domain socket in {@code $SCALE_HOME}
 * ({@code resident-PID.sock}, owner-only, in the owner-only home) on which the {@link Thin} client hands over a
 * command; each connection is a {@link ResidentSession}. Only processes of the same user are served (checked on the
 * socket's peer credentials as well as by the file's permissions), at most {@link #MAX_SESSIONS} at once (a client
 * beyond that is declined and runs the command itself), and only the same build with the same platform settings.
 * Nothing here can stop {@code scale up}: a failure to listen is one log line, a failing command is its client's
 * output, a malformed connection is closed.
 */
public final class ResidentServer implements AutoCloseable {
    /** Sessions at once; an MCP session lasts as long as its agent, a short command a few milliseconds. */
    static final int MAX_SESSIONS = 16;

    /** A client that connects and sends no request is dropped after this long. */
    static final java.time.Duration REQUEST_TIMEOUT = java.time.Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ResidentServer.class);
    private static final ResidentServer OFF = new ResidentServer(null, null, null, REQUEST_TIMEOUT);

    private final ServerSocketChannel listener;
    private final Path socket;
    private final java.time.Duration requestTimeout;
    private final UserPrincipal owner;
    private final String build = Identity.build();
    private final String platform = Identity.platform();
    private final Semaphore slots = new Semaphore(MAX_SESSIONS);
    private final Set<ResidentSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final ScheduledExecutorService scheduler;
    private volatile boolean closed;

    private ResidentServer(
            ServerSocketChannel listener, Path socket, UserPrincipal owner, java.time.Duration requestTimeout) {
        this.listener = listener;
        this.requestTimeout = requestTimeout;
        this.socket = socket;
        this.owner = owner;
        this.scheduler = listener == null
                ? null
                : Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "scale-resident-timeouts"));
    }

    /**
     * Starts serving short commands for the {@code scale up} with this pid, whose state file is in {@code home};
     * never throws (a server that cannot listen logs why, and commands take the plain path).
     */
    public static ResidentServer start(Path home, long pid) {
        return start(home, pid, REQUEST_TIMEOUT);
    }

    /** As {@link #start(Path, long)}, with another wait for a connection's request (tests). */
    static ResidentServer start(Path home, long pid, java.time.Duration requestTimeout) {
        Path socket = Thin.socket(home, pid);
        try {
            removeStale(home);
            Files.deleteIfExists(socket); // a pid's earlier life: this name is ours now
            ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                listener.bind(UnixDomainSocketAddress.of(socket));
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
                ResidentServer server = new ResidentServer(listener, socket, Files.getOwner(socket), requestTimeout);
                daemon(server::accept, "scale-resident").start();
                return server;
            } catch (IOException | RuntimeException e) {
                listener.close();
                Files.deleteIfExists(socket);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Short commands start their own JVM: cannot serve them on {} ({})", socket, e.toString());
            return OFF;
        }
    }

    /** Removes sockets left by {@code scale up}s that are gone (killed, crashed). */
    private static void removeStale(Path home) throws IOException {
        if (!Files.isDirectory(home)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(home, "resident-*.sock")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    long pid = Long.parseLong(name.substring("resident-".length(), name.length() - ".sock".length()));
                    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        Files.deleteIfExists(f);
                    }
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
    }

    private void accept() {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.debug("Resident accept failed: {}", e.toString());
                continue;
            }
            try {
                serve(channel);
            } catch (RuntimeException e) {
                // one connection's trouble never stops the others from being served
                LOG.debug("Resident connection dropped: {}", e.toString());
                quietlyClose(channel);
            }
        }
    }

    private void serve(SocketChannel channel) {
        if (!sameUser(channel)) {
            quietlyClose(channel);
            return;
        }
        if (!slots.tryAcquire()) {
            decline(channel, "busy: " + MAX_SESSIONS + " sessions");
            return;
        }
        ResidentSession session = new ResidentSession(this, channel);
        sessions.add(session);
        if (closed) {
            session.close();
        }
        daemon(session::run, "scale-resident-" + connections.incrementAndGet()).start();
    }

    /** Why this request cannot be served here (the client then runs it itself), or null to serve it. */
    String declines(Frames.Request request) {
        if (!build.equals(request.build())) {
            return "another build";
        }
        if (!platform.equals(request.platform())) {
            return "other charset or locale settings";
        }
        Map<String, String> env = request.env();
        for (String name : ResidentCommands.PINNED_ENV) {
            if (!Objects.equals(env.get(name), System.getenv(name))) {
                return name + " differs from this server's";
            }
        }
        if (!ResidentCommands.served(request.args().toArray(String[]::new), env)) {
            return "not a command this server runs";
        }
        if (!ResidentSession.supported(request.stdoutEncoding())
                || !ResidentSession.supported(request.stderrEncoding())) {
            return "an unknown charset";
        }
        return null;
    }

    private boolean sameUser(SocketChannel channel) {
        try {
            return owner.equals(
                    channel.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user());
        } catch (IOException | RuntimeException | LinkageError e) {
            // LinkageError: a runtime without the jdk.net module (a jlinked image) cannot tell who the peer is,
            // so it serves nobody: the client sees the connection close and runs the command itself
            return false;
        }
    }

    private static void decline(SocketChannel channel, String why) {
        try (channel) {
            byte[] reason = why.getBytes(StandardCharsets.UTF_8);
            Frames.write(Frames.out(channel), Frames.DECLINED, reason, 0, reason.length);
        } catch (IOException ignored) {
            // the client will run the command itself either way
        }
    }

    void ended(ResidentSession session) {
        if (sessions.remove(session)) {
            slots.release();
        }
    }

    /** A session accepted its request and runs the command. */
    void serving() {
        served.incrementAndGet();
    }

    /** Requests accepted so far (for tests: whether a run took the resident path). */
    int served() {
        return served.get();
    }

    java.time.Duration requestTimeout() {
        return requestTimeout;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Sessions running now (for tests: an MCP session ends when its client's input does). */
    int sessions() {
        return sessions.size();
    }

    /** The socket, or null when this server does not listen. */
    Path socket() {
        return socket;
    }

    /** Stops listening, ends every session (their clients say the server stopped) and removes the socket. */
    @Override
    public void close() {
        if (listener == null || closed) {
            return;
        }
        closed = true;
        quietlyClose(listener);
        sessions.forEach(ResidentSession::close);
        scheduler.shutdownNow();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // the next scale up removes a stale socket
        }
    }

    private static void quietlyClose(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
