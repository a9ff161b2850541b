package dev.scaletoolkit.emulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A method and a path template such as {@code /task/{task_id}/tags}, matched segment by segment. */
public record Route(String method, String template, List<String> segments, Handler handler, boolean needsAuth) {

    public static Route of(String method, String template, Handler handler, boolean needsAuth) {
        List<String> segments = new ArrayList<>();
        for (String s : template.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return new Route(method, template, List.copyOf(segments), handler, needsAuth);
    }

    /** Returns the decoded path parameters when {@code path} (already split and decoded) matches. */
    Optional<Map<String, String>> match(List<String> path) {
        if (path.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String want = segments.get(i);
            if (want.startsWith("{") && want.endsWith("}")) {
                params.put(want.substring(1, want.length() - 1), path.get(i));
            } else if (!want.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }
}
