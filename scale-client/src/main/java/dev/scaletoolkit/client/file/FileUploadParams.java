package dev.scaletoolkit.client.file;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What {@code POST /files/upload} sends: the file's bytes and name, and optional form fields. */
public final class FileUploadParams {
    private final byte[] content;
    private final String filename;
    private final String contentType;
    private final Map<String, String> fields;

    private FileUploadParams(Builder b) {
        this.content = b.content;
        this.filename = b.filename;
        this.contentType = b.contentType;
        this.fields = Map.copyOf(b.fields);
    }

    /**
     * Starts an upload.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    byte[] content() {
        return content;
    }

    String filename() {
        return filename;
    }

    String contentType() {
        return contentType;
    }

    Map<String, String> fields() {
        return fields;
    }

    /** Builds {@link FileUploadParams}; the content is required. */
    public static final class Builder {
        private byte[] content;
        private String filename = "file";
        private String contentType = "application/octet-stream";
        private final Map<String, String> fields = new LinkedHashMap<>();

        private Builder() {}

        /**
         * The file itself, from memory (required, unless {@link #file} is used).
         *
         * @param content the bytes, at most 80 MB
         * @param filename the name Scale records
         * @param contentType the bytes' media type
         * @return this builder
         */
        public Builder content(byte[] content, String filename, String contentType) {
            this.content = Objects.requireNonNull(content, "content");
            this.filename = Objects.requireNonNull(filename, "filename");
            this.contentType = Objects.requireNonNull(contentType, "contentType");
            return this;
        }

        /**
         * The file itself, read from disk; its media type is guessed from the name.
         *
         * @param path the file
         * @return this builder
         * @throws java.io.UncheckedIOException when it cannot be read
         */
        public Builder file(Path path) {
            try {
                String type = java.nio.file.Files.probeContentType(path);
                return content(
                        java.nio.file.Files.readAllBytes(path),
                        path.getFileName().toString(),
                        type == null ? "application/octet-stream" : type);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + path, e);
            }
        }

        /**
         * The project the file is filed under.
         *
         * @param projectName the project name
         * @return this builder
         */
        public Builder projectName(String projectName) {
            return putExtraParam("project_name", projectName);
        }

        /**
         * A name to show instead of the file name.
         *
         * @param displayName the name
         * @return this builder
         */
        public Builder displayName(String displayName) {
            return putExtraParam("display_name", displayName);
        }

        /**
         * Your id for the file; a second upload with it gets a 409, which also makes the upload safe to retry.
         *
         * @param referenceId the id
         * @return this builder
         */
        public Builder referenceId(String referenceId) {
            return putExtraParam("reference_id", referenceId);
        }

        /**
         * Your own data, returned with the file; sent as a JSON string form field, as Scale expects.
         *
         * @param metadata a JSON object's worth of keys and values
         * @return this builder
         */
        public Builder metadata(Map<String, ?> metadata) {
            return putExtraParam("metadata", dev.scaletoolkit.model.json.RecordCodec.toJson(metadata));
        }

        /**
         * Any form field this SDK has no setter for.
         *
         * @param name the field name
         * @param value its value; null leaves the field out
         * @return this builder
         */
        public Builder putExtraParam(String name, String value) {
            if (value != null) {
                fields.put(name, value);
            }
            return this;
        }

        /**
         * Checks the content and builds.
         *
         * @return the params
         * @throws IllegalArgumentException when the content is missing or over 80 MB
         */
        public FileUploadParams build() {
            if (content == null) {
                throw new IllegalArgumentException("file upload: 'file' content is required");
            }
            if (content.length > 80L * 1024 * 1024) {
                throw new IllegalArgumentException("file upload: 'file' is larger than Scale's 80 MB limit");
            }
            return new FileUploadParams(this);
        }
    }
}
