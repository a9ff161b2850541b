package dev.scaletoolkit.client.task;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A context attachment of a text collection or NER task: its kind and its URL or text. */
public record Attachment(
        @JsonProperty("type") String type,
        @JsonProperty("content") String content) {
    public Attachment {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("attachment: 'type' is required (website, image, text, pdf…)");
        }
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("attachment: 'content' is required (a URL or the text itself)");
        }
    }

    public static Attachment website(String url) {
        return new Attachment("website", url);
    }

    public static Attachment image(String url) {
        return new Attachment("image", url);
    }

    public static Attachment text(String text) {
        return new Attachment("text", text);
    }
}
