package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.project.ConsensusSettings;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.task.TaskAccess;
import dev.scaletoolkit.emulator.task.TaskCompletion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Consensus: a task of a project with {@code labelers_per_task} N above 1 goes to N different people (see
 * {@link Reservations} for the seats). Their answers are kept here, not on the task: the task stays {@code pending}
 * on the API. When the N-th answer is in, the {@link Agreement} score decides: at or above the project's
 * {@code consensus_threshold} the task completes at once with the answer that agrees best with the others;
 * under it the task waits for a manager, who picks one answer or merges them. Either way the completion service
 * finishes the task (one response, one callback) and the decision is kept with the score.
 */
public final class Consensus {
    /** One person's answer. */
    public record Answer(String email, JsonNode response, String answeredAt) {}

    /** What became of a consensus task whose answers are all in. */
    public enum State {
        /** Under the threshold: waits for a manager. */
        REVIEW,
        /** At or above the threshold: completed on its own with the most agreeing answer. */
        AUTO,
        /** A manager picked one person's answer. */
        PICKED,
        /** A manager merged the answers. */
        MERGED
    }

    /**
     * A consensus task whose answers are all in.
     *
     * @param chosen whose answer completed the task ({@link #MERGE} for a merge), once decided
     */
    public record Review(
            String taskId,
            String accountId,
            double score,
            double threshold,
            int answers,
            State state,
            Optional<String> chosen,
            Optional<String> decidedBy,
            Optional<String> decidedAt,
            String createdAt) {}

    /**
     * Everything a manager needs to decide.
     *
     * @param agreement each answer's mean agreement with the others, in the order of {@code answers}
     * @param review present once all answers are in
     */
    public record View(
            ConsensusSettings settings,
            Agreement.Kind kind,
            List<Answer> answers,
            double score,
            List<Double> agreement,
            Optional<Review> review) {}

    /** What a labeler's answer did. */
    public enum Step {
        /** Kept; other people still have to answer. */
        WAITING_FOR_OTHERS,
        /** The last answer; the agreement is under the threshold, so a manager decides. */
        WAITING_FOR_MANAGER,
        /** The last answer; the agreement is high enough and the task is completed. */
        COMPLETED
    }

    /** A manager's decision: whose answer completes the task, or {@link #MERGE}. */
    public record Decide(Caller caller, String taskId, String manager, String choice) {}

    /** The choice that merges the answers instead of picking one. */
    public static final String MERGE = "merge";

    private final EmulatorContext context;
    private final TaskCompletion completion;
    private final Reservations reservations;
    private final Drafts drafts;
    private final Runnable callbacksQueued;

    public Consensus(
            EmulatorContext context,
            TaskCompletion completion,
            Reservations reservations,
            Drafts drafts,
            Runnable callbacksQueued) {
        this.context = context;
        this.completion = completion;
        this.reservations = reservations;
        this.drafts = drafts;
        this.callbacksQueued = callbacksQueued;
    }

    /** The settings in force for a task (its project's). */
    public ConsensusSettings settings(Handle h, String accountId, String taskId) {
        return Seats.of(h, accountId, taskId);
    }

    /** As {@link #settings(Handle, String, String)}, in a read of its own. */
    public ConsensusSettings settings(String accountId, String taskId) {
        return context.db().read(h -> settings(h, accountId, taskId));
    }

    static int answerCount(Handle h, String taskId) {
        return ConsensusAnswerStore.count(h, taskId);
    }

    /**
     * Keeps a labeler's answer to a pending consensus task, inside the caller's write (which checked the
     * reservation); the last answer scores the task and completes it or hands it to a manager.
     */
    public Step answer(Handle h, Caller caller, String taskId, String email, JsonNode response) {
        ConsensusSettings settings = settings(h, caller.accountId(), taskId);
        if (!ConsensusAnswerStore.insert(
                h,
                caller.accountId(),
                taskId,
                email,
                Docs.write(response),
                context.now(),
                settings.labelersPerTask())) {
            throw ApiError.conflict("You already answered task " + taskId + "; it waits for the others.");
        }
        reservations.answeredBy(h, caller.accountId(), taskId, email);
        drafts.discard(h, taskId, email);
        List<Answer> answers = ConsensusAnswerStore.of(h, caller.accountId(), taskId);
        if (answers.size() < settings.labelersPerTask()) {
            return Step.WAITING_FOR_OTHERS;
        }
        String type = TaskAccess.require(h, caller, taskId).path("type").asString();
        Agreement.Kind kind = Agreement.kindOf(type);
        List<JsonNode> responses = responses(answers);
        double score = Agreement.score(kind, responses);
        String now = context.now();
        if (score + 1e-9 >= settings.threshold()) {
            Answer best = answers.get(Agreement.mostAgreeing(kind, responses));
            ConsensusReviewStore.insert(
                    h,
                    new Review(
                            taskId,
                            caller.accountId(),
                            score,
                            settings.threshold(),
                            answers.size(),
                            State.AUTO,
                            Optional.of(best.email()),
                            Optional.empty(),
                            Optional.of(now),
                            now));
            finish(h, caller, taskId, best.response(), best.email());
            return Step.COMPLETED;
        }
        ConsensusReviewStore.insert(
                h,
                new Review(
                        taskId,
                        caller.accountId(),
                        score,
                        settings.threshold(),
                        answers.size(),
                        State.REVIEW,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        now));
        return Step.WAITING_FOR_MANAGER;
    }

