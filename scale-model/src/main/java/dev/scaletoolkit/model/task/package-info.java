/**
 * Task wire records and open enums.
 */
package dev.scaletoolkit.model.task;
