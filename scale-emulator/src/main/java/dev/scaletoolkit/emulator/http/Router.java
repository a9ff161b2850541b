package dev.scaletoolkit.emulator.http;

import dev.scaletoolkit.emulator.error.ApiError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routes relative to a prefix (such as {@code /v1}); literal segments win over parameters by order of adding. */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    public Router get(String template, Handler handler) {
        return add("GET", template, handler);
    }

    public Router post(String template, Handler handler) {
        return add("POST", template, handler);
    }

    public Router put(String template, Handler handler) {
        return add("PUT", template, handler);
    }

    public Router delete(String template, Handler handler) {
        return add("DELETE", template, handler);
    }

    public Router add(String method, String template, Handler handler) {
        routes.add(Route.of(method, template, handler, true));
        return this;
    }

    /** Adds a route that answers without an API key (health checks, the secure-URL redirect targets). */
    public Router addPublic(String method, String template, Handler handler) {
        routes.add(Route.of(method, template, handler, false));
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The outcome of matching: the route and its parameters, or whether the path exists under another method. */
    public record Match(Route route, Map<String, String> params, boolean pathKnown) {}

    public Match match(String method, String rawPath) {
        List<String> path = split(rawPath);
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.match(path);
            if (params.isPresent()) {
                if (route.method().equals(method)) {
                    return new Match(route, params.get(), true);
                }
                pathKnown = true;
            }
        }
        return new Match(null, Map.of(), pathKnown);
    }

    /** Splits a raw (still percent-encoded) path and decodes each segment, so {@code a%2Fb} stays one segment. */
    static List<String> split(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                try {
                    out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw ApiError.badRequest("The path segment \"" + s + "\" is not valid percent-encoding.");
                }
            }
        }
        return out;
    }
}
