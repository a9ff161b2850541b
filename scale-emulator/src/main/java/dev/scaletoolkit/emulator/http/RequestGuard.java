package dev.scaletoolkit.emulator.http;

import dev.scaletoolkit.emulator.EmulatorConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * Keeps web pages out of the control plane, {@code /metrics} and the MCP endpoint. The emulator runs on laptops and CI machines,
 * where any page a person opens can send requests to 127.0.0.1; it can neither read the answers (no CORS) nor
 * should it be able to change anything. So, on {@code /_emulator}, {@code /metrics} and {@code /mcp}:
 *
 * <ul>
 *   <li>the {@code Host} header must name a loopback address or the host the emulator was configured with, which
 *       defeats DNS rebinding (a page whose own name now points at 127.0.0.1);
 *   <li>an {@code Origin} header, which browsers add to cross-site writes, must name such a host too;
 *   <li>a write (POST, PUT, PATCH) must declare a JSON body, which a plain HTML form or a "simple" fetch cannot.
 * </ul>
 *
 * The v1 API needs an API key on every call, so it is left to that.
 */
public final class RequestGuard implements Filter {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:.]+]?");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private final Set<String> allowedHosts = new HashSet<>();
    private final boolean anyInterface;

    RequestGuard(EmulatorConfig config) {
        allowedHosts.add(config.host().toLowerCase(Locale.ROOT));
        if (config.publicBaseUrl() != null) {
            String host = URI.create(config.publicBaseUrl()).getHost();
            if (host != null) {
                allowedHosts.add(host.toLowerCase(Locale.ROOT));
            }
        }
        String bound = config.host();
        this.anyInterface = bound.equals("0.0.0.0") || bound.equals("::") || bound.equals("[::]");
    }

    /** Puts the guard in front of the control plane and the MCP endpoint of {@code servlets}. */
    public static void install(ServletContextHandler servlets, EmulatorConfig config) {
        FilterHolder holder = new FilterHolder(new RequestGuard(config));
        holder.setName("scale-request-guard");
        holder.setAsyncSupported(true);
        servlets.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String refusal = guarded(req.getRequestURI()) ? refusal(req) : null;
        if (refusal != null) {
            refuse(req, resp, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The control plane, {@code /metrics} (a rebinding page must not read it) and every MCP endpoint (other modules
     * mount more of them, such as {@code /core/mcp}).
     */
    static boolean guarded(String uri) {
        return uri.equals("/_emulator")
                || uri.equals("/metrics")
                || uri.startsWith("/metrics/")
                || uri.startsWith("/_emulator/")
                || uri.equals("/mcp")
                || uri.endsWith("/mcp")
                || uri.contains("/mcp/");
    }

    /** Why the request is refused, or null when it may pass. */
    String refusal(HttpServletRequest req) {
        String host = hostName(req.getHeader("Host"));
        if (host == null || !allowed(host)) {
            return "The Host header must name this emulator by a loopback address (127.0.0.1, localhost, ::1) or by"
                    + " its configured host; requests through another name are refused.";
        }
        String origin = req.getHeader("Origin");
        if (origin != null && !allowedOrigin(origin)) {
            return "Requests from web pages of another site are refused (Origin " + shorten(origin) + ").";
        }
        String method = req.getMethod();
        if ((method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))
                && !isJson(req.getHeader("Content-Type"))) {
            return "Writes here need 'Content-Type: application/json' (send {} for an empty body).";
        }
        return null;
    }

    private boolean allowed(String host) {
        return LOOPBACK.contains(host)
                || host.matches("127(\\.\\d{1,3}){3}")
                || allowedHosts.contains(host)
                || (anyInterface && IP_LITERAL.matcher(host).matches());
    }

    private boolean allowedOrigin(String origin) {
        try {
            URI uri = new URI(origin.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && allowed(hostName(uri.getHost()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The host part of a Host header value, lower case, without port or trailing dot; null if malformed. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0) {
                return null;
            }
            h = h.substring(1, end);
        } else if (h.indexOf(':') >= 0 && h.indexOf(':') == h.lastIndexOf(':')) {
            h = h.substring(0, h.indexOf(':'));
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static String shorten(String s) {
        String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }

    private static void refuse(HttpServletRequest req, HttpServletResponse resp, String message) throws IOException {
        String uri = req.getRequestURI();
        if (!uri.startsWith("/_emulator") && !uri.startsWith("/metrics")) {
            // MCP clients read JSON-RPC; the error has no id because the request was not read.
            resp.setStatus(403);
            resp.setContentType("application/json; charset=utf-8");
            String body = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":"
                    + dev.scaletoolkit.model.jackson.ScaleJson.mapper().writeValueAsString(message) + "}}";
            resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            return;
        }
        ApiServlet.writeError(resp, 403, message, Map.of());
    }
}
