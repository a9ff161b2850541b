package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.error.ApiError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scale refuses a media {@code attachment} (an image, video, audio clip, PDF or web page) that is not a URL, while
 * a {@code text} attachment is the text itself. The kind comes from {@code attachment_type} when given, else from the
 * task type. The emulator never fetches attachments; it only checks their form.
 */
final class MediaAttachment {
    private static final Set<String> MEDIA_KINDS = Set.of("image", "video", "audio", "pdf", "website", "document");
    /** Types whose single attachment is a media file when no attachment_type says otherwise. */
    private static final Set<String> MEDIA_TYPES = Set.of(
            "imageannotation",
            "annotation",
            "segmentannotation",
            "pointannotation",
            "cuboidannotation",
            "lineannotation",
            "polygonannotation",
            "laneannotation",
            "videoannotation",
            "videoplaybackannotation",
            "videoboxannotation",
            "videocuboidannotation",
            "federal2dvideoannotation",
            "audiotranscription",
            "documenttranscription",
            "documentmodel",
            "transcription");

    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "s3", "gs");

    private MediaAttachment() {}

    static void check(String type, ObjectNode params) {
        JsonNode attachment = params.get("attachment");
        if (attachment == null
                || !attachment.isString()
                || attachment.stringValue().isEmpty()) {
            return;
        }
        JsonNode kindNode = params.get("attachment_type");
        boolean media = kindNode != null && kindNode.isString()
                ? MEDIA_KINDS.contains(kindNode.stringValue().toLowerCase(Locale.ROOT))
                : MEDIA_TYPES.contains(type);
        if (media && !isUrl(attachment.stringValue())) {
            String kind = kindNode != null && kindNode.isString() ? kindNode.stringValue() : "media";
            throw ApiError.invalidParam(
                    "attachment",
                    "must be a URL (http, https, s3 or gs) of the " + kind + " to label, got \""
                            + shorten(attachment.stringValue()) + "\"");
        }
    }

    private static boolean isUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return URL_SCHEMES.contains(scheme)
                    && uri.getRawAuthority() != null
                    && !uri.getRawAuthority().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
