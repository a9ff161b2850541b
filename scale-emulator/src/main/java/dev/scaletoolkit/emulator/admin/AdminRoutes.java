package dev.scaletoolkit.emulator.admin;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.AccountStore;
import dev.scaletoolkit.emulator.batch.BatchSettlement;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.ApiServlet;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.store.DataReset;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.task.TaskCompletion;
import dev.scaletoolkit.emulator.task.TaskCreation;
import dev.scaletoolkit.emulator.task.TaskTypes;
import dev.scaletoolkit.emulator.workforce.Workforce;
import java.time.Duration;
import java.util.Optional;
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
    private final EmulatorContext context;
    private final TaskCompletion completion;
    private final Workforce workforce;
    private final BulkTasks bulk;

    public AdminRoutes(
            EmulatorContext context, TaskCompletion completion, BatchSettlement batches, Workforce workforce) {
        this.context = context;
        this.completion = completion;
        this.workforce = workforce;
        this.bulk = new BulkTasks(context, new TaskCreation(context, TaskTypes.standard(), completion, batches));
    }

    @Override
    public void register(Router router) {
        router.addPublic("GET", "/health", req -> WorkerHealth.of(context.supervisor(), ApiServlet.VERSION));
        router.get("/stats", req -> {
            // Group commit at work: writes / commits is how many writes shared each commit (and its sync).
            long[] counts = context.db().writeCounts();
            ObjectNode out = Docs.object();
            out.put("commits", counts[0]);
            out.put("writes", counts[1]);
            return out;
        });
        router.post("/reset", this::reset);
        router.post("/seed", req -> new Seeder(context).seed(req));
        router.get("/accounts", req -> accounts());
        router.post("/tasks/bulk", bulk::create);
        router.post("/tasks/{task_id}/complete", this::complete);
        router.post("/tasks/{task_id}/fail", this::fail);
        router.get("/callbacks", req -> CallbackLog.list(context, req));
        router.get("/faults", req -> FaultRules.list(context.faults().rules()));
        router.post("/faults", req -> {
            context.faults().add(FaultRules.parse(req.bodyObject()));
            return FaultRules.list(context.faults().rules());
        });
        router.delete("/faults", req -> {
            context.faults().clear();
            return FaultRules.list(context.faults().rules());
        });
        router.post("/teams/accept", this::acceptInvitation);
        router.get("/workforce", req -> workforceState(workforce));
        router.post("/workforce", this::setWorkforce);
    }

    private Object reset(ApiRequest req) {
        boolean keepAccounts = Fields.optBool(req.bodyObject(), "keep_accounts").orElse(true);
        int accounts = DataReset.run(context, keepAccounts);
        if (!keepAccounts) {
            context.apiKeys().invalidate();
        }
        context.faults().clear();
        workforce.restoreDefaults();
        ObjectNode out = Docs.object();
        out.put("reset", true);
        out.put("accounts", accounts);
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
        int accepted = context.db().write(h -> {
            java.util.List<String> accounts = only != null
                    ? java.util.List.of(only)
                    : AccountStore.all(h).stream().map(AccountStore.Account::id).toList();
            int n = 0;
            for (String account : accounts) {
                if (dev.scaletoolkit.emulator.team.Teammates.accept(h, account, email)) {
                    n++;
                }
            }
            return n;
        });
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
        for (AccountStore.Account account : context.db().read(AccountStore::all)) {
            ObjectNode a = Docs.object();
            a.put("account_id", account.id());
            a.put("name", account.name());
            a.put("email", account.email());
            a.put("created_at", account.createdAt());
            docs.add(a);
        }
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
