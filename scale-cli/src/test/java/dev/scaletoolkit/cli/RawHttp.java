package dev.scaletoolkit.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately naive HTTP/1.1 client on a plain socket, so that malformed requests (bad methods, invalid
 * percent-encoding, wrong Host, broken bodies) reach the server exactly as written. One connection per request,
 * closed by the server ({@code Connection: close}).
 */
final class RawHttp {
    private RawHttp() {}

    record Response(int status, Map<String, String> headers, String body, long millis) {
        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }

    static Response send(int port, String head, byte[] body, int timeoutMillis) throws IOException {
        long start = System.nanoTime();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(timeoutMillis);
            // No TIME_WAIT on our side: a long run opens a hundred thousand connections.
            s.setSoLinger(true, 0);
            OutputStream out = s.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (java.net.SocketException answeredEarly) {
                // the server refused the request before reading all of it (414, 413, 431): read its answer
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            int n;
            try {
                while ((n = in.read(buf)) != -1) {
                    got.write(buf, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // the server may reset after answering a request whose body it did not read; keep what came
            }
            return parse(got.toString(StandardCharsets.UTF_8), (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static Response parse(String raw, long millis) {
        int split = raw.indexOf("\r\n\r\n");
        String head = split < 0 ? raw : raw.substring(0, split);
        String body = split < 0 ? "" : raw.substring(split + 4);
        String[] lines = head.split("\r\n");
        int status = -1;
        if (lines.length > 0 && lines[0].startsWith("HTTP/1.1 ") && lines[0].length() >= 12) {
            status = Integer.parseInt(lines[0].substring(9, 12));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Response(status, headers, body, millis);
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(body.substring(i, eol).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int end = Math.min(body.length(), eol + 2 + size);
            out.append(body, eol + 2, end);
            i = end + 2;
        }
        return out.toString();
    }
}
