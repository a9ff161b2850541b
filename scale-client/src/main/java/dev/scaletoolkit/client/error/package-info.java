/**
 * The SDK's unchecked exceptions and the one table mapping an HTTP status to them.
 */
package dev.scaletoolkit.client.error;
