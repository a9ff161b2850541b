package dev.scaletoolkit.emulator.http;

import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Query parameters read the lenient way Scale clients send them ({@code k=a&k=b}, {@code k[]=a}, commas), with a
 * 400 naming the parameter on a bad value. A request's query ({@link ApiRequest}) and the parameters a UI page
 * chose ({@link #of}) read the same, so a listing parses its filters once for both.
 */
public interface Query {
    /** Every raw value of one key, or null when the key is absent. */
    String[] values(String key);

    /** Parameters a caller chose, each a list of values. */
    static Query of(Map<String, List<String>> params) {
        Map<String, String[]> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, v.toArray(String[]::new)));
        return copy::get;
    }

    /** A query parameter; empty values count as absent. */
    default Optional<String> query(String name) {
        String[] values = values(name);
        if (values == null) {
            values = values(name + "[]");
        }
        if (values == null) {
            return Optional.empty();
        }
        return Arrays.stream(values).filter(v -> !v.isEmpty()).findFirst();
    }

    /** Every value of a repeated key ({@code k=a&k=b} or {@code k[]=a}); commas also split when asked. */
    default List<String> queryList(String name, boolean splitCommas) {
        List<String> out = new ArrayList<>();
        for (String key : List.of(name, name + "[]")) {
            String[] values = values(key);
            if (values == null) {
                continue;
            }
            for (String v : values) {
                for (String part : splitCommas ? v.split(",") : new String[] {v}) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    /** A boolean ({@code true/1/yes}, {@code false/0/no}). */
    default Optional<Boolean> queryBool(String name) {
        return query(name).map(v -> Fields.parseBool(name, v));
    }

    /** An integer in [min, max]; 400 naming the parameter otherwise. */
    default Optional<Integer> queryInt(String name, int min, int max) {
        return query(name).map(v -> {
            try {
                int n = Integer.parseInt(v.trim());
                if (n < min || n > max) {
                    throw ApiError.invalidParam(name, "must be between " + min + " and " + max + ", got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw ApiError.invalidParam(name, "must be an integer, got \"" + v + "\"");
            }
        });
    }

    /** A timestamp filter; naive values are read as UTC. */
    default Optional<Instant> queryTime(String name) {
        return query(name)
                .map(v -> ScaleTime.parse(v)
                        .orElseThrow(() -> ApiError.invalidParam(
                                name,
                                "must be an ISO-8601 date or timestamp such as 2021-04-25T03:14:15Z, got \"" + v
                                        + "\"")));
    }
}
