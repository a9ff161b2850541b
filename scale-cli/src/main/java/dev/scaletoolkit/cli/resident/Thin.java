package dev.scaletoolkit.cli.resident;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jar's entry point. A short read-only command ({@link ResidentCommands}) is handed to the {@code scale up}
 * that {@code $SCALE_HOME/emulator.json} names, over its Unix socket, when that server runs this same build: it
 * runs the command as this process would and sends back what it prints, and this process relays it. Otherwise
 * (no server, a stale file, another build, {@code SCALE_RESIDENT=0}, the server declined) this process runs the
 * command itself, in the same JVM, at no extra cost. A command the server has accepted is never run again here.
 *
 * <p>This class and the ones it uses load nothing beyond the JDK's core (no picocli, Jackson, logging, HTTP
 * client): that is the point, since a short command's own work is a few milliseconds in the warm server while
 * starting those libraries costs this JVM most of a second.
 */
public final class Thin {
    /** {@link #run} did not hand the command to a server: run it in this process. */
    public static final int NOT_SERVED = -1;

    private static final int MAX_STATE_FILE = 1 << 16;

    /**
     * How long the client waits for the server to accept or decline a command before running it itself: the
     * server answers as soon as it has read the request, so only a stuck server takes this long. The commands it
     * may serve only read, so a server that accepts just after the client gave up does no harm. The system
     * property {@code scale.resident.answer-timeout-ms} changes it (tests shorten it).
     */
    static final long ANSWER_TIMEOUT_MILLIS = Long.getLong("scale.resident.answer-timeout-ms", 10_000L);

    private Thin() {}

    /**
     * Runs {@code scale args...}: through the running {@code scale up} when it can serve it, else here.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int code = run(
                args, System.getenv(), System.in, System.out, System.err, isTerminal(), System.getProperty("user.dir"));
        if (code == NOT_SERVED) {
            plain(args);
        } else {
            System.exit(code);
        }
    }

    /** In a method of its own, so that the resident path never resolves (or loads) the CLI's classes. */
    private static void plain(String[] args) {
        dev.scaletoolkit.cli.ScaleCli.main(args);
    }

    /** The socket a {@code scale up} with this pid serves in this home. */
    public static Path socket(Path home, long pid) {
        // no string '+' on the client's path: its first use links StringConcatFactory, tens of milliseconds
        return home.resolve(
                new StringBuilder("resident-").append(pid).append(".sock").toString());
    }

