package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.error.ApiError;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Drafts: what a person has done on a task so far, saved by the annotation screen as they work (debounced) and
 * restored when they open the task again, on any device. One per task and person; the submission that completes
 * the task deletes it in the same transaction. Saving a draft needs the task's reservation, and renews it.
 */
public final class Drafts {
    /** The largest draft kept (a frame-by-frame video answer fits; a runaway page does not). */
    public static final int MAX_CHARS = 4 * 1024 * 1024;

    /** A saved draft: the screen's own JSON, and when it was saved (Scale's time format). */
    public record Draft(String json, String savedAt) {}

    /** One save: whose draft of which task, and the screen's JSON. */
    public record Save(String accountId, String taskId, String email, String json) {}

    /** What a save did: saved, or refused because someone else holds the task now. */
    public record Saved(boolean saved, String savedAt, Reservations.Lease lease) {}

    private final EmulatorContext context;
    private final Reservations reservations;

    public Drafts(EmulatorContext context, Reservations reservations) {
        this.context = context;
        this.reservations = reservations;
    }

    /** Saves the draft if the person holds (or can take) the task's reservation, renewing it. */
    public Saved save(Save save) {
        if (save.json().length() > MAX_CHARS) {
            throw ApiError.tooLarge(
                    "draft is " + save.json().length() + " characters; drafts are kept up to " + MAX_CHARS + ".");
        }
        return context.db().write(h -> {
            Reservations.Claim claim = reservations.reserve(h, save.accountId(), save.taskId(), save.email());
            if (!claim.granted()) {
                return new Saved(false, null, claim.lease());
            }
            String now = context.now();
            DraftStore.save(h, save.accountId(), save.taskId(), save.email(), save.json(), now);
            return new Saved(true, now, claim.lease());
        });
    }

    /** The person's draft of the task, if any. */
    public Optional<Draft> find(String accountId, String taskId, String email) {
        return context.db().read(h -> DraftStore.find(h, accountId, taskId, email));
    }

    /** Deletes the person's draft, inside the caller's transaction (the one that completes the task). */
    public void discard(Handle h, String taskId, String email) {
        DraftStore.delete(h, taskId, email);
    }
}
