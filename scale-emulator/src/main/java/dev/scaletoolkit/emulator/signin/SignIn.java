package dev.scaletoolkit.emulator.signin;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.team.Teammates;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Passwords, one-time set-password links and sessions. A link is the only way to get a password: the control
 * plane mints one for an invited or active teammate; using it accepts a pending invitation, stores the bcrypt hash
 * and signs the browser in.
 */
public final class SignIn {
    /** How long a browser stays signed in. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    /** How long a set-password link works. */
    public static final Duration LINK_LIFETIME = Duration.ofDays(7);
    /** The shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 10;
    /** The longest password accepted. */
    public static final int MAX_PASSWORD_LENGTH = 72; // bcrypt reads no further

    private final EmulatorContext context;
    private final SignInThrottle throttle;

    /**
     * A signed-in teammate.
     *
     * @param accountId their account
     * @param email their email
     * @param role labeler, member, manager or admin
     * @param csrfToken the token their forms must carry
     */
    public record Session(String accountId, String email, String role, String csrfToken) {}

    public SignIn(EmulatorContext context) {
        this.context = context;
        this.throttle = new SignInThrottle(context.clock());
    }

    /** A sign-in refused because too many wrong passwords came for the account or from the address. */
    public static final class Throttled extends RuntimeException {
        private final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super(
                    "Too many wrong passwords. Wait " + retryAfterSeconds + " s before trying again.",
                    null,
                    false,
                    false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        /** Whole seconds to wait before the next try. */
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /**
     * A new set-password link for a teammate of {@code accountId}; empty when there is no such teammate. Minting
     * revokes the teammate's older links, so a link that leaked is dead once a new one is sent.
     */
    public Optional<String> mintLink(String accountId, String email) {
        String wanted = Teammates.normalize(email);
        return context.db().write(h -> {
            Optional<Teammates.Member> member = Teammates.find(h, accountId, wanted);
            if (member.isEmpty() || member.get().state().equals("disabled")) {
                return Optional.empty();
            }
            String token = Secrets.token();
            String expires = ScaleTime.format(context.clock().instant().plus(LINK_LIFETIME));
            PasswordLinkStore.deleteFor(h, accountId, wanted);
            PasswordLinkStore.insert(h, Secrets.digest(token), accountId, wanted, context.now(), expires);
            return Optional.of(context.baseUrl().get() + "/set-password?token=" + token);
        });
    }

    /** Whether this teammate already has a password. */
    public boolean hasPassword(String accountId, String email) {
        return context.db()
                .read(h -> UserStore.find(h, accountId, Teammates.normalize(email)))
                .isPresent();
    }

    /** The email of the teammate a still-valid link is for. */
    public Optional<String> linkEmail(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return context.db()
                .read(h -> PasswordLinkStore.find(h, Secrets.digest(token)))
                .filter(l -> l.expiresAt().compareTo(context.now()) > 0)
                .map(PasswordLinkStore.Link::email);
    }

    /** Uses a link: stores the password and returns a new session id. */
    public String setPassword(String token, String password, String confirmation) {
        checkPassword(password, confirmation);
        String hash = Secrets.hashPassword(password);
        return context.db().write(h -> {
            PasswordLinkStore.Link link = PasswordLinkStore.find(h, Secrets.digest(token))
                    .filter(l -> l.expiresAt().compareTo(context.now()) > 0)
                    .orElseThrow(() -> new ApiError(
                            403, "This link has expired or was already used. Ask your manager for a new one."));
            Teammates.Member member = Teammates.find(h, link.accountId(), link.email())
                    .filter(m -> !m.state().equals("disabled"))
                    .orElseThrow(() -> new ApiError(403, "This teammate is no longer on the team."));
            if (member.state().equals("invited")) {
                Teammates.accept(h, link.accountId(), member.email());
            }
            UserStore.upsert(h, link.accountId(), link.email(), hash, context.now());
            PasswordLinkStore.deleteFor(h, link.accountId(), link.email());
            return newSession(h, link.accountId(), link.email());
        });
    }

    /**
     * Signs in with email and password from {@code address}; empty when they do not match an active teammate.
     *
     * @throws Throttled when too many wrong passwords came for this account or from this address lately
     */
    public Optional<String> signIn(String email, String password, String address) {
        if (email == null || password == null || password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.empty();
        }
        String wanted = Teammates.normalize(email);
        long wait = throttle.retryAfterSeconds(wanted, address);
        if (wait > 0) {
            throw new Throttled(wait);
        }
        Optional<String> session = check(wanted, password);
        if (session.isPresent()) {
            throttle.succeeded(wanted, address);
        } else {
            throttle.failed(wanted, address);
        }
        return session;
    }

    private Optional<String> check(String wanted, String password) {
        List<UserStore.User> users = context.db().read(h -> UserStore.byEmail(h, wanted));
        if (users.isEmpty()) {
            Secrets.checkPassword(password, null);
            return Optional.empty();
        }
        for (UserStore.User user : users) {
            if (Secrets.checkPassword(password, user.passwordHash())) {
                return context.db().write(h -> {
                    boolean active = Teammates.find(h, user.accountId(), user.email())
                            .map(Teammates.Member::isActive)
                            .orElse(false);
                    return active ? Optional.of(newSession(h, user.accountId(), user.email())) : Optional.empty();
                });
            }
        }
        return Optional.empty();
    }

    /** The signed-in teammate behind a session id, while the session lasts and they are still active. */
    public Optional<Session> session(String sessionId) {
        if (sessionId == null || sessionId.length() > 100) {
            return Optional.empty();
        }
        return context.db()
                .read(h -> SessionStore.find(h, Secrets.digest(sessionId))
                        .filter(s -> s.expiresAt().compareTo(context.now()) > 0)
                        .flatMap(s -> Teammates.find(h, s.accountId(), s.email())
                                .filter(Teammates.Member::isActive)
                                .map(m -> new Session(s.accountId(), s.email(), m.role(), s.csrfToken()))));
    }

    public void signOut(String sessionId) {
        if (sessionId != null) {
            context.db().write(h -> {
                SessionStore.delete(h, Secrets.digest(sessionId));
                return null;
            });
        }
    }

    private String newSession(Handle h, String accountId, String email) {
        String id = Secrets.token();
        String now = context.now();
        SessionStore.deleteExpired(h, now);
        String expires = ScaleTime.format(context.clock().instant().plus(SESSION_LIFETIME));
        SessionStore.insert(
                h, Secrets.digest(id), new SessionStore.Row(accountId, email, Secrets.token(), expires), now);
        return id;
    }

    private static void checkPassword(String password, String confirmation) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw ApiError.badRequest("Choose a password of at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw ApiError.badRequest("Choose a password of at most " + MAX_PASSWORD_LENGTH + " characters.");
        }
        if (!password.equals(confirmation)) {
            throw ApiError.badRequest("The two passwords differ; type the same password twice.");
        }
    }
}
