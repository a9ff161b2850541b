package dev.scaletoolkit.emulator.team;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.EmulatorLimits;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.model.ScaleTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account's team ({@code team_members}, one account-wide list for both modes). The account owner is created
 * with the account as an active admin; everyone else joins by invitation, which lasts 24 hours.
 *
 * <p>A member's {@code doc} is the teammate's wire JSON with Scale's camelCase keys ({@code disableRapidEmails},
 * {@code isStudioLabeler}, {@code firstName}…); an invited member also carries {@code expiry}.
 */
public final class Teammates {
    /** Roles a caller may give; {@code admin} belongs to the account owner only. */
    public static final List<String> ASSIGNABLE_ROLES = List.of("labeler", "member", "manager");

    public static final Duration INVITATION_LIFETIME = Duration.ofHours(24);

    /** One member: its email as stored, role, state (active, invited or disabled) and wire JSON. */
    public record Member(String email, String role, String state, ObjectNode doc) {
        public boolean isActive() {
            return "active".equals(state);
        }
    }

    private final EmulatorContext context;

    public Teammates(EmulatorContext context) {
        this.context = context;
    }

    /** Every member of the account's team, owner first. */
    public List<Member> members(String accountId) {
        return context.db().read(h -> all(h, accountId));
    }

    /** The member with this email (compared without case), if any. */
    public Optional<Member> member(String accountId, String email) {
        return context.db().read(h -> find(h, accountId, email));
    }

    /**
     * The team as {@code GET /v1/teams} answers it, streamed. Scale answers the whole team as one bare array with
     * no paging, and real clients (the Python SDK's {@code list_teammates}) read it that way, so the shape stays
     * and the array is written from the database a row at a time, at most {@link EmulatorLimits#MAX_TEAM_LISTED}
     * members (far above any real team; the cap only keeps a runaway table from filling the connection).
     */
    public void list(String accountId, Consumer<String> each) {
        context.db().read(h -> TeamStore.forEachDoc(h, accountId, EmulatorLimits.MAX_TEAM_LISTED, each));
    }

    /** Invites {@code {"emails": [...], "role": ...}}; the route then answers the whole team with {@link #list}. */
    public void invite(String accountId, ObjectNode body) {
        context.db().write(h -> {
            invite(h, accountId, body);
            return null;
        });
    }

    /** Changes the role of {@code {"emails": [...], "role": ...}}; the route then answers the whole team. */
    public void setRole(String accountId, ObjectNode body) {
        context.db().write(h -> {
            setRole(h, accountId, body);
            return null;
        });
    }

    /** Accepts a pending invitation in its own transaction; false when there is none for {@code email}. */
    public boolean accept(String accountId, String email) {
        return context.db().write(h -> accept(h, accountId, email));
    }

    /** Every member, owner first, then in the order they joined or were invited. */
    public static List<Member> all(Handle h, String accountId) {
        return TeamStore.all(h, accountId);
    }

    /** The member with this email (compared without case), if any. */
    public static Optional<Member> find(Handle h, String accountId, String email) {
        // Stored emails keep the case they were given, so SQL lowers them (LOWER folds ASCII only, as email addresses
        // are in practice) and one row is read instead of the whole team.
        return TeamStore.find(h, accountId, normalize(email));
    }

    // POST /v1/teams/invite
    public void invite(Handle h, String accountId, ObjectNode body) {
        List<String> emails = emails(body, "emails");
        String role = role(body);
        String now = context.now();
        String expiry = ScaleTime.format(context.clock().instant().plus(INVITATION_LIFETIME));
        for (String email : emails) {
            Optional<Member> existing = find(h, accountId, email);
            if (existing.isPresent() && existing.get().isActive()) {
                continue; // already on the team: an invitation changes nothing
            }
            ObjectNode doc = existing.map(Member::doc).orElseGet(Docs::object);
            doc.put("email", existing.map(Member::email).orElse(email));
            doc.put("role", role);
            doc.put("disableRapidEmails", doc.path("disableRapidEmails").asBoolean(false));
            doc.put("isStudioLabeler", role.equals("labeler"));
            doc.put("expiry", expiry);
            if (existing.isPresent()) {
                write(h, accountId, existing.get().email(), role, "invited", doc);
            } else {
                TeamStore.insert(h, accountId, email, role, "invited", now, doc);
            }
        }
    }

    // POST /v1/teams/set_role
    public void setRole(Handle h, String accountId, ObjectNode body) {
        List<String> emails = emails(body, "emails");
        String role = role(body);
        List<Member> members = new ArrayList<>();
        for (String email : emails) {
            Member m = find(h, accountId, email)
                    .orElseThrow(() -> ApiError.notFound("No teammate with email \"" + email
                            + "\" (in \"emails\"); invite them first with POST /v1/teams/invite."));
            if (m.role().equals("admin")) {
                throw ApiError.invalidParam(
                        "emails", "contains the account owner \"" + m.email() + "\", whose admin role cannot change");
            }
            members.add(m);
        }
        for (Member m : members) {
            m.doc().put("role", role);
            m.doc().put("isStudioLabeler", role.equals("labeler"));
            write(h, accountId, m.email(), role, m.state(), m.doc());
        }
    }

    /**
     * Turns an invitation into an active membership, as if the invitee had accepted it. Not reachable through
     * {@code /v1}; meant for the control plane and tests. Returns false when there is no such invited member.
     */
    public static boolean accept(Handle h, String accountId, String email) {
        Optional<Member> m = find(h, accountId, email);
        if (m.isEmpty() || !"invited".equals(m.get().state())) {
            return false;
        }
        ObjectNode doc = m.get().doc();
        doc.remove("expiry");
        write(h, accountId, m.get().email(), m.get().role(), "active", doc);
        return true;
    }

    /**
     * A stable id for a member, derived from the account and email (the table has no id column), used as the
     * worker id of Studio groups.
     */
    public static String memberId(String accountId, String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((accountId + "|" + normalize(email)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A non-empty list of well-formed emails from {@code field}, trimmed, without repeats. */
    public static List<String> emails(JsonNode body, String field) {
        List<String> raw = Fields.requireStringList(body, field);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String email = raw.get(i).trim();
            if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw ApiError.invalidParam(
                        field + "[" + i + "]", "must be an email address, got \"" + raw.get(i) + "\"");
            }
            out.add(email);
        }
        return List.copyOf(out);
    }

    private static String role(JsonNode body) {
        String role = Fields.requireString(body, "team_role");
        if (!ASSIGNABLE_ROLES.contains(role)) {
            throw ApiError.invalidParam(
                    "team_role", "must be one of " + String.join(", ", ASSIGNABLE_ROLES) + "; got \"" + role + "\"");
        }
        return role;
    }

    private static void write(Handle h, String accountId, String email, String role, String state, ObjectNode doc) {
        TeamStore.update(h, accountId, email, role, state, doc);
    }

    public static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
