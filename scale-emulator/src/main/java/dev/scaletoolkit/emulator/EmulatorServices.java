package dev.scaletoolkit.emulator;

import dev.scaletoolkit.emulator.batch.BatchSettlement;
import dev.scaletoolkit.emulator.callback.CallbackDispatcher;
import dev.scaletoolkit.emulator.task.TaskCompletion;
import dev.scaletoolkit.emulator.workforce.SimulatedLabeler;
import dev.scaletoolkit.emulator.workforce.Workforce;

/**
 * The services and background workers of one emulator, built once at boot and handed to the routes that need
 * them (nobody looks them up). The workers are built stopped; {@link ScaleEmulator} starts them once the server
 * listens.
 *
 * @param batches batch settlement (reopening and completing batches as their tasks change)
 * @param completion the one way to complete or fail a task
 * @param callbacks the callback dispatcher
 * @param workforce the simulated labelers
 */
public record EmulatorServices(
        BatchSettlement batches, TaskCompletion completion, CallbackDispatcher callbacks, Workforce workforce) {

    static EmulatorServices create(EmulatorContext context) {
        CallbackDispatcher callbacks = new CallbackDispatcher(context);
        BatchSettlement batches = new BatchSettlement(context);
        TaskCompletion completion =
                new TaskCompletion(context, batches, new SimulatedLabeler(context), callbacks::wake);
        return new EmulatorServices(batches, completion, callbacks, new Workforce(context, completion));
    }
}
