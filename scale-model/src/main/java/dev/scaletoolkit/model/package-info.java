/**
 * Shared helpers: Scale's timestamp format and the Jackson 3 mapper the emulator and tools use.
 */
package dev.scaletoolkit.model;
