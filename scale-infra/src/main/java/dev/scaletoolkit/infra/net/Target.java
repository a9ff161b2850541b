package dev.scaletoolkit.infra.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;

/**
 * A URL that passed the {@link OutboundPolicy}, with the address that was checked.
 *
 * <p>When {@link #pinned()} (plain http to a host name), the connection must go to {@link #address()} and not
 * to a fresh lookup of the name: {@link #proxy()} routes it there as an HTTP proxy would, so the request line
 * carries the absolute URL and the {@code Host} header the name, which every HTTP/1.1 server accepts (RFC 9112
 * §3.2.2). Literal addresses, {@code localhost} and https need no pin (https checks the certificate against the
 * name).
 *
 * @param uri the URL as given
 * @param host the host as the policy read it
 * @param address the checked address (the first a name resolved to)
 * @param port the port, the scheme's default filled in
 * @param pinned whether the connection must be routed to {@code address}
 */
public record Target(URI uri, String host, InetAddress address, int port, boolean pinned) {

    /** For {@link java.net.URL#openConnection(Proxy)}: the pinned address, or no proxy at all. */
    public Proxy proxy() {
        return pinned ? new Proxy(Proxy.Type.HTTP, new InetSocketAddress(address, port)) : Proxy.NO_PROXY;
    }

    /** The address to connect to when pinned. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }
}
