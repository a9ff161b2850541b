/**
 * The SDK's entry point: {@link dev.scaletoolkit.client.ScaleClient} with a service per resource, its options
 * ({@link dev.scaletoolkit.client.ClientOptions}, per-call {@link dev.scaletoolkit.client.RequestOptions}), raw
 * responses, the asynchronous view and the generic call for routes without a typed method.
 */
package dev.scaletoolkit.client;
