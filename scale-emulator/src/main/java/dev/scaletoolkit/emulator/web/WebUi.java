package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.EmulatorServices;
import dev.scaletoolkit.emulator.admin.FaultRules;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.journal.JournalRoutes;
import dev.scaletoolkit.emulator.signin.SignIn;
import dev.scaletoolkit.emulator.studio.Reservations;
import jakarta.servlet.http.HttpServlet;
import java.util.Optional;

/**
 * The emulator's browser UI (Scale Studio for people): sign-in for invited teammates, the labeler queue and
 * annotation screens, review and the dashboard, all under {@code /} on the emulator's own port.
 *
 * <p>Wiring: mount {@link #servlet()} at {@code /} and register {@link #controlPlaneRoutes()} under
 * {@code /_emulator}.
 */
public final class WebUi implements AutoCloseable {
    /** How often each node reads the fingerprint behind the live dashboard's events. */
    private static final java.time.Duration LIVE_EVERY = java.time.Duration.ofSeconds(1);

    private final SignIn signIn;
    private final WebServlet servlet;
    private final SignInLinkRoutes links;
    private final ConsensusRoutes consensusRoutes;
    private final LiveEvents live;

    /** @param journal the request journal (shown on the dashboard), or null */
    public WebUi(EmulatorContext context, EmulatorServices services, JournalRoutes journal) {
        this.signIn = services.signIn();
        Reservations reservations = services.reservations();
        ApiReads api =
                new ApiReads(services, () -> FaultRules.list(context.faults().rules()), journal);
        LabelerQueue queue = new LabelerQueue(
                services.studio(),
                services.skips(),
                services.query(),
                api,
                reservations,
                services.problems(),
                services.rework(),
                services.consensus());
        TaskPages tasks = new TaskPages(
                context,
                queue,
                services.submissions(),
                services.query(),
                reservations,
                services.problems(),
                services.rework(),
                services.consensus());
        DraftPages draftPages = new DraftPages(services.drafts(), tasks);
        tasks.drafts(draftPages);
        ReservationPages reservationPages = new ReservationPages(reservations, tasks);
        this.live = new LiveEvents(services.activity(), context.supervisor(), LIVE_EVERY);
        this.servlet = new WebServlet(
                signIn,
                tasks,
                new ReviewPages(
                        context,
                        api,
                        tasks,
                        services.reviews(),
                        services.teammates(),
                        services.rework(),
                        services.consensus()),
                new DashboardPages(context, api, reservationPages, services.work()),
                reservationPages,
                new ProblemPages(services.problems(), tasks),
                draftPages,
                new ConsensusPages(services.consensus(), tasks),
                new ProjectPages(services.projects()),
                live);
        this.consensusRoutes = new ConsensusRoutes(services.consensus());
        this.links = new SignInLinkRoutes(services.accounts(), services.teammates(), signIn);
    }

    /** Ends the open dashboard event streams (the emulator is stopping). */
    @Override
    public void close() {
        live.close();
    }

    /** The servlet for {@code /}: pages, static files, and Scale's JSON 404 for anything else. */
    public HttpServlet servlet() {
        return servlet;
    }

    /** {@code /_emulator/sign-in-links} and {@code /_emulator/consensus/{task_id}}. */
    public Routes controlPlaneRoutes() {
        return router -> {
            links.register(router);
            consensusRoutes.register(router);
        };
    }

    /**
     * A one-time link for a teammate to choose a password, or empty when they already have one (or are not on
     * the team). {@code ./scale up} prints one for the demo account's admin.
     */
    public Optional<String> firstSignInLink(String accountId, String email) {
        if (signIn.hasPassword(accountId, email)) {
            return Optional.empty();
        }
        return signIn.mintLink(accountId, email);
    }
}