    /**
     * Hands the command to the server and relays what it prints; returns its exit code, or {@link #NOT_SERVED}
     * when no server took it (nothing has run then).
     *
     * @param args the command line
     * @param env the caller's environment
     * @param stdin relayed to {@code mcp}; other commands read none
     * @param stdout where the command's standard output goes
     * @param stderr where its standard error goes
     * @param terminal whether standard output is a terminal
     * @param cwd the caller's working directory
     * @return the exit code, or {@link #NOT_SERVED}
     */
    public static int run(
            String[] args,
            Map<String, String> env,
            InputStream stdin,
            OutputStream stdout,
            OutputStream stderr,
            boolean terminal,
            String cwd) {
        if (!ResidentCommands.served(args, env)) {
            return NOT_SERVED;
        }
        long pid = recordedPid(home(env));
        if (pid < 0) {
            return NOT_SERVED;
        }
        Path socket = socket(home(env), pid);
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            return NOT_SERVED; // no socket, or nothing listens on it any more
        }
        try (channel) {
            OutputStream toServer = Frames.out(channel);
            DataInputStream fromServer = new DataInputStream(new BufferedInputStream(Frames.in(channel), 1 << 16));
            Frames.Frame answer;
            try {
                byte[] request = new Frames.Request(
                                Identity.build(),
                                Identity.platform(),
                                System.getProperty("sun.stdout.encoding", ""),
                                System.getProperty("sun.stderr.encoding", ""),
                                cwd,
                                terminal,
                                List.of(args),
                                env)
                        .encode();
                if (request.length > Frames.MAX_REQUEST) {
                    return NOT_SERVED;
                }
                Frames.write(toServer, Frames.REQUEST, request, 0, request.length);
                // A server that took the connection but never answers (stuck, or its accept thread gone) must not
                // hang the caller: the watchdog closes the channel, the read fails, and the command runs here.
                AnswerWatchdog watchdog = new AnswerWatchdog(channel, ANSWER_TIMEOUT_MILLIS);
                watchdog.start();
                try {
                    answer = Frames.read(fromServer, Frames.MAX_DATA);
                } finally {
                    watchdog.interrupt();
                }
            } catch (IOException e) {
                return NOT_SERVED;
            }
            if (answer == null || answer.type() != Frames.ACCEPTED) {
                return NOT_SERVED; // declined (another build, busy, ...) or gone before accepting
            }
            // From here on the server runs the command: whatever happens, it is not run again here.
            if (ResidentCommands.readsStdin(args)) {
                relayInput(stdin, toServer);
            }
            return relayOutput(fromServer, stdout, stderr, pid);
        } catch (IOException e) {
            return relayLost(stderr, pid); // closing the channel failed: what was printed stands
        }
    }

    /**
     * Closes the channel if the server's first answer has not come within the timeout. A plain thread subclass, no
     * lambda: linking one costs this short-lived JVM tens of milliseconds.
     */
    private static final class AnswerWatchdog extends Thread {
        private final SocketChannel channel;
        private final long millis;

        AnswerWatchdog(SocketChannel channel, long millis) {
            super("scale-answer-watchdog");
            this.channel = channel;
            this.millis = millis;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                Thread.sleep(millis);
                channel.close();
            } catch (InterruptedException answered) {
                // the answer came in time
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** Standard input to the server, in frames, then its end; on a thread of its own (MCP reads as it writes). */
    private static void relayInput(InputStream stdin, OutputStream toServer) {
        Thread relay = new Thread(
                () -> {
                    byte[] buf = new byte[Frames.MAX_DATA];
                    try {
                        for (int n = stdin.read(buf); n >= 0; n = stdin.read(buf)) {
                            if (n > 0) {
                                Frames.write(toServer, Frames.STDIN, buf, 0, n);
                            }
                        }
                        Frames.write(toServer, Frames.STDIN_EOF, buf, 0, 0);
                    } catch (IOException e) {
                        // the connection is gone: the output side reports it
                    }
                },
                "scale-stdin");
        relay.setDaemon(true);
        relay.start();
    }

    private static int relayOutput(DataInputStream fromServer, OutputStream stdout, OutputStream stderr, long pid)
            throws IOException {
        while (true) {
            Frames.Frame f;
            try {
                f = Frames.read(fromServer, Frames.MAX_DATA);
            } catch (IOException e) {
                f = null;
            }
            if (f == null) {
                return relayLost(stderr, pid);
            }
            switch (f.type()) {
                case Frames.STDOUT -> {
                    stdout.write(f.data());
                    stdout.flush();
                }
                case Frames.STDERR -> {
                    stderr.write(f.data());
                    stderr.flush();
                }
                case Frames.EXIT -> {
                    if (f.data().length != 4) {
                        return relayLost(stderr, pid);
                    }
                    return ByteBuffer.wrap(f.data()).getInt();
                }
                default -> {
                    return relayLost(stderr, pid);
                }
            }
        }
    }

    /** The server went away mid-run: say so; exit code 3, as for a Scale that cannot be reached. */
    private static int relayLost(OutputStream stderr, long pid) {
        try {
            stderr.write(("scale: the scale up that ran this command (pid " + pid + ") stopped before it finished"
                            + System.lineSeparator())
                    .getBytes(StandardCharsets.UTF_8));
            stderr.flush();
        } catch (IOException ignored) {
            // nowhere left to say it
        }
        return 3;
    }

    /** {@code $SCALE_HOME}, else {@code ~/.scale} (as the gateway resolves it). */
    static Path home(Map<String, String> env) {
        String fromEnv = env.get("SCALE_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.trim());
        }
        return Path.of(System.getProperty("user.home"), ".scale");
    }

    /**
     * The pid in {@code emulator.json} when that process is alive, else -1. A scan for one field instead of a JSON
     * parser (or even a regular expression, whose first use links lambdas): the file is ours, small and flat, and
     * Jackson would cost this JVM more than the whole run.
     */
    static long recordedPid(Path home) {
        try {
            Path state = home.resolve("emulator.json");
            if (Files.size(state) > MAX_STATE_FILE) {
                return -1;
            }
            String json = Files.readString(state);
            int at = json.indexOf("\"pid\"");
            if (at < 0) {
                return -1;
            }
            int i = at + 5;
            while (i < json.length() && (json.charAt(i) == ' ' || json.charAt(i) == ':')) {
                i++;
            }
            int digits = i;
            while (i < json.length() && i - digits < 19 && Character.isDigit(json.charAt(i))) {
                i++;
            }
            if (i == digits) {
                return -1;
            }
            long pid = Long.parseLong(json.substring(digits, i));
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.isPresent() && process.get().isAlive() ? pid : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether standard output is a terminal: tables instead of JSON, colour, progress bars. */
    public static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; isTerminal() tells the truth there
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before Java 22 a console exists only on a terminal
        }
    }
}
