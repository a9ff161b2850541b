/**
 * Driving the emulator's control plane from tests and tools: reset, faults, task completion.
 */
package dev.scaletoolkit.client.emulator;
