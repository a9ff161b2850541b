package dev.scaletoolkit.client.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A request body: bytes and a content type. {@code repeatable} is false for bodies that must not be sent twice
 * (the retry layer then never resends them).
 */
public final class RequestBody {
    private final byte[] bytes;
    private final String contentType;
    private final boolean repeatable;

    private RequestBody(byte[] bytes, String contentType, boolean repeatable) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.repeatable = repeatable;
    }

    /**
     * A JSON body.
     *
     * @param bytes UTF-8 JSON
     * @return the body, safe to resend
     */
    public static RequestBody json(byte[] bytes) {
        return new RequestBody(bytes, "application/json", true);
    }

    /**
     * A body of any type.
     *
     * @param bytes the content
     * @param contentType its {@code Content-Type}
     * @param repeatable whether the retry layer may send it again
     * @return the body
     */
    public static RequestBody of(byte[] bytes, String contentType, boolean repeatable) {
        return new RequestBody(bytes, contentType, repeatable);
    }

    /**
     * A {@code multipart/form-data} body as Scale's file upload reads it: plain form fields, then the file in the
     * part named {@code file}. Quotes and line breaks are taken out of names, so a field or file name cannot
     * break the part headers; the file type is kept to one line.
     *
     * @param fields form fields, sent in iteration order
     * @param fileName the file name Scale records
     * @param fileType the file's content type
     * @param content the file's bytes
     * @return the body (repeatable) with its boundary in the content type
     */
    public static RequestBody multipart(Map<String, String> fields, String fileName, String fileType, byte[] content) {
        String boundary = "scale-toolkit-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            write(out, "--" + boundary + "\r\n");
            write(out, "Content-Disposition: form-data; name=\"" + headerSafe(field.getKey()) + "\"\r\n\r\n");
            write(out, field.getValue() + "\r\n");
        }
        write(out, "--" + boundary + "\r\n");
        write(out, "Content-Disposition: form-data; name=\"file\"; filename=\"" + headerSafe(fileName) + "\"\r\n");
        write(out, "Content-Type: " + oneLine(fileType) + "\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + boundary + "--\r\n");
        return new RequestBody(out.toByteArray(), "multipart/form-data; boundary=" + boundary, true);
    }

    /** A name inside a quoted header parameter: one line, no quote to end it early. */
    private static String headerSafe(String s) {
        return oneLine(s).replace("\"", "%22");
    }

    private static String oneLine(String s) {
        return s.replace("\r", "").replace("\n", "");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The content.
     *
     * @return a copy of the bytes
     */
    public byte[] bytes() {
        return Arrays.copyOf(bytes, bytes.length);
    }

    byte[] bytesUnsafe() {
        return bytes;
    }

    /**
     * The content type.
     *
     * @return the {@code Content-Type} header value
     */
    public String contentType() {
        return contentType;
    }

    /**
     * Whether the retry layer may send this body again.
     *
     * @return true when a resend is safe
     */
    public boolean repeatable() {
        return repeatable;
    }

    /**
     * The content length.
     *
     * @return the number of bytes
     */
    public int length() {
        return bytes.length;
    }
}
