package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.studio.Reservations;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reservations in the browser: the open task page renews its lease ({@code POST /tasks/{id}/lease}, answered in
 * JSON for the page's script), managers see who holds what on the dashboard and release a task
 * ({@code POST /reservations/{id}/release}).
 */
final class ReservationPages {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Reservations reservations;
    private final TaskPages tasks;

    ReservationPages(Reservations reservations, TaskPages tasks) {
        this.reservations = reservations;
        this.tasks = tasks;
    }

    /** A lease's end as people read it on the page. */
    static String clock(Instant at) {
        return CLOCK.format(at);
    }

    /** The page renews the viewer's lease; 409 with the holder when someone else has the task now. */
    void renew(Exchange ex, String taskId) throws IOException {
        tasks.load(ex.viewer(), taskId);
        Reservations.Claim claim = reservations.reserve(
                ex.viewer().accountId(), taskId, ex.viewer().email());
        ObjectNode out = Docs.object();
        out.put("held", claim.granted());
        out.put("email", claim.lease().email());
        out.put("expires_at", claim.lease().expiresAt().toString());
        out.put("until", clock(claim.lease().expiresAt()));
        if (!claim.granted()) {
            out.put("message", "Your reservation ended: " + claim.lease().email() + " is working on this task now.");
        }
        ex.json(claim.granted() ? 200 : 409, out);
    }

    /** A manager ends a lease; the task goes back to the queue. */
    void release(Exchange ex, String taskId) {
        Viewer viewer = ex.viewer();
        if (!viewer.isManager()) {
            throw WebError.forbidden("Only managers and admins release reservations.");
        }
        reservations.release(viewer.accountId(), taskId);
        String back = ex.param("back")
                .filter(b -> b.startsWith("/") && !b.startsWith("//"))
                .orElse("/dashboard");
        ex.redirect(back + (back.contains("?") ? "&" : "?") + "released=" + Html.url(taskId));
    }

    /** The form behind a manager's Release button. */
    static String releaseForm(Viewer viewer, String taskId, String back) {
        return "<form method=\"post\" action=\"/reservations/" + Html.esc(taskId) + "/release\" class=\"inline\">"
                + Html.csrfField(viewer.csrfToken()) + "<input type=\"hidden\" name=\"back\" value=\""
                + Html.esc(back) + "\"><button class=\"danger\">Release</button></form>";
    }

    /** The dashboard's card: every running lease with its holder and a Release button. */
    void card(Viewer viewer, StringBuilder main) {
        List<Reservations.Lease> leases = reservations.running(viewer.accountId());
        main.append("<section class=\"card\" id=\"reservations\"><h2>Reserved tasks <span class=\"count\">")
                .append(leases.size())
                .append("</span></h2>");
        if (leases.isEmpty()) {
            main.append("<p class=\"muted\">Nobody holds a task right now.</p></section>");
            return;
        }
        main.append("<table class=\"grid\"><thead><tr><th scope=\"col\">Task</th><th scope=\"col\">Labeler</th>")
                .append("<th scope=\"col\">Until</th><th scope=\"col\"><span class=\"sr-only\">Action</span></th>")
                .append("</tr></thead><tbody>");
        for (Reservations.Lease lease : leases) {
            main.append("<tr><td><a href=\"/dashboard/tasks/")
                    .append(Html.esc(lease.taskId()))
                    .append("\"><code>")
                    .append(Html.esc(lease.taskId()))
                    .append("</code></a></td><td>")
                    .append(Html.esc(lease.email()))
                    .append("</td><td>")
                    .append(Html.esc(clock(lease.expiresAt())))
                    .append("</td><td>")
                    .append(releaseForm(viewer, lease.taskId(), "/dashboard"))
                    .append("</td></tr>");
        }
        main.append("</tbody></table></section>");
    }
}
