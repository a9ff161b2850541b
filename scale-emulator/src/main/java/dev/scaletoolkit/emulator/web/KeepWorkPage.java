package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.studio.LabelerSubmissions;
import java.io.IOException;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The page a refused submission gets: why (the reservation ran out, someone else holds the task, or it is already
 * finished), the labeler's answer to copy, and, when nobody else holds the task, <em>Submit anyway</em>, which
 * posts the same form again. Nothing the labeler did is lost.
 */
final class KeepWorkPage {
    private KeepWorkPage() {}

    static void render(Exchange ex, String taskId, JsonNode response, LabelerSubmissions.Outcome outcome)
            throws IOException {
        LabelerSubmissions.Refusal why = outcome.refusal().orElseThrow();
        StringBuilder main = new StringBuilder("<section class=\"card narrow keep-work\"><p class=\"eyebrow\">")
                .append("Not submitted</p><h1>");
        switch (why) {
            case LEASE_EXPIRED ->
                main.append("Your reservation expired")
                        .append(
                                "</h1><p class=\"alert\" role=\"alert\">Your reservation of this task ran out before you")
                        .append(" submitted. Nobody else has taken the task, so you can still submit your answer.</p>");
            case HELD_BY_OTHER -> {
                var lease = outcome.holder().orElseThrow();
                main.append("Someone else has this task now</h1><p class=\"alert\" role=\"alert\">Your")
                        .append(" reservation ran out and ")
                        .append(Html.esc(lease.email()))
                        .append(" is working on this task until ")
                        .append(Html.esc(ReservationPages.clock(lease.expiresAt())))
                        .append(". Copy your answer below so it is not lost.</p>");
            }
            case NOT_PENDING ->
                main.append("This task is already finished")
                        .append("</h1><p class=\"alert\" role=\"alert\">This task is no longer pending: someone")
                        .append(" else finished or canceled it first. Copy your answer below so it is not lost.</p>");
        }
        main.append("<label for=\"your-answer\">Your answer</label><textarea id=\"your-answer\" readonly rows=\"12\"")
                .append(" spellcheck=\"false\">")
                .append(Html.pretty(response))
                .append("</textarea><div class=\"actions\">")
                .append("<button type=\"button\" data-copy=\"your-answer\">Copy your answer</button>");
        if (why == LabelerSubmissions.Refusal.LEASE_EXPIRED) {
            main.append("<form method=\"post\" action=\"/tasks/")
                    .append(Html.esc(taskId))
                    .append("/submit\">")
                    .append(Html.csrfField(ex.viewer().csrfToken()))
                    .append("<input type=\"hidden\" name=\"anyway\" value=\"1\">");
            for (Map.Entry<String, String[]> e : ex.req().getParameterMap().entrySet()) {
                if (e.getKey().equals("csrf") || e.getKey().equals("anyway")) {
                    continue;
                }
                for (String value : e.getValue()) {
                    main.append("<input type=\"hidden\" name=\"")
                            .append(Html.esc(e.getKey()))
                            .append("\" value=\"")
                            .append(Html.esc(value))
                            .append("\">");
                }
            }
            main.append("<button class=\"primary\">Submit anyway</button></form>");
        }
        main.append("<a class=\"button\" href=\"/queue/next\">Next task</a></div></section>");
        ex.html(409, Layout.page("Not submitted", ex.viewer(), "Queue", main.toString()));
    }
}
