/**
 * Tasks: one typed params class per task type, and the service to create, read, list, change and wait for them.
 */
package dev.scaletoolkit.client.task;
