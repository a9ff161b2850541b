package dev.scaletoolkit.client.task;

import dev.scaletoolkit.model.json.WireName;

/**
 * A context attachment of a text collection or NER task: its kind and its URL or text.
 *
 * @param type {@code website}, {@code image}, {@code text}, {@code pdf}…
 * @param content the URL, or the text itself for {@code text}
 */
public record Attachment(
        @WireName("type") String type, @WireName("content") String content) {
    /**
     * Checks that both parts are present.
     *
     * @param type the kind
     * @param content the URL or text
     * @throws IllegalArgumentException naming the missing part
     */
    public Attachment {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("attachment: 'type' is required (website, image, text, pdf…)");
        }
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("attachment: 'content' is required (a URL or the text itself)");
        }
    }

    /**
     * A web page to show the labeler.
     *
     * @param url the page URL
     * @return the attachment
     */
    public static Attachment website(String url) {
        return new Attachment("website", url);
    }

    /**
     * An image to show the labeler.
     *
     * @param url the image URL
     * @return the attachment
     */
    public static Attachment image(String url) {
        return new Attachment("image", url);
    }

    /**
     * Text to show the labeler, given inline.
     *
     * @param text the text
     * @return the attachment
     */
    public static Attachment text(String text) {
        return new Attachment("text", text);
    }
}
