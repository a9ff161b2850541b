/**
 * Receiving Scale's task and batch callbacks: constant-time verification of the auth header and an embeddable
 * receiver that hands each distinct callback to the application once.
 */
package dev.scaletoolkit.client.callback;
