package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.EmulatorLimits;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.file.FileDocs;
import dev.scaletoolkit.emulator.file.FileUpload;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.ApiServlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code POST /v1/files/upload}: a multipart form with the bytes in the part {@code file} and the optional
 * text fields {@code project_name}, {@code display_name}, {@code reference_id} and {@code metadata} (a JSON object
 * sent as a string). The servlet spools parts to disk, so an upload never sits in memory.
 */
final class MultipartUpload {
    /** Room for the form's other fields and boundaries on top of the file itself. */
    static final long FORM_OVERHEAD_BYTES = 1024 * 1024;

    private static final int MAX_TEXT_FIELD_BYTES = 64 * 1024;

    private MultipartUpload() {}

    /** The upload in {@code request}; 400 or 413 naming what is wrong with the form. */
    static FileUpload.Upload read(ApiRequest request) throws IOException {
        HttpServletRequest servlet = request.servlet();
        String contentType = servlet.getContentType() == null ? "" : servlet.getContentType();
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw ApiError.badRequest("File upload takes multipart/form-data with the file in a part named \"file\";"
                    + " got " + (contentType.isEmpty() ? "no Content-Type" : "Content-Type " + contentType) + ".");
        }
        if (servlet.getContentLengthLong() > EmulatorLimits.MAX_FILE_BYTES + FORM_OVERHEAD_BYTES) {
            throw FileUpload.tooLarge();
        }
        // The parser reads the body up to the part limit, so at most a few bytes are left for the servlet to drain.
        servlet.setAttribute(ApiServlet.BODY_STREAMED, Boolean.TRUE);
        Part file = part(servlet, "file");
        if (file == null) {
            throw ApiError.invalidParam("file", "is required: send the bytes in a multipart part named \"file\"");
        }
        FileDocs.Attributes attributes = new FileDocs.Attributes(
                text(servlet, "project_name"),
                text(servlet, "display_name"),
                text(servlet, "reference_id"),
                metadata(servlet));
        return new FileUpload.Upload(
                attributes, file::getInputStream, file.getContentType(), file.getSubmittedFileName());
    }

    /**
     * A part by name. The servlet container enforces the multipart limits while it reads; its failures (an
     * IllegalStateException for a part or request over the limit, a ServletException or IOException for a broken
     * body) become 413 or 400 here rather than a 500.
     */
    private static Part part(HttpServletRequest servlet, String name) {
        try {
            return servlet.getPart(name);
        } catch (ServletException | IOException | RuntimeException e) {
            if (overLimit(e)) {
                throw FileUpload.tooLarge();
            }
            throw ApiError.badRequest("The multipart/form-data body could not be read: " + firstLine(e) + ".");
        }
    }

    private static String text(HttpServletRequest servlet, String name) throws IOException {
        Part part = part(servlet, name);
        if (part == null) {
            return null;
        }
        if (part.getSize() > MAX_TEXT_FIELD_BYTES) {
            throw ApiError.invalidParam(name, "must be at most " + MAX_TEXT_FIELD_BYTES + " bytes");
        }
        try (InputStream in = part.getInputStream()) {
            String value = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return value.isEmpty() ? null : value;
        }
    }

    private static ObjectNode metadata(HttpServletRequest servlet) throws IOException {
        String text = text(servlet, "metadata");
        return text == null ? null : FileDocs.parseMetadata("metadata", text);
    }

    /**
     * Jetty reports a part or body over the configured limit as an IllegalStateException ("max file size exceeded"),
     * wrapped in a 400 BadMessageException inside a ServletException; a 413 HttpException means the same.
     */
    private static boolean overLimit(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof HttpException http) {
                if (http.getCode() == 413) {
                    return true;
                }
            } else if (t instanceof IllegalStateException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null
                ? root.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
