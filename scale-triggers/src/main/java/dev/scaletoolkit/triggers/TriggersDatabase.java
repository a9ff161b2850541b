package dev.scaletoolkit.triggers;

import org.jdbi.v3.core.HandleCallback;

/**
 * The database the triggers keep their tables in: the gateway's. Writes commit before they return, so an event
 * acknowledged to Scale is durable; the gateway serialises them in-process.
 */
public interface TriggersDatabase {
    <R> R write(HandleCallback<R, RuntimeException> work);

    <R> R read(HandleCallback<R, RuntimeException> work);
}
