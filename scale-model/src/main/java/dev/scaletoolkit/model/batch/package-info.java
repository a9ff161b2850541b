/**
 * Batch wire records.
 */
package dev.scaletoolkit.model.batch;