    /**
     * A manager completes a task waiting for a decision with one person's answer or the merge. Only the first
     * decision counts; the task's callback goes out once.
     */
    public ObjectNode decide(Decide d) {
        ObjectNode task = context.db().write(h -> {
            Review review = ConsensusReviewStore.find(h, d.caller().accountId(), d.taskId())
                    .orElseThrow(() ->
                            ApiError.notFound("Task " + d.taskId() + " is not waiting for a consensus" + " decision."));
            if (review.state() != State.REVIEW) {
                throw ApiError.conflict("Task " + d.taskId() + " was already decided ("
                        + review.state().name().toLowerCase(java.util.Locale.ROOT) + ").");
            }
            List<Answer> answers = ConsensusAnswerStore.of(h, d.caller().accountId(), d.taskId());
            JsonNode response;
            String completedBy;
            State state;
            if (d.choice().equals(MERGE)) {
                String type = TaskAccess.require(h, d.caller(), d.taskId())
                        .path("type")
                        .asString();
                if (Agreement.kindOf(type) != Agreement.Kind.SHAPES) {
                    throw ApiError.badRequest("choice: answers of a " + type + " task cannot be merged; pick one.");
                }
                response = Agreement.mergeShapes(responses(answers));
                completedBy = d.manager();
                state = State.MERGED;
            } else {
                Answer picked = answers.stream()
                        .filter(a -> a.email().equals(d.choice()))
                        .findFirst()
                        .orElseThrow(() -> ApiError.badRequest("choice: " + d.choice() + " did not answer task "
                                + d.taskId() + "; pick one of the answers or merge."));
                response = picked.response();
                completedBy = picked.email();
                state = State.PICKED;
            }
            if (!ConsensusReviewStore.decide(h, d.taskId(), state, d.choice(), d.manager(), context.now())) {
                throw ApiError.conflict("Task " + d.taskId() + " was decided by someone else first.");
            }
            return finish(h, d.caller(), d.taskId(), response, completedBy);
        });
        callbacksQueued.run();
        return task;
    }

    private ObjectNode finish(Handle h, Caller caller, String taskId, JsonNode response, String completedBy) {
        TaskCompletion.Result result = completion.complete(h, caller, taskId, response, completedBy);
        if (!result.finished()) {
            throw ApiError.conflict("Task " + taskId + " is no longer pending; it was finished or canceled.");
        }
        reservations.finished(h, taskId);
        return result.task().orElseThrow();
    }

    /** The answers so far, the score and the decision, for a manager. */
    public View view(Caller caller, String taskId) {
        return context.db().read(h -> {
            ConsensusSettings settings = settings(h, caller.accountId(), taskId);
            String type = TaskAccess.require(h, caller, taskId).path("type").asString();
            Agreement.Kind kind = Agreement.kindOf(type);
            List<Answer> answers = ConsensusAnswerStore.of(h, caller.accountId(), taskId);
            List<JsonNode> responses = responses(answers);
            List<Double> each = new ArrayList<>();
            for (int i = 0; i < responses.size(); i++) {
                double sum = 0;
                for (int j = 0; j < responses.size(); j++) {
                    if (j != i) {
                        sum += Agreement.pair(kind, responses.get(i), responses.get(j));
                    }
                }
                each.add(responses.size() < 2 ? 1.0 : sum / (responses.size() - 1));
            }
            return new View(
                    settings,
                    kind,
                    answers,
                    Agreement.score(kind, responses),
                    each,
                    ConsensusReviewStore.find(h, caller.accountId(), taskId));
        });
    }

    /** As {@link #view(Caller, String)} for any account's task (the control plane); 404 when nobody answered it. */
    public View viewAny(String taskId) {
        String accountId = context.db()
                .read(h -> ConsensusAnswerStore.accountOf(h, taskId))
                .orElseThrow(
                        () -> ApiError.notFound("Nobody has answered task " + taskId + " as part of a consensus."));
        return view(new Caller(accountId, false), taskId);
    }

    /** Tasks waiting for a manager's decision, oldest first. */
    public List<Review> waiting(String accountId) {
        return context.db().read(h -> ConsensusReviewStore.waiting(h, accountId));
    }

    /** The most recent decisions, newest first. */
    public List<Review> decided(String accountId, int limit) {
        return context.db().read(h -> ConsensusReviewStore.decided(h, accountId, limit));
    }

    /**
     * Tasks the queue must not hand to {@code email}: undecided ones they answered, and those whose answers are all
     * in and wait for a manager.
     */
    public Set<String> closedTo(String accountId, String email) {
        return context.db().read(h -> {
            Set<String> out = new HashSet<>(ConsensusAnswerStore.answeredBy(h, accountId, email));
            ConsensusReviewStore.waiting(h, accountId).forEach(r -> out.add(r.taskId()));
            return out;
        });
    }

    /** Whether {@code email} answered the consensus task already. */
    public boolean answeredBy(String accountId, String taskId, String email) {
        return context.db().read(h -> ConsensusAnswerStore.has(h, accountId, taskId, email));
    }

    private static List<JsonNode> responses(List<Answer> answers) {
        List<JsonNode> out = new ArrayList<>();
        answers.forEach(a -> out.add(a.response()));
        return out;
    }
}
