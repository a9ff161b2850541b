package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.http.ApiServlet;
import dev.scaletoolkit.emulator.signin.Secrets;
import dev.scaletoolkit.emulator.signin.SignIn;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the browser UI on every path the API does not own. Pages need a session (except sign-in and the
 * set-password link); every POST must carry the form's CSRF token; unknown paths keep Scale's JSON 404.
 */
final class WebServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(WebServlet.class);
    private static final int MAX_FORM_BYTES = 10 * 1024 * 1024;
    private static final Pattern TASK = Pattern.compile("/tasks/([0-9a-f]{24})(/submit|/lease|/problem|/draft)?");
    private static final Pattern PROBLEM = Pattern.compile("/problems/([0-9a-f]{24})");
    private static final Pattern RELEASE = Pattern.compile("/reservations/([0-9a-f]{24})/release");
    private static final Pattern REVIEW = Pattern.compile("/review/([0-9a-f]{24})");
    private static final Pattern CONSENSUS = Pattern.compile("/consensus/([0-9a-f]{24})");
    private static final Pattern DASHBOARD_TASK = Pattern.compile("/dashboard/tasks/([0-9a-f]{24})");

    private final transient SignIn signIn;
    private final transient SignInPages signInPages;
    private final transient TaskPages taskPages;
    private final transient ReviewPages reviewPages;
    private final transient DashboardPages dashboardPages;
    private final transient ReservationPages reservationPages;
    private final transient ProblemPages problemPages;
    private final transient DraftPages draftPages;
    private final transient ConsensusPages consensusPages;
    private final transient ProjectPages projectPages;
    private final transient LiveEvents live;
    private final transient StaticFiles statics = new StaticFiles();

    WebServlet(
            SignIn signIn,
            TaskPages tasks,
            ReviewPages review,
            DashboardPages dashboard,
            ReservationPages reservations,
            ProblemPages problems,
            DraftPages drafts,
            ConsensusPages consensus,
            ProjectPages projects,
            LiveEvents live) {
        this.live = live;
        this.consensusPages = consensus;
        this.projectPages = projects;
        this.draftPages = drafts;
        this.reservationPages = reservations;
        this.problemPages = problems;
        this.signIn = signIn;
        this.signInPages = new SignInPages(signIn);
        this.taskPages = tasks;
        this.reviewPages = review;
        this.dashboardPages = dashboard;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // Answers (masks, video frames) are posted as forms larger than Jetty's 200 kB default form limit.
        req.setAttribute("org.eclipse.jetty.server.Request.maxFormContentSize", MAX_FORM_BYTES);
        Exchange ex = new Exchange(req, resp);
        String path = req.getRequestURI();
        String method = req.getMethod();
        try {
            if (path.startsWith("/static/") && (method.equals("GET") || method.equals("HEAD"))) {
                statics.serve(ex, path.substring("/static/".length()));
                return;
            }
            if (!isPage(path)) {
                ApiServlet.writeError(resp, 404, "Not found: no route for " + method + " " + path + ".", Map.of());
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("POST")) {
                throw new WebError(405, "Pages answer GET and POST only.");
            }
            ex.viewer(signIn.session(ex.cookie(Exchange.SESSION_COOKIE).orElse(null))
                    .map(Viewer::of)
                    .orElse(null));
            if (ex.isPost()) {
                checkForm(ex);
            }
            route(ex, path);
        } catch (WebError e) {
            error(ex, e.status(), e.getMessage());
        } catch (ApiError e) {
            error(ex, e.status(), e.getMessage());
        } catch (RuntimeException e) {
            // A query or form that does not decode is the caller's mistake: a 4xx and no stack trace.
            var mistake = dev.scaletoolkit.emulator.http.ClientMistakes.of(e);
            if (mistake.isPresent()) {
                error(ex, mistake.get().status(), mistake.get().getMessage());
                return;
            }
            LOG.error("Page {} {} failed", method, path, e);
            error(ex, 500, "Something went wrong on the emulator's side; its log has the details.");
        }
    }

    private void route(Exchange ex, String path) throws IOException {
        boolean post = ex.isPost();
        switch (path) {
            case "/sign-in" -> {
                if (post) {
                    signInPages.signInPost(ex);
                } else {
                    signInPages.signInForm(ex, null, "");
                }
                return;
            }
            case "/set-password" -> {
                if (post) {
                    signInPages.setPasswordPost(ex);
                } else {
                    signInPages.setPasswordForm(ex, null);
                }
                return;
            }
            default -> {
                // every other page needs a session
            }
        }
        if (ex.viewer() == null) {
            if (post) {
                throw WebError.forbidden("Your session has ended; sign in again.");
            }
            ex.redirect("/sign-in");
            return;
        }
        Matcher m;
        if (path.equals("/") && !post) {
            ex.redirect(ex.viewer().isManager() ? "/dashboard" : "/queue");
        } else if (path.equals("/sign-out") && post) {
            signInPages.signOut(ex);
        } else if (path.equals("/queue") && !post) {
            taskPages.queue(ex);
        } else if (path.equals("/queue/next") && !post) {
            taskPages.next(ex);
        } else if (path.equals("/queue/skip") && post) {
            taskPages.skip(ex);
        } else if ((m = TASK.matcher(path)).matches()) {
            if (post && "/draft".equals(m.group(2))) {
                draftPages.save(ex, m.group(1));
            } else if (post && "/problem".equals(m.group(2))) {
                problemPages.report(ex, m.group(1));
            } else if (post && "/lease".equals(m.group(2))) {
                reservationPages.renew(ex, m.group(1));
            } else if (post && "/submit".equals(m.group(2))) {
                taskPages.submit(ex, m.group(1));
            } else if (!post && m.group(2) == null) {
                taskPages.annotate(ex, m.group(1));
            } else {
                throw new WebError(405, "Open the task with GET; submit it with POST to /tasks/{id}/submit.");
            }
        } else if ((m = RELEASE.matcher(path)).matches() && post) {
            reservationPages.release(ex, m.group(1));
        } else if (path.equals("/problems") && !post) {
            problemPages.list(ex);
        } else if ((m = PROBLEM.matcher(path)).matches() && post) {
            problemPages.decide(ex, m.group(1));
        } else if (path.equals("/review") && !post) {
            reviewPages.list(ex);
        } else if ((m = REVIEW.matcher(path)).matches()) {
            if (post) {
                reviewPages.decide(ex, m.group(1));
            } else {
                reviewPages.show(ex, m.group(1));
            }
        } else if (path.equals("/consensus") && !post) {
            consensusPages.list(ex);
        } else if ((m = CONSENSUS.matcher(path)).matches()) {
            if (post) {
                consensusPages.decide(ex, m.group(1));
            } else {
                consensusPages.show(ex, m.group(1));
            }
        } else if (path.equals("/project")) {
            if (post) {
                projectPages.save(ex);
            } else {
                projectPages.show(ex);
            }
        } else if (path.equals("/dashboard") && !post) {
            dashboardPages.overview(ex);
        } else if (path.equals("/dashboard/events") && !post) {
            live.subscribe(ex);
        } else if (path.equals("/dashboard/tasks") && !post) {
            dashboardPages.tasks(ex);
        } else if ((m = DASHBOARD_TASK.matcher(path)).matches() && !post) {
            dashboardPages.task(ex, taskPages, m.group(1));
        } else {
            throw WebError.notFound("There is no page at " + path + ".");
        }
    }

    private static boolean isPage(String path) {
        return path.equals("/")
                || path.equals("/sign-in")
                || path.equals("/sign-out")
                || path.equals("/set-password")
                || path.equals("/queue")
                || path.startsWith("/queue/")
                || path.startsWith("/tasks/")
                || path.startsWith("/reservations/")
                || path.equals("/problems")
                || path.startsWith("/problems/")
                || path.equals("/review")
                || path.startsWith("/review/")
                || path.equals("/consensus")
                || path.startsWith("/consensus/")
                || path.equals("/project")
                || path.equals("/dashboard")
                || path.startsWith("/dashboard/");
    }

    /** A form must come from this site's pages: the right CSRF token, and no foreign Origin. */
    private static void checkForm(Exchange ex) {
        String origin = ex.req().getHeader("Origin");
        String host = ex.req().getHeader("Host");
        if (origin != null
                && !origin.equals("null")
                && host != null
                && !origin.replaceFirst("^https?://", "").equalsIgnoreCase(host)) {
            throw WebError.forbidden("This form was sent from another site, so it was refused.");
        }
        String sent = ex.req().getParameter("csrf");
        String expected = ex.viewer() != null
                ? ex.viewer().csrfToken()
                : ex.cookie(Exchange.FORM_COOKIE).orElse(null);
        if (!Secrets.same(sent, expected)) {
            throw WebError.forbidden("The form was refused: its security token is missing or out of date."
                    + " Reload the page and try again.");
        }
    }

    private static void error(Exchange ex, int status, String message) throws IOException {
        String title = switch (status) {
            case 400 -> "That did not work";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Already finished";
            default -> "Something went wrong";
        };
        String main = "<section class=\"card narrow\"><p class=\"eyebrow\">Error " + status + "</p><h1>" + title
                + "</h1><p class=\"alert\" role=\"alert\">" + Html.esc(message)
                + "</p><p><a class=\"button\" href=\"/\">"
                + "Back to the start</a></p></section>";
        ex.html(status, Layout.page(title, ex.viewer(), "", main));
    }
}
