package dev.scaletoolkit.cli.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A bare HTTP/1.1 client on one kept-alive socket: the load generator's own, so that it costs the machine far less
 * than the server it measures (the JDK client's async machinery would share the two cores with the emulator).
 * It speaks only what the emulator answers: Content-Length or chunked bodies, keep-alive, {@code Connection: close}.
 */
final class RawHttp implements Closeable {
    /** One answer: status and body. */
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final byte[] fixedHeaders;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** @param authorization the Authorization header value, or null */
    RawHttp(URI base, String authorization) {
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : 80;
        if (!"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("scale bench speaks plain http only, got " + base);
        }
        StringBuilder h = new StringBuilder();
        h.append("Host: ").append(host).append(':').append(port).append("\r\n");
        if (authorization != null) {
            h.append("Authorization: ").append(authorization).append("\r\n");
        }
        this.fixedHeaders = h.toString().getBytes(StandardCharsets.US_ASCII);
    }

    Response get(String path) throws IOException {
        return send("GET", path, null);
    }

    Response post(String path, byte[] json) throws IOException {
        return send("POST", path, json);
    }

    Response send(String method, String path, byte[] json) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            return exchange(method, path, json);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(120_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    private Response exchange(String method, String path, byte[] json) throws IOException {
        ByteArrayOutputStream req = new ByteArrayOutputStream(256 + (json == null ? 0 : json.length));
        req.writeBytes((method + " " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
        req.writeBytes(fixedHeaders);
        if (json != null) {
            req.writeBytes(("Content-Type: application/json\r\nContent-Length: " + json.length + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        req.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        if (json != null) {
            req.writeBytes(json);
        }
        req.writeTo(out);
        out.flush();

        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> {
                    // other headers do not matter to the benchmark
                }
            }
        }
        byte[] body;
        if (chunked) {
            body = chunkedBody();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new EOFException("body cut short");
            }
        } else {
            body = in.readAllBytes();
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Response(status, body);
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(n);
            if (chunk.length != n) {
                throw new EOFException("chunk cut short");
            }
            body.writeBytes(chunk);
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = s.length();
                if (end > 0 && s.charAt(end - 1) == '\r') {
                    s.setLength(end - 1);
                }
                return s.toString();
            }
            s.append((char) c);
        }
        throw new EOFException("connection closed by the server");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing to do
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
