package dev.scaletoolkit.emulator.quality;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.file.KeysetCursor;
import dev.scaletoolkit.emulator.quality.QualityAttemptStore.Attempt;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Quality reads: fixless audits and labelers' training attempts. Both only read; the task audit and the simulated
 * workforce write the rows. Neither response shape is confirmed upstream, so both follow Scale's usual listing
 * envelope ({@code docs}, plus {@code next_token} and {@code has_more} where there are pages).
 */
public final class QualityReads {
    private static final int MAX_AUDITS = 1000;

    private final EmulatorContext context;

    public QualityReads(EmulatorContext context) {
        this.context = context;
    }

    /**
     * Audits that accepted or rejected a task without fixing it, newest first; an audit must match both lists
     * where both are given; each stored JSON handed to {@code each} one row at a time (at most 1,000).
     */
    public void audits(Caller caller, List<String> taskIds, List<String> ids, Consumer<String> each) {
        context.db().read(h -> AuditStore.forEachFixless(h, caller, taskIds, ids, MAX_AUDITS, each));
    }

    /** A page of training attempts, newest first, for the given quality tasks and/or labelers. */
    public ObjectNode attempts(
            Caller caller, List<String> taskIds, List<String> emails, KeysetCursor after, int limit) {
        List<Attempt> rows =
                context.db().read(h -> QualityAttemptStore.page(h, caller, taskIds, emails, after, limit + 1));
        boolean hasMore = rows.size() > limit;
        List<Attempt> page = hasMore ? rows.subList(0, limit) : rows;
        ObjectNode out = Docs.object();
        ArrayNode array = out.putArray("docs");
        page.forEach(a -> array.add(Docs.read(a.doc())));
        if (hasMore) {
            Attempt last = page.get(page.size() - 1);
            out.put("next_token", new KeysetCursor(last.createdAt(), last.id()).encode());
        } else {
            out.putNull("next_token");
        }
        out.put("has_more", hasMore);
        return out;
    }
}
