package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.studio.Consensus;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /_emulator/consensus/{task_id}}: a consensus task's individual answers, their agreement and the
 * decision, for tests and scripts. They stay off the task itself, which keeps Scale's shape (status and the one
 * chosen response).
 */
final class ConsensusRoutes implements Routes {
    private final Consensus consensus;

    ConsensusRoutes(Consensus consensus) {
        this.consensus = consensus;
    }

    @Override
    public void register(Router router) {
        router.get("/consensus/{task_id}", req -> show(req.path("task_id")));
    }

    private ObjectNode show(String taskId) {
        Consensus.View view = consensus.viewAny(taskId);
        ObjectNode out = Docs.object();
        out.put("task_id", taskId);
        out.put("labelers_per_task", view.settings().labelersPerTask());
        out.put("consensus_threshold", view.settings().threshold());
        out.put("compared_by", view.kind().name().toLowerCase(java.util.Locale.ROOT));
        out.put("score", view.review().map(Consensus.Review::score).orElse(view.score()));
        view.review()
                .ifPresentOrElse(
                        r -> {
                            out.put("state", r.state().name().toLowerCase(java.util.Locale.ROOT));
                            r.chosen().ifPresent(c -> out.put("chosen", c));
                            r.decidedBy().ifPresent(b -> out.put("decided_by", b));
                            r.decidedAt().ifPresent(a -> out.put("decided_at", a));
                        },
                        () -> out.put("state", "answering"));
        ArrayNode answers = out.putArray("answers");
        for (int i = 0; i < view.answers().size(); i++) {
            Consensus.Answer a = view.answers().get(i);
            ObjectNode one = answers.addObject();
            one.put("email", a.email());
            one.put("answered_at", a.answeredAt());
            one.put("agreement", view.agreement().get(i));
            one.set("response", a.response());
        }
        return out;
    }
}
