package dev.scaletoolkit.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Standard input for the stdio server that lets the first message through (the client's {@code initialize}) and
 * holds everything after it until {@code ready} completes (the tools are registered). So {@code initialize} is
 * answered while the catalog still loads, and no {@code tools/list} or {@code tools/call} can overtake the
 * catalog. Messages are newline-delimited (MCP's stdio transport), so the first message ends at the first
 * {@code \n}; it is read a byte at a time, never past that newline.
 */
final class HeldInput extends FilterInputStream {
    private final CompletableFuture<?> ready;
    private boolean firstMessageRead;

    HeldInput(InputStream in, CompletableFuture<?> ready) {
        super(in);
        this.ready = ready;
    }

    @Override
    public int read() throws IOException {
        if (!firstMessageRead) {
            int b = in.read();
            firstMessageRead = b == '\n' || b < 0;
            return b;
        }
        return awaitReady() ? in.read() : -1;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!firstMessageRead) {
            int b = read();
            if (b < 0) {
                return -1;
            }
            buf[off] = (byte) b;
            return 1;
        }
        return awaitReady() ? in.read(buf, off, len) : -1;
    }

    /** Nothing is available while held, so a reader hands over the first message instead of waiting for more. */
    @Override
    public int available() throws IOException {
        return firstMessageRead && !ready.isDone() ? 0 : in.available();
    }

    /** Waits for the tools; false (end of input: the session closes) if they could not be loaded. */
    private boolean awaitReady() {
        try {
            ready.join();
            return true;
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return false;
        }
    }
}
