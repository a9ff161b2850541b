package dev.scaletoolkit.mcp;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.call.Caller;
import dev.scaletoolkit.gateway.token.AgentToken;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MCP endpoint of the gateway: each request's bearer token is checked (unknown, expired and revoked tokens get
 * 401), and the request goes to an MCP server made for that token alone, listing and allowing exactly what it
 * allows. Sessions therefore never cross tokens. The operator's own token (the one {@code scale up} prints), when
 * given, reaches the plain server, which acts with the emulator's key.
 */
final class GatewayMcpServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Gateway gateway;
    private final transient McpFeatures features;
    private final transient HttpServlet operatorServlet;
    private final byte[] operatorHeader;
    private final transient Map<String, HttpServlet> perToken = new ConcurrentHashMap<>();

    GatewayMcpServlet(Gateway gateway, HttpServlet operatorServlet, String operatorToken, McpFeatures features) {
        this.gateway = gateway;
        this.features = features;
        this.operatorServlet = operatorServlet;
        this.operatorHeader =
                operatorToken == null ? null : ("Bearer " + operatorToken).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void init() throws ServletException {
        if (operatorServlet != null) {
            operatorServlet.init(getServletConfig());
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String header = req.getHeader("Authorization");
        String presented = header == null ? "" : header.trim();
        if (operatorHeader != null
                && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), operatorHeader)) {
            operatorServlet.service(req, resp);
            return;
        }
        String bearer = presented.regionMatches(true, 0, "Bearer ", 0, 7)
                ? presented.substring(7).trim()
                : null;
        AgentToken token =
                bearer == null ? null : gateway.tokens().authenticate(bearer).orElse(null);
        if (token == null) {
            resp.setStatus(401);
            resp.setHeader("WWW-Authenticate", "Bearer");
            resp.setContentType("application/json; charset=utf-8");
            resp.getWriter()
                    .write("{\"status_code\":401,\"error\":\"The MCP endpoint needs 'Authorization: Bearer <token>'"
                            + " with an unexpired, unrevoked agent token ('scale tokens create').\"}");
            return;
        }
        HttpServlet server = perToken.computeIfAbsent(token.id(), id -> start(token));
        server.service(req, resp);
    }

    private HttpServlet start(AgentToken token) {
        HttpServlet transport = GatewayMcp.serverFor(gateway, Caller.of(token), features);
        try {
            transport.init(getServletConfig());
        } catch (ServletException e) {
            throw new IllegalStateException("could not start the MCP server for token " + token.id(), e);
        }
        return transport;
    }

    @Override
    public void destroy() {
        perToken.values().forEach(HttpServlet::destroy);
        if (operatorServlet != null) {
            operatorServlet.destroy();
        }
        super.destroy();
    }
}
