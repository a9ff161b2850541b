/**
 * Signing and verifying the gateway's webhooks (an HMAC-SHA256 over a timestamp and the body).
 */
package dev.scaletoolkit.client.webhook;
