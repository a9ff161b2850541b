package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.store.Docs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** Escaping for the server-rendered pages: every value from a task, a user or a URL passes through here. */
final class Html {
    private Html() {}

    /** Text or attribute content, escaped. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String url(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /**
     * JSON for a {@code <script type="application/json">} data block: no {@code <}, {@code >} or {@code &} survive
     * unescaped, so task data can never close the block or open a tag.
     */
    static String jsonBlock(String id, JsonNode value) {
        String json = Docs.write(value)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
        return "<script type=\"application/json\" id=\"" + esc(id) + "\">" + json + "</script>";
    }

    /** JSON shown to a person, indented. */
    static String pretty(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "";
        }
        return esc(dev.scaletoolkit.model.jackson.ScaleJson.mapper()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(value));
    }

    /** JSON indented, unescaped (for a value the page escapes itself). */
    static String prettyText(JsonNode value) {
        return dev.scaletoolkit.model.jackson.ScaleJson.mapper()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(value);
    }

    static String csrfField(String token) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(token) + "\">";
    }
}
