package dev.scaletoolkit.mcp;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards the MCP endpoint with a bearer token (compared in constant time) before the SDK's servlet sees the
 * request. Failures are answered here, so the SDK never serialises an exception for an unauthenticated caller.
 */
final class BearerTokenServlet extends HttpServlet {
    private final HttpServlet delegate;
    private final byte[] expected;

    BearerTokenServlet(HttpServlet delegate, String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the MCP HTTP endpoint needs a bearer token");
        }
        this.delegate = delegate;
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        delegate.init(config);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String header = req.getHeader("Authorization");
        if (header == null || !MessageDigest.isEqual(header.trim().getBytes(StandardCharsets.UTF_8), expected)) {
            resp.setStatus(401);
            resp.setHeader("WWW-Authenticate", "Bearer");
            resp.setContentType("application/json; charset=utf-8");
            resp.getWriter()
                    .write("{\"status_code\":401,\"error\":\"The MCP endpoint needs 'Authorization: Bearer <token>';"
                            + " ./scale up prints the token.\"}");
            return;
        }
        delegate.service(req, resp);
    }

    @Override
    public void destroy() {
        delegate.destroy();
        super.destroy();
    }
}
