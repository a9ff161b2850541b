package dev.scaletoolkit.emulator.file;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A multipart/form-data body built by hand, as a client library would send it. The file part can be a generated
 * stream, so a test can send more than 80 MB without holding it in memory.
 */
final class Multipart {
    private final String boundary = "----scale-test-" + UUID.randomUUID();
    private final List<Supplier<InputStream>> pieces = new ArrayList<>();
    private long length;

    Multipart field(String name, String value) {
        return bytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    Multipart file(String name, String filename, String contentType, byte[] content) {
        return file(name, filename, contentType, content.length, () -> new ByteArrayInputStream(content));
    }

    /** A file part whose {@code size} bytes come from {@code content}, opened afresh for each send. */
    Multipart file(String name, String filename, String contentType, long size, Supplier<InputStream> content) {
        StringBuilder head = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"; filename=\"" + filename + "\"\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("\r\n");
        bytes(head.toString().getBytes(StandardCharsets.UTF_8));
        pieces.add(content);
        length += size;
        return bytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private Multipart bytes(byte[] b) {
        pieces.add(() -> new ByteArrayInputStream(b));
        length += b.length;
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    private InputStream open() {
        List<InputStream> streams = new ArrayList<>();
        pieces.forEach(p -> streams.add(p.get()));
        streams.add(new ByteArrayInputStream(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)));
        return new SequenceInputStream(Collections.enumeration(streams));
    }

    private long totalLength() {
        return length + ("--" + boundary + "--\r\n").length();
    }

    /** A body with Content-Length set. */
    HttpRequest.BodyPublisher publisher() {
        return HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(this::open), totalLength());
    }

    /** A chunked body: the server learns the size only while reading. */
    HttpRequest.BodyPublisher chunkedPublisher() {
        return HttpRequest.BodyPublishers.ofInputStream(this::open);
    }

    /** {@code size} bytes of a repeating pattern, generated as they are read. */
    static InputStream generated(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return (int) (left % 251);
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ((left - i) % 251);
                }
                left -= n;
                return n;
            }
        };
    }
}
