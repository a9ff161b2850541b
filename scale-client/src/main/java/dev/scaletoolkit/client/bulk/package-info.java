/**
 * Creating many tasks exactly once: a resumable, unique_id-keyed checkpoint, adaptive concurrency and progress
 * with rate and time left.
 */
package dev.scaletoolkit.client.bulk;
