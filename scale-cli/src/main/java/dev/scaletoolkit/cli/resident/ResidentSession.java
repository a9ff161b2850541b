package dev.scaletoolkit.cli.resident;

import dev.scaletoolkit.cli.ScaleCli;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * One client connection to the {@link ResidentServer}: reads its request, declines it or runs the command as the
 * client's own process would ({@code ScaleCli.commandLine} with the client's environment, terminal flag, charset
 * and standard streams), relays what it prints, and ends with its exit code. Nothing the client sends is logged:
 * the request carries its environment, keys included.
 */
final class ResidentSession {
    private static final Logger LOG = LoggerFactory.getLogger(ResidentSession.class);
    /** A client that connects and says nothing is dropped after this long. */
    private static final long REQUEST_TIMEOUT_SECONDS = 10;

    private final ResidentServer server;
    private final SocketChannel channel;
    private final OutputStream toClient;
    private final DataInputStream fromClient;
    private final RelayedInput stdin = new RelayedInput();
    private volatile boolean lost;

    ResidentSession(ResidentServer server, SocketChannel channel) {
        this.server = server;
        this.channel = channel;
        this.toClient = Frames.out(channel);
        this.fromClient = new DataInputStream(new BufferedInputStream(Frames.in(channel), 1 << 16));
    }

    void run() {
        try {
            ScheduledFuture<?> timeout =
                    server.scheduler().schedule(this::close, REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Frames.Frame first = Frames.read(fromClient, Frames.MAX_REQUEST);
            timeout.cancel(false);
            if (first == null) {
                return;
            }
            if (first.type() != Frames.REQUEST) {
                throw new Frames.Malformed("expected a request, got frame type " + first.type());
            }
            Frames.Request request = Frames.Request.decode(first.data());
            String declined = server.declines(request);
            if (declined != null) {
                LOG.debug("Resident command declined: {}", declined);
                send(Frames.DECLINED, declined.getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(Frames.ACCEPTED, new byte[0]);
            server.serving();
            Thread reader = new Thread(this::readInput, Thread.currentThread().getName() + "-in");
            reader.setDaemon(true);
            reader.start();
            int code = execute(request);
            send(Frames.EXIT, ByteBuffer.allocate(4).putInt(code).array());
        } catch (Frames.Malformed e) {
            LOG.debug("Closed a resident connection: {}", e.getMessage());
        } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
            // the client went away, or the server is closing: nothing to tell anyone
        } finally {
            close();
            server.ended(this);
        }
    }

    /** Runs the command; a failure of the command is its output and exit code, never the server's problem. */
    private int execute(Frames.Request request) {
        Charset outCharset = charset(request.stdoutEncoding());
        Charset errCharset = charset(request.stderrEncoding());
        OutputStream stdout = new Relayed(Frames.STDOUT);
        // as picocli makes its own writers for System.out and System.err
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, outCharset)), true);
        PrintWriter err = new PrintWriter(
                new BufferedWriter(new OutputStreamWriter(new Relayed(Frames.STDERR), errCharset)), true);
        String[] args = request.args().toArray(String[]::new);
        try {
            CommandLine cli = ScaleCli.commandLine(request.env()::get, request.terminal(), args);
            cli.setOut(out);
            cli.setErr(err);
            ScaleCli.stdio(cli, stdin, stdout, Path.of(request.cwd()));
            return cli.execute(args);
        } catch (RuntimeException | StackOverflowError | NoClassDefFoundError e) {
            // picocli catches what a command throws; this is a failure around it. The class only: a message
            // could quote the request.
            LOG.warn(
                    "A resident command failed outside the command: {}",
                    e.getClass().getName());
            err.println("scale: the running scale up could not run this command ("
                    + e.getClass().getSimpleName() + "); SCALE_RESIDENT=0 runs it in this process");
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Standard input frames to {@link #stdin} until the client's input ends or the client goes away. */
    private void readInput() {
        try {
            while (true) {
                Frames.Frame f = Frames.read(fromClient, Frames.MAX_DATA);
                if (f == null) {
                    break;
                }
                if (f.type() == Frames.STDIN && f.data().length > 0) {
                    stdin.offer(f.data());
                } else if (f.type() == Frames.STDIN_EOF) {
                    stdin.end();
                } else {
                    throw new Frames.Malformed("unexpected frame type " + f.type() + " after the request");
                }
            }
        } catch (Frames.Malformed e) {
            LOG.debug("Closed a resident connection: {}", e.getMessage());
            close();
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the client closed or broke the connection: a running MCP session sees the end of its input and ends
        stdin.abort();
    }

    private static Charset charset(String name) {
        if (name.isEmpty()) {
            return Charset.defaultCharset(); // the same as the client's: the server checked the platforms match
        }
        return Charset.forName(name.equalsIgnoreCase("cp65001") ? "UTF-8" : name);
    }

    /** Whether a charset name from a request is one this JVM has (else the request is declined). */
    static boolean supported(String name) {
        try {
            return name.isEmpty() || charset(name) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private synchronized void send(byte type, byte[] data) throws IOException {
        sendPart(type, data, 0, data.length);
    }

    private synchronized void sendPart(byte type, byte[] data, int off, int len) throws IOException {
        Frames.write(toClient, type, data, off, len);
    }

    /** Closes the connection: a client still waiting learns that the server went away. */
    void close() {
        lost = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed
        }
        stdin.abort();
    }

    /** A command's stdout or stderr as frames; once the client is gone, output is dropped, not an error. */
    private final class Relayed extends OutputStream {
        private final byte type;

        Relayed(byte type) {
            this.type = type;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int done = 0; done < len && !lost; ) {
                int n = Math.min(Frames.MAX_DATA, len - done);
                try {
                    sendPart(type, b, off + done, n);
                } catch (IOException e) {
                    ResidentSession.this.close();
                }
                done += n;
            }
        }
    }
}
