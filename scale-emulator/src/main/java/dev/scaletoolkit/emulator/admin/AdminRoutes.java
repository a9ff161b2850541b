package dev.scaletoolkit.emulator.admin;

import dev.scaletoolkit.emulator.EmulatorClock;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.callback.CallbackLog;
import dev.scaletoolkit.emulator.callback.CallbackStore;
import dev.scaletoolkit.emulator.control.ControlPlane;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.ApiServlet;
import dev.scaletoolkit.emulator.http.FaultPlan;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.project.Projects;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.task.TaskCompletion;
import dev.scaletoolkit.emulator.task.TaskCreation;
import dev.scaletoolkit.emulator.workforce.Workforce;
import dev.scaletoolkit.infra.work.Supervisor;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control plane under {@code /_emulator}, for tests and demos; JSON in, JSON out, errors in Scale's shape.
 *
 * <ul>
 *   <li>{@code GET /health} — version and {@code status}: {@code ok}, or {@code degraded} with the background
 *       workers that are down (see {@link WorkerHealth}); always 200 while the server answers (no token needed).
 *   <li>{@code GET /stats} — writes and commits since start (writes / commits = mean group-commit size).
 *   <li>{@code POST /reset} {@code {keep_accounts?: true}} — deletes all data; accounts, keys and owners stay
 *       unless {@code keep_accounts} is false. Faults are cleared and the workforce returns to its configuration.
 *   <li>{@code POST /seed} — accounts with chosen keys, and projects (see {@link Seeder}); {@code GET /accounts}.
 *   <li>{@code POST /tasks/bulk} — up to 1,000 tasks in one transaction (see {@link BulkTasks}).
 *   <li>{@code POST /tasks/{id}/complete} {@code {response?}} and {@code /tasks/{id}/fail} {@code {error?}} —
 *       finish a pending task now (404 unknown, 400 not pending).
 *   <li>{@code GET /callbacks?task_id=&batch_name=&state=} — the delivery log.
 *   <li>{@code GET|POST|DELETE /faults} — see {@link FaultRules}.
 *   <li>{@code GET|POST /workforce} {@code {enabled?, delay_ms?}} — pause, resume, change the delay.
 * </ul>
 *
 * <p>Off loopback every route but health needs the admin token ({@code ScaleEmulator.authorizeAdmin}).
 */
public final class AdminRoutes implements Routes {
    private static final Set<String> CALLBACK_STATES = Set.of("pending", "delivered", "failed");

    private final ControlPlane control;
    private final FaultPlan faults;
    private final Accounts accounts;
    private final TaskCompletion completion;
    private final CallbackLog callbackLog;
    private final Workforce workforce;
    private final BulkTasks bulk;
    private final Seeder seeder;
    private final Supervisor supervisor;
    private final EmulatorClock clock;

    /** The control plane over the services built at boot. */
    public AdminRoutes(
            ControlPlane control,
            FaultPlan faults,
            Accounts accounts,
            Projects projects,
            TaskCreation creation,
            TaskCompletion completion,
            CallbackLog callbackLog,
            Workforce workforce,
            Supervisor supervisor,
            EmulatorClock clock) {
        this.supervisor = supervisor;
        this.clock = clock;
        this.control = control;
        this.faults = faults;
        this.accounts = accounts;
        this.completion = completion;
        this.callbackLog = callbackLog;
        this.workforce = workforce;
        this.bulk = new BulkTasks(accounts, creation);
        this.seeder = new Seeder(accounts, projects);
    }

    @Override
    public void register(Router router) {
        router.addPublic("GET", "/health", req -> WorkerHealth.of(supervisor.down(), ApiServlet.VERSION));
        router.get("/stats", req -> {
            // Group commit at work: writes / commits is how many writes shared each commit (and its sync).
            ControlPlane.Stats stats = control.stats();
            ObjectNode out = Docs.object();
            out.put("commits", stats.commits());
            out.put("writes", stats.writes());
            return out;
        });
        router.post("/reset", this::reset);
        router.post("/seed", req -> seeder.seed(req.bodyObject()));
        router.get("/accounts", req -> accounts());
        router.post("/tasks/bulk", req -> bulk.create(req.bodyObject()));
        router.post("/tasks/{task_id}/complete", this::complete);
        router.post("/tasks/{task_id}/fail", this::fail);
        router.get("/callbacks", this::callbacks);
        router.get("/faults", req -> FaultRules.list(faults.rules()));
        router.post("/faults", req -> {
            faults.add(FaultRules.parse(req.bodyObject()));
            return FaultRules.list(faults.rules());
        });
        router.delete("/faults", req -> {
            faults.clear();
            return FaultRules.list(faults.rules());
        });
        router.post("/teams/accept", this::acceptInvitation);
        router.get("/workforce", req -> workforceState(workforce));
        router.get("/clock", req -> clockState());
        router.post("/clock", this::moveClock);
        router.post("/workforce", this::setWorkforce);
    }

    private Object reset(ApiRequest req) {
        boolean keepAccounts = Fields.optBool(req.bodyObject(), "keep_accounts").orElse(true);
        int left = control.reset(keepAccounts);
        faults.clear();
        workforce.restoreDefaults();
        ObjectNode out = Docs.object();
        out.put("reset", true);
        out.put("accounts", left);
        return out;
    }

