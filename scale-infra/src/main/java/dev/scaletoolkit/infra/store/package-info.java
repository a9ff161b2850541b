/**
 * Data access for every store of the emulator, the gateway and the triggers: a {@link
 * dev.scaletoolkit.infra.store.Database} (pool, group-committed writes, reads) whose work receives a Jdbi {@code
 * Handle}, and {@link dev.scaletoolkit.infra.store.Rows} for the one-row statements every request runs.
 */
package dev.scaletoolkit.infra.store;
