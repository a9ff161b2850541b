package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.http.ApiRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link ApiRequest} an API listing (tasks, callbacks, batches) expects from query parameters the UI
 * chose, so pages read through the same services, filters and paging as {@code /v1}.
 */
final class ApiQuery {
    private ApiQuery() {}

    /** A request carrying exactly {@code params} (each a list of values) for {@code caller}. */
    static ApiRequest of(HttpServletRequest base, Caller caller, Map<String, List<String>> params) {
        return of(base, caller, params, Map.of());
    }

    static ApiRequest of(
            HttpServletRequest base, Caller caller, Map<String, List<String>> params, Map<String, String> path) {
        Map<String, String[]> values = new LinkedHashMap<>();
        params.forEach((k, v) -> values.put(k, v.toArray(String[]::new)));
        return new ApiRequest(new Params(base, Collections.unmodifiableMap(values)), caller, path);
    }

    /** The page's own query string, passed on unchanged (the dashboard's task filters are the API's). */
    static ApiRequest same(HttpServletRequest base, Caller caller) {
        return new ApiRequest(base, caller, Map.of());
    }

    private static final class Params extends HttpServletRequestWrapper {
        private final Map<String, String[]> values;

        Params(HttpServletRequest base, Map<String, String[]> values) {
            super(base);
            this.values = values;
        }

        @Override
        public String getParameter(String name) {
            String[] v = values.get(name);
            return v == null || v.length == 0 ? null : v[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] v = values.get(name);
            return v == null ? null : v.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return values;
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return Collections.enumeration(values.keySet());
        }

        @Override
        public String getQueryString() {
            return null;
        }
    }
}