    /**
     * Stands in for a teammate clicking the invitation link (Scale's API has no route for it): the invited email
     * becomes an active member, in the account given by {@code account_id} or in every account that invited it.
     */
    private Object acceptInvitation(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        String email = Fields.requireString(body, "email");
        String only = Fields.optString(body, "account_id").orElse(null);
        int accepted = accounts.acceptInvitation(email, only);
        if (accepted == 0) {
            throw ApiError.notFound("No pending invitation for " + email + ".");
        }
        ObjectNode out = Docs.object();
        out.put("email", email);
        out.put("accepted", accepted);
        return out;
    }

    private Object accounts() {
        ObjectNode out = Docs.object();
        ArrayNode docs = out.putArray("docs");
        for (var account : accounts.list()) {
            ObjectNode a = Docs.object();
            a.put("account_id", account.id());
            a.put("name", account.name());
            a.put("email", account.email());
            a.put("created_at", account.createdAt());
            docs.add(a);
        }
        return out;
    }

    /**
     * {@code GET /callbacks?task_id=&batch_name=&state=&limit=} — the delivery log, oldest first; {@code state} is
     * {@code pending}, {@code delivered} or {@code failed}.
     */
    private Object callbacks(ApiRequest req) {
        Optional<String> state = req.query("state");
        if (state.isPresent() && !CALLBACK_STATES.contains(state.get())) {
            throw ApiError.invalidParam("state", "must be pending, delivered or failed, got \"" + state.get() + "\"");
        }
        int limit = req.queryInt("limit", 1, 1000).orElse(200);
        CallbackStore.LogFilter filter = new CallbackStore.LogFilter(
                req.query("task_id").orElse(null), req.query("batch_name").orElse(null), state.orElse(null), limit);
        ObjectNode out = Docs.object();
        ArrayNode docs = out.putArray("docs");
        callbackLog.list(filter).forEach(docs::add);
        return out;
    }

    private Object complete(ApiRequest req) {
        String taskId = req.path("task_id");
        // Without a response, a generated one stands for the workforce finishing early (with the same trail).
        JsonNode response = Fields.optObject(req.bodyObject(), "response").orElse(null);
        return answer(taskId, "completed", completion.complete(taskId, response, "control-plane"));
    }

    private Object fail(ApiRequest req) {
        String taskId = req.path("task_id");
        String error = Fields.optString(req.bodyObject(), "error")
                .orElse("The task could not be worked on: an attachment failed to load (simulated).");
        return answer(taskId, "failed", completion.fail(taskId, error, "control-plane"));
    }

    /** The finished task; 404 for an unknown task, 400 naming its status when it was not pending (any more). */
    private static ObjectNode answer(String taskId, String verb, TaskCompletion.Result result) {
        return switch (result.outcome()) {
            case FINISHED -> result.task().orElseThrow();
            case NOT_FOUND -> throw ApiError.notFound("Task with that ID not found.");
            case NOT_PENDING ->
                throw ApiError.badRequest("Task " + taskId + " is "
                        + result.task().map(t -> t.path("status").asString("")).orElse("gone")
                        + "; only a pending task can be " + verb + ".");
        };
    }

    /**
     * POST /clock {@code {"advance_ms": N}} or {@code {"advance_seconds": N}}: makes time pass for the whole
     * emulator (due work, leases, sessions, timestamps), for tests that run it in another process. It answers
     * after the workforce has finished the tasks that became due.
     */
    private Object moveClock(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        Optional<Long> ms = Fields.optLong(body, "advance_ms");
        Optional<Long> seconds = Fields.optLong(body, "advance_seconds");
        if (ms.isEmpty() && seconds.isEmpty()) {
            throw ApiError.missingParam("advance_ms");
        }
        long total = ms.orElse(0L);
        if (seconds.isPresent()) {
            if (seconds.get() < 0 || seconds.get() > 10L * 366 * 86_400) {
                throw ApiError.invalidParam(
                        "advance_seconds", "must be between 0 and 316224000 (ten years), got " + seconds.get());
            }
            total += seconds.get() * 1000;
        }
        if (ms.isPresent() && (ms.get() < 0 || ms.get() > 10L * 366 * 86_400_000)) {
            throw ApiError.invalidParam(
                    "advance_ms", "must be between 0 and 316224000000 (ten years), got " + ms.get());
        }
        clock.advance(Duration.ofMillis(total));
        // The answer waits for the work that became due, so a test reads the outcome at once (and a task still
        // pending afterwards was not due).
        workforce.drainNow();
        return clockState();
    }

    private ObjectNode clockState() {
        ObjectNode out = Docs.object();
        out.put("now", ScaleTime.format(clock.instant()));
        out.put("offset_ms", clock.offset().toMillis());
        return out;
    }

    private Object setWorkforce(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        Optional<Long> delayMs = Fields.optLong(body, "delay_ms");
        if (delayMs.isPresent() && (delayMs.get() < 0 || delayMs.get() > 86_400_000L)) {
            throw ApiError.invalidParam("delay_ms", "must be between 0 and 86400000, got " + delayMs.get());
        }
        Optional<Boolean> enabled = Fields.optBool(body, "enabled");
        delayMs.ifPresent(ms -> workforce.setDelay(Duration.ofMillis(ms)));
        enabled.ifPresent(workforce::setEnabled);
        return workforceState(workforce);
    }

    private static ObjectNode workforceState(Workforce workforce) {
        ObjectNode out = Docs.object();
        out.put("enabled", workforce.enabled());
        out.put("delay_ms", workforce.delay().toMillis());
        return out;
    }
}
