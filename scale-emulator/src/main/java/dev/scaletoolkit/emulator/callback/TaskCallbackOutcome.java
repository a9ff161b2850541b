package dev.scaletoolkit.emulator.callback;

import org.jdbi.v3.core.Handle;

/**
 * Told, in the transaction that records it, that a task's callback reached a final state. The outbox sits below
 * tasks, so the task package implements this (it keeps the task's {@code callback_succeeded}) and boot hands it in.
 */
@FunctionalInterface
public interface TaskCallbackOutcome {
    /** The task's callback was delivered ({@code true}) or gave up ({@code false}). */
    void settled(Handle h, String taskId, boolean delivered);
}
