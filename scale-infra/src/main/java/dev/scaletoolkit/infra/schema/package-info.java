/**
 * How a module's migrations are checked and applied at start ({@link dev.scaletoolkit.infra.schema.Migrations}):
 * one rule for the emulator and the gateway (and the triggers, which add to the gateway's location).
 */
package dev.scaletoolkit.infra.schema;
