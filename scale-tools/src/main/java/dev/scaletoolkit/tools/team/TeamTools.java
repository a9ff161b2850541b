package dev.scaletoolkit.tools.team;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.HandlerTable;
import dev.scaletoolkit.tools.Paging;
import dev.scaletoolkit.tools.Shapes;
import dev.scaletoolkit.tools.ToolCall;
import dev.scaletoolkit.tools.ToolInputException;
import dev.scaletoolkit.tools.backend.ScaleBackendException;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Tools for teammates: the team list, invitations and the unified user directory. */
public final class TeamTools {
    private static final String CURSOR_PREFIX = "users:";

    private TeamTools() {}

    public static void register(HandlerTable table) {
        table.add("SCALE_AI_GET_TEAMS", TeamTools::getTeams)
                .add("SCALE_AI_INVITE_TEAM_MEMBER", TeamTools::inviteTeamMember)
                .add("SCALE_AI_LIST_USERS", TeamTools::listUsers);
    }

    // GET /v1/teams
    static JsonNode getTeams(ToolCall call) {
        return Paging.local(
                Shapes.listData(
                        Shapes.docs(call.send(ScaleRequest.get("/teams"))),
                        call.bool("full", false),
                        Shapes.TEAMMATE_SUMMARY),
                call);
    }

    // POST /v1/teams/invite
    static JsonNode inviteTeamMember(ToolCall call) {
        JsonNode answer = call.send(ScaleRequest.post("/teams/invite", call.pick("emails", "team_role")));
        return Shapes.listData(Shapes.docs(answer), false, Shapes.TEAMMATE_SUMMARY);
    }

    /**
     * GET /v1/teams joined with GET /v1/studio/assignments: one row per person with role and Studio projects,
     * filtered and paged here (Scale pages neither). Accounts without Studio simply show no projects.
     */
    static JsonNode listUsers(ToolCall call) {
        List<JsonNode> people = new ArrayList<>();
        Shapes.docs(call.send(ScaleRequest.get("/teams"))).forEach(people::add);
        JsonNode assignments = ScaleJson.mapper().createObjectNode();
        try {
            assignments = call.send(ScaleRequest.get("/studio/assignments"));
        } catch (ScaleBackendException notStudio) {
            if (notStudio.status() == 0 || notStudio.status() >= 500) {
                throw notStudio;
            }
        }
        String role = call.string("role");
        String needle =
                call.has("email_contains") ? call.string("email_contains").toLowerCase(Locale.ROOT) : null;
        people.removeIf(p -> role != null && !hasRole(p, role));
        people.removeIf(p -> needle != null
                && !p.path("email").asString("").toLowerCase(Locale.ROOT).contains(needle));
        people.sort(Comparator.comparing(p -> p.path("email").asString("")));

        int offset = offset(call.string("cursor"));
        int limit = call.integer("limit") == null ? 50 : call.integer("limit");
        boolean full = call.bool("full", false);
        ArrayNode result = Shapes.array();
        for (int i = offset; i < Math.min(people.size(), offset + limit); i++) {
            JsonNode person = people.get(i);
            ObjectNode row = full ? ((ObjectNode) person.deepCopy()) : Shapes.object();
            row.put("email", person.path("email").asString(""));
            row.put("role", person.path("role").asString("member"));
            JsonNode projects = assignments.get(person.path("email").asString(""));
            row.set("projects", projects instanceof ArrayNode a ? a : Shapes.array());
            result.add(row);
        }
        ObjectNode out = Shapes.object();
        out.set("result", result);
        out.put("total", people.size());
        int next = offset + limit;
        if (next < people.size()) {
            out.put("next_cursor", cursor(next));
        } else {
            out.putNull("next_cursor");
        }
        return out;
    }

    private static boolean hasRole(JsonNode person, String role) {
        if (role.equals(person.path("role").asString(""))) {
            return true;
        }
        if (role.equals("invited")) {
            return person.has("expiry")
                    || "invited".equals(person.path("status").asString(""));
        }
        if (role.equals("disabled")) {
            return person.path("disabled").asBoolean(false)
                    || "disabled".equals(person.path("status").asString(""));
        }
        return false;
    }

    private static String cursor(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((CURSOR_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                int offset = Integer.parseInt(text.substring(CURSOR_PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException badCursor) {
            // reported below
        }
        throw new ToolInputException("cursor", "a next_cursor value from an earlier LIST_USERS answer");
    }
}
