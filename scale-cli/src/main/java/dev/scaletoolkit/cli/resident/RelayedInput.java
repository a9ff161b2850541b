package dev.scaletoolkit.cli.resident;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A resident command's standard input: the client's {@link Frames#STDIN} frames, in order, then end of input when
 * the client sends {@link Frames#STDIN_EOF} or goes away. A few frames are buffered; beyond that the session's
 * reader waits, which holds back the client through the socket instead of filling the server's heap.
 */
final class RelayedInput extends InputStream {
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(4);
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    /** Called by the session's reader: one frame's bytes (never empty). */
    void offer(byte[] data) throws InterruptedException {
        chunks.put(data);
    }

    /** Called by the session's reader when the client's input ended: what was sent is read first. */
    void end() throws InterruptedException {
        chunks.put(END);
    }

    /** The client is gone: end of input at once (what it sent and was not read yet no longer matters). */
    void abort() {
        while (!chunks.offer(END)) {
            chunks.poll();
        }
    }

    @Override
    public synchronized int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws InterruptedIOException {
        if (len == 0) {
            return 0;
        }
        while (pos == current.length) {
            if (ended) {
                return -1;
            }
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("standard input interrupted");
            }
            pos = 0;
            if (current == END) {
                ended = true;
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return current.length - pos;
    }
}
