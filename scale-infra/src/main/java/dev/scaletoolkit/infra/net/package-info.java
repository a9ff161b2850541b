/**
 * The one outbound-address policy: every connection a server opens on a user's behalf (callbacks, imports,
 * webhooks, forwarding, connection base URLs) asks {@link dev.scaletoolkit.infra.net.OutboundPolicy} first.
 */
package dev.scaletoolkit.infra.net;
