package dev.scaletoolkit.emulator.callback;

import dev.scaletoolkit.emulator.EmulatorContext;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The callback delivery log the control plane shows: URL, body, attempts and last outcome of each delivery (the
 * auth header is not stored per delivery and never shown).
 */
public final class CallbackLog {
    private final EmulatorContext context;

    public CallbackLog(EmulatorContext context) {
        this.context = context;
    }

    /** The deliveries {@code filter} matches, oldest first. */
    public List<ObjectNode> list(CallbackStore.LogFilter filter) {
        return context.db().read(h -> CallbackStore.log(h, filter));
    }
}
