package dev.scaletoolkit.emulator.file;

import dev.scaletoolkit.emulator.Http;
import java.nio.charset.StandardCharsets;

/** Small helpers over {@link Http} for the file endpoints. */
final class FileApi {
    private final Http http;

    FileApi(Http http) {
        this.http = http;
    }

    Http.Resp upload(Multipart form) {
        return http.send(http.builder("/v1/files/upload")
                .header("Content-Type", form.contentType())
                .POST(form.publisher()));
    }

    /** Uploads {@code text} as a small text file in {@code project}, with optional metadata JSON. */
    Http.Resp uploadText(String project, String text, String metadataJson) {
        Multipart form = new Multipart()
                .field("project_name", project)
                .file("file", "note.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8));
        if (metadataJson != null) {
            form.field("metadata", metadataJson);
        }
        return upload(form);
    }

    Http.Resp get(String path) {
        return http.get(path);
    }

    Http.Resp importUrl(String json) {
        return http.post("/v1/files/import", json);
    }
}
