/**
 * Extension points of the transport: a custom {@link dev.scaletoolkit.client.http.Transport}, the
 * {@link dev.scaletoolkit.client.http.RetryPolicy}, an injected {@link dev.scaletoolkit.client.http.Sleeper}, and
 * the request and response types they see.
 */
package dev.scaletoolkit.client.http;
