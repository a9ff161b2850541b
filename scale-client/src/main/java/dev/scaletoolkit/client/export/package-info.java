/**
 * Streaming completed tasks out of Scale to JSONL or COCO.
 */
package dev.scaletoolkit.client.export;
