package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.signin.SignIn;

/**
 * Who is looking at a page: a signed-in teammate with their role from {@code team_members} (labeler, member,
 * manager or admin), and the CSRF token their forms must carry. The UI works in the account's live world.
 */
record Viewer(String accountId, String email, String role, String csrfToken) {
    /** The viewer behind a sign-in session. */
    static Viewer of(SignIn.Session session) {
        return new Viewer(session.accountId(), session.email(), session.role(), session.csrfToken());
    }

    Caller caller() {
        return new Caller(accountId, false);
    }

    /** Managers and admins review work and see the dashboard. */
    boolean isManager() {
        return role.equals("manager") || role.equals("admin");
    }
}
