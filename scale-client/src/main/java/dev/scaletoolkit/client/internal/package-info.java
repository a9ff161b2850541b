/**
 * Internal: the caller, transports, retry loop and logging. Not a supported API; it may change in any release.
 * For routes without a typed method use {@link dev.scaletoolkit.client.ScaleClient#call(String, String)}.
 */
package dev.scaletoolkit.client.internal;
