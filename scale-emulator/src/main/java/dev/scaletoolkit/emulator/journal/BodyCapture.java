package dev.scaletoolkit.emulator.journal;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Copies the first bytes of a request and response body as they stream past, for the journal and the log line of
 * a failed request. Nothing is buffered beyond {@link #LIMIT}; the real streams are untouched.
 */
final class BodyCapture {
    static final int LIMIT = 16 * 1024;

    private BodyCapture() {}

    /** A bounded copy; {@link #total} counts every byte, kept or not. */
    static final class Tee {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long total;

        void write(int b) {
            total++;
            if (kept.size() < LIMIT) {
                kept.write(b);
            }
        }

        void write(byte[] b, int off, int len) {
            total += len;
            int room = LIMIT - kept.size();
            if (room > 0) {
                kept.write(b, off, Math.min(room, len));
            }
        }

        long total() {
            return total;
        }

        /** The kept bytes as UTF-8, with a note when the body was longer. */
        String text() {
            if (total == 0) {
                return null;
            }
            String s = kept.toString(StandardCharsets.UTF_8);
            return total > kept.size() ? s + "... [" + total + " bytes in all]" : s;
        }
    }

    static final class Request extends HttpServletRequestWrapper {
        final Tee tee = new Tee();
        private ServletInputStream stream;

        Request(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            tee.write(b);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        if (n > 0) {
                            tee.write(b, off, n);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }

    static final class Response extends HttpServletResponseWrapper {
        final Tee tee = new Tee();
        private ServletOutputStream stream;
        private PrintWriter writer;

        Response(HttpServletResponse response) {
            super(response);
        }

        // A declared length lets the container complete the response as soon as the last byte is written, before
        // the filter has journaled it; without it the container sets the length (or chunks) when the filter
        // returns, so a test that reads the journal right after its call always finds that call there.
        @Override
        public void setContentLength(int len) {}

        @Override
        public void setContentLengthLong(long len) {}

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        tee.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        tee.write(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        out.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        // The container completes the response when the filter returns, after the journal entry
                        // and the failure line are written; closing here would let the client see its answer
                        // before the journal holds it.
                        out.flush();
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
            }
            return writer;
        }

        /** Pushes out what a route wrote through {@link #getWriter} and did not flush. */
        void finish() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            super.flushBuffer();
        }
    }
}
