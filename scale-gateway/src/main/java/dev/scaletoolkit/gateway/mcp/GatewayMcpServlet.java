package dev.scaletoolkit.gateway.mcp;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.call.Caller;
import dev.scaletoolkit.gateway.call.ConnectionTools;
import dev.scaletoolkit.gateway.token.AgentToken;
import dev.scaletoolkit.mcp.JsonRpcErrorShield;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.ToolResult;
import dev.scaletoolkit.tools.ToolSpec;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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
    /** The SDK's own limit for one message. */
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

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
        if (req.getMethod().equals("POST")) {
            byte[] body = req.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length <= MAX_BODY_BYTES && refusedOutOfScope(Caller.of(token), body, resp)) {
                return;
            }
            server.service(new JsonRpcErrorShield.ReplayedBody(req, body), resp);
            return;
        }
        server.service(req, resp);
    }

    /**
     * A {@code tools/call} of a catalog tool the token may not use: the per-token server does not know the tool, so
     * the SDK would answer a protocol error ({@code -32602 Unknown tool}) and the refusal would leave no trace. The
     * gate answers it instead, as every other refusal: the documented {@code tool_not_allowed} tool error, audited
     * and counted. True when it answered.
     */
    private boolean refusedOutOfScope(Caller caller, byte[] body, HttpServletResponse resp) throws IOException {
        JsonNode call;
        try {
            call = ScaleJson.mapper().readTree(body);
        } catch (RuntimeException notJson) {
            return false; // the shield behind answers it
        }
        if (call == null
                || !call.isObject()
                || !"tools/call".equals(call.path("method").asString(""))) {
            return false;
        }
        String name = call.path("params").path("name").asString("");
        Optional<ToolSpec> spec = ConnectionTools.catalog().find(name);
        if (spec.isEmpty() || caller.allows(spec.get())) {
            return false;
        }
        ToolResult result =
                gateway.gate().call(caller, name, call.path("params").path("arguments"), null, null);
        ObjectNode envelope = result.toJson();
        ObjectNode answer = ScaleJson.mapper().createObjectNode();
        answer.put("jsonrpc", "2.0");
        answer.set("id", call.get("id"));
        ObjectNode out = answer.putObject("result");
        out.putArray("content")
                .addObject()
                .put("type", "text")
                .put("text", ScaleJson.mapper().writeValueAsString(envelope));
        out.set("structuredContent", envelope);
        out.put("isError", true);
        resp.setStatus(200);
        resp.setContentType("application/json; charset=utf-8");
        resp.getWriter().write(ScaleJson.mapper().writeValueAsString(answer));
        return true;
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
