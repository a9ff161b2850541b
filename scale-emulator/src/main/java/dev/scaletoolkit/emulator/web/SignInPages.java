package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.signin.SignIn;
import java.io.IOException;
import java.util.Optional;

/** Sign in, sign out, and choosing a password through a one-time link. */
final class SignInPages {
    private final SignIn signIn;

    SignInPages(SignIn signIn) {
        this.signIn = signIn;
    }

    void signInForm(Exchange ex, String error, String email) throws IOException {
        signInForm(ex, error, email, error == null ? 200 : 401);
    }

    private void signInForm(Exchange ex, String error, String email, int status) throws IOException {
        StringBuilder main = new StringBuilder("<section class=\"card narrow\"><h1>Sign in</h1>")
                .append("<p class=\"muted\">Teammates invited through the API sign in here, with the password they"
                        + " chose from their invitation link.</p>");
        errorBox(main, error);
        main.append("<form method=\"post\" action=\"/sign-in\" class=\"stack\">")
                .append(Html.csrfField(ex.formToken()))
                .append("<label for=\"email\">Email</label>")
                .append("<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required"
                        + " autofocus value=\"")
                .append(Html.esc(email))
                .append("\"><label for=\"password\">Password</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\""
                        + " autocomplete=\"current-password\" required>")
                .append("<button class=\"primary\">Sign in</button></form></section>");
        ex.html(status, Layout.page("Sign in", null, "", main.toString()));
    }

    void signInPost(Exchange ex) throws IOException {
        String email = ex.param("email").orElse("");
        Optional<String> session;
        try {
            session = signIn.signIn(email, ex.raw("password"), ex.req().getRemoteAddr());
        } catch (SignIn.Throttled e) {
            ex.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            signInForm(ex, e.getMessage(), email, 429);
            return;
        }
        if (session.isEmpty()) {
            signInForm(ex, "That email and password do not match an active teammate.", email);
            return;
        }
        ex.setCookie(Exchange.SESSION_COOKIE, session.get(), SignIn.SESSION_LIFETIME.toSeconds());
        ex.redirect("/");
    }

    void signOut(Exchange ex) {
        signIn.signOut(ex.cookie(Exchange.SESSION_COOKIE).orElse(null));
        ex.setCookie(Exchange.SESSION_COOKIE, "", 0);
        ex.redirect("/sign-in");
    }

    void setPasswordForm(Exchange ex, String error) throws IOException {
        String token = ex.param("token").orElse("");
        Optional<String> link = signIn.linkEmail(token);
        if (link.isEmpty()) {
            throw WebError.forbidden("This link has expired or was already used. Ask your manager for a new one.");
        }
        StringBuilder main = new StringBuilder("<section class=\"card narrow\"><h1>Choose a password</h1>")
                .append("<p class=\"muted\">For <b>")
                .append(Html.esc(link.get()))
                .append("</b>. This link works once.</p>");
        errorBox(main, error);
        main.append("<form method=\"post\" action=\"/set-password\" class=\"stack\">")
                .append(Html.csrfField(ex.formToken()))
                .append("<input type=\"hidden\" name=\"token\" value=\"")
                .append(Html.esc(token))
                .append("\"><input type=\"hidden\" name=\"username\" autocomplete=\"username\" value=\"")
                .append(Html.esc(link.get()))
                .append("\"><label for=\"password\">New password <small>(at least ")
                .append(SignIn.MIN_PASSWORD_LENGTH)
                .append(" characters)</small></label><input id=\"password\" name=\"password\" type=\"password\""
                        + " autocomplete=\"new-password\" required autofocus minlength=\"")
                .append(SignIn.MIN_PASSWORD_LENGTH)
                .append("\"><label for=\"confirm\">Type it again</label>")
                .append("<input id=\"confirm\" name=\"confirm\" type=\"password\" autocomplete=\"new-password\""
                        + " required><button class=\"primary\">Save password and sign in</button></form></section>");
        ex.html(error == null ? 200 : 400, Layout.page("Choose a password", null, "", main.toString()));
    }

    void setPasswordPost(Exchange ex) throws IOException {
        String token = ex.param("token").orElse("");
        String session;
        try {
            session = signIn.setPassword(token, ex.raw("password"), ex.raw("confirm"));
        } catch (WebError e) {
            if (e.status() == 400) {
                setPasswordForm(ex, e.getMessage());
                return;
            }
            throw e;
        }
        ex.setCookie(Exchange.SESSION_COOKIE, session, SignIn.SESSION_LIFETIME.toSeconds());
        ex.redirect("/");
    }

    static void errorBox(StringBuilder main, String error) {
        if (error != null) {
            main.append("<p class=\"alert\" role=\"alert\">")
                    .append(Html.esc(error))
                    .append("</p>");
        }
    }
}
