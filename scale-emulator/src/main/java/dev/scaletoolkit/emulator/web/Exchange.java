package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.signin.Secrets;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One browser request and its answer, with the few things pages need: parameters, cookies, HTML, redirects. */
final class Exchange {
    static final String SESSION_COOKIE = "scale_session";
    static final String FORM_COOKIE = "scale_form";
    /** Pages allow scripts and styles from this server only; task images may come from anywhere. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:"
            + " http: https:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final HttpServletRequest req;
    private final HttpServletResponse resp;
    private Viewer viewer;

    Exchange(HttpServletRequest req, HttpServletResponse resp) {
        this.req = req;
        this.resp = resp;
    }

    HttpServletRequest req() {
        return req;
    }

    /** The response, with the pages' security headers set (the dashboard's event stream writes to it itself). */
    HttpServletResponse resp() {
        headers();
        return resp;
    }

    String path() {
        return req.getRequestURI();
    }

    boolean isPost() {
        return req.getMethod().equals("POST");
    }

    /** A form or query value, trimmed; empty when absent or blank. */
    Optional<String> param(String name) {
        return Optional.ofNullable(req.getParameter(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** A form value exactly as typed (passwords, free text). */
    String raw(String name) {
        String v = req.getParameter(name);
        return v == null ? "" : v;
    }

    Optional<String> cookie(String name) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (c.getName().equals(name)) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    void setCookie(String name, String value, long maxAgeSeconds) {
        resp.addHeader(
                "Set-Cookie",
                name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + maxAgeSeconds
                        + (req.isSecure() ? "; Secure" : ""));
    }

    Viewer viewer() {
        return viewer;
    }

    void viewer(Viewer v) {
        this.viewer = v;
    }

    /** The anonymous form token (sign-in and set-password pages), made on first use. */
    String formToken() {
        Optional<String> existing = cookie(FORM_COOKIE).filter(v -> v.matches("[A-Za-z0-9_-]{20,100}"));
        if (existing.isPresent()) {
            return existing.get();
        }
        String token = Secrets.token();
        setCookie(FORM_COOKIE, token, 86_400);
        return token;
    }

    void header(String name, String value) {
        resp.setHeader(name, value);
    }

    void html(int status, String body) throws IOException {
        headers();
        resp.setStatus(status);
        resp.setContentType("text/html; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON answer for the pages' own scripts (lease renewal, drafts). */
    void json(int status, tools.jackson.databind.JsonNode body) throws IOException {
        headers();
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream()
                .write(dev.scaletoolkit.emulator.store.Docs.write(body).getBytes(StandardCharsets.UTF_8));
    }

    void redirect(String location) {
        headers();
        resp.setStatus(303);
        resp.setHeader("Location", location);
        resp.setHeader("Cache-Control", "no-store");
    }

    void bytes(String contentType, byte[] body, String cacheControl) throws IOException {
        headers();
        resp.setStatus(200);
        resp.setContentType(contentType);
        resp.setHeader("Cache-Control", cacheControl);
        resp.getOutputStream().write(body);
    }

    private void headers() {
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("X-Frame-Options", "DENY");
    }
}
