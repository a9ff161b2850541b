package dev.scaletoolkit.client.callback;

/** What the application does with each callback; called once per distinct event, on one thread, in order. */
@FunctionalInterface
public interface CallbackHandler {
    /**
     * Handles one callback. An exception is logged and does not stop later callbacks.
     *
     * @param event a task or batch callback
     */
    void handle(CallbackEvent event);
}
