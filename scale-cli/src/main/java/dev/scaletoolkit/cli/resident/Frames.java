package dev.scaletoolkit.cli.resident;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire format between the thin client and the resident server, on a Unix domain socket: frames of one type
 * byte, a four-byte big-endian length and that many bytes. The client sends one {@link #REQUEST}, then (for
 * {@code mcp}) {@link #STDIN} frames and a {@link #STDIN_EOF}; the server answers {@link #ACCEPTED} or
 * {@link #DECLINED} (the client then runs the command itself), then {@link #STDOUT} and {@link #STDERR} frames and
 * one {@link #EXIT}. Anything else, or a length over the type's limit, closes the connection.
 */
final class Frames {
    static final byte REQUEST = 'R';
    static final byte STDIN = 'I';
    static final byte STDIN_EOF = 'Z';
    static final byte ACCEPTED = 'A';
    static final byte DECLINED = 'D';
    static final byte STDOUT = 'O';
    static final byte STDERR = 'E';
    static final byte EXIT = 'X';

    /** First field of a request; a client of another protocol version is declined, not misread. */
    static final int VERSION = 0x53434c01;

    /** A request holds the arguments and the environment: generous for both, small for a server's heap. */
    static final int MAX_REQUEST = 1 << 20;
    /** Standard input and output travel in frames of at most this many bytes. */
    static final int MAX_DATA = 1 << 16;

    private static final int MAX_ITEMS = 10_000;

    private Frames() {}

    /** A malformed frame or request: the connection is closed. */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    /** What a client asks the server to run. */
    record Request(
            String build,
            String platform,
            String stdoutEncoding,
            String stderrEncoding,
            String cwd,
            boolean terminal,
            List<String> args,
            Map<String, String> env) {
        byte[] encode() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(VERSION);
            string(out, build);
            string(out, platform);
            string(out, stdoutEncoding);
            string(out, stderrEncoding);
            string(out, cwd);
            out.writeBoolean(terminal);
            out.writeInt(args.size());
            for (String a : args) {
                string(out, a);
            }
            out.writeInt(env.size());
            for (Map.Entry<String, String> e : env.entrySet()) {
                string(out, e.getKey());
                string(out, e.getValue());
            }
            return bytes.toByteArray();
        }

        static Request decode(byte[] payload) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
            try {
                if (in.readInt() != VERSION) {
                    throw new Malformed("another protocol version");
                }
                String build = string(in);
                String platform = string(in);
                String stdoutEncoding = string(in);
                String stderrEncoding = string(in);
                String cwd = string(in);
                boolean terminal = in.readBoolean();
                int argc = count(in);
                List<String> args = new ArrayList<>(argc);
                for (int i = 0; i < argc; i++) {
                    args.add(string(in));
                }
                int envc = count(in);
                Map<String, String> env = new LinkedHashMap<>();
                for (int i = 0; i < envc; i++) {
                    env.put(string(in), string(in));
                }
                if (in.available() != 0) {
                    throw new Malformed("trailing bytes");
                }
                return new Request(build, platform, stdoutEncoding, stderrEncoding, cwd, terminal, args, env);
            } catch (EOFException e) {
                throw new Malformed("truncated request");
            }
        }
    }

    /** Writes one frame (not thread-safe: callers serialise). */
    static void write(OutputStream out, byte type, byte[] data, int off, int len) throws IOException {
        byte[] frame = new byte[5 + len]; // one write, so a frame is never split between two writers' calls
        frame[0] = type;
        frame[1] = (byte) (len >>> 24);
        frame[2] = (byte) (len >>> 16);
        frame[3] = (byte) (len >>> 8);
        frame[4] = (byte) len;
        System.arraycopy(data, off, frame, 5, len);
        out.write(frame);
        out.flush();
    }

    /** One frame read: its type and payload. */
    record Frame(byte type, byte[] data) {}

    /** Reads one frame, or null at a clean end of stream; a length over the type's limit is {@link Malformed}. */
    static Frame read(DataInputStream in, int maxLength) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        int len = in.readInt();
        if (len < 0 || len > maxLength) {
            throw new Malformed("frame of " + len + " bytes");
        }
        byte[] data = new byte[len];
        in.readFully(data);
        return new Frame((byte) type, data);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > in.available()) {
            throw new Malformed("string of " + len + " bytes");
        }
        return new String(in.readNBytes(len), StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_ITEMS) {
            throw new Malformed(n + " items");
        }
        return n;
    }

    /**
     * A socket channel's input as a stream. Not {@code Channels.newInputStream}: on Java 17 its reads and writes
     * share one lock, so a read waiting for the server would block the client's standard-input relay.
     */
    static InputStream in(SocketChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                return channel.read(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    /** A socket channel's output as a stream (see {@link #in}). */
    static OutputStream out(SocketChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            }
        };
    }
}
