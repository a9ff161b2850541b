/**
 * Batches: create, read, list, finalize, progress and waiting.
 */
package dev.scaletoolkit.client.batch;
