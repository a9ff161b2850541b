package dev.scaletoolkit.infra.net;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The one rule for every connection a server opens on a user's behalf: task and batch callbacks, file imports,
 * webhooks, {@code callbacks listen --forward-to}, connection base URLs and the poller that uses them.
 *
 * <p>A URL passes when its scheme is http or https, its port is 1–65535, and every address its host stands for is
 * public or allowed by the operator's {@link AllowList}. Hosts are read the way a resolver reads them
 * ({@link HostForms}: decimal, octal, hex, short forms) and IPv6 addresses carrying an IPv4 address are judged by
 * it ({@link AddressKind}). Names are resolved and <em>every</em> address checked; the {@link Target} returned
 * pins the checked address, so a name that changes its answer between check and connect (DNS rebinding) does not
 * move the connection: plain http goes to the pinned address (see {@link Target#pinned()}), and https verifies
 * the certificate against the name, which a rebound internal service cannot present.
 *
 * <p>The server's own port on this machine is refused whatever the allow list says, so an emulator never fetches
 * its own control plane.
 */
public final class OutboundPolicy {
    private static final Set<String> METADATA_NAMES = Set.of(
            "metadata.google.internal",
            "metadata.goog",
            "metadata.azure.internal",
            "instance-data",
            "instance-data.ec2.internal");

    private final String purpose;
    private final AllowList allow;
    private final String howToAllow;
    private final IntSupplier ownPort;
    private final List<String> ownPathsAllowed;

    private OutboundPolicy(
            String purpose, AllowList allow, String howToAllow, IntSupplier ownPort, List<String> ownPathsAllowed) {
        this.purpose = purpose;
        this.allow = allow;
        this.howToAllow = howToAllow;
        this.ownPort = ownPort;
        this.ownPathsAllowed = List.copyOf(ownPathsAllowed);
    }

    /**
     * A policy that lets through public addresses and what {@code allow} names.
     *
     * @param purpose what connects, plural, for messages: "callbacks", "imports", "webhooks"
     * @param howToAllow how an operator allows a host, with {@code HOST} where the entry goes, e.g.
     *     {@code "start the emulator with --allow-host HOST"}
     */
    public static OutboundPolicy of(String purpose, AllowList allow, String howToAllow) {
        return new OutboundPolicy(purpose, allow, howToAllow, () -> -1, List.of());
    }

    /**
     * This policy, also refusing this machine's addresses on the port {@code port} gives (-1: none yet), except
     * under the given path prefixes (a receiver mounted on the same server, such as {@code /callbacks/}).
     */
    public OutboundPolicy refusingOwnPort(IntSupplier port, String... exceptUnder) {
        return new OutboundPolicy(purpose, allow, howToAllow, port, List.of(exceptUnder));
    }

    /** The same policy for another purpose (its messages name it). */
    public OutboundPolicy forPurpose(String otherPurpose) {
        return new OutboundPolicy(otherPurpose, allow, howToAllow, ownPort, ownPathsAllowed);
    }

    public AllowList allowList() {
        return allow;
    }

    /** Thrown when a URL must not be connected to; the message is a sentence safe to show the caller. */
    public static final class RefusedException extends Exception {
        private final boolean unresolved;

        public RefusedException(String message) {
            this(message, false);
        }

        RefusedException(String message, boolean unresolved) {
            super(message, null, false, false);
            this.unresolved = unresolved;
        }

        /** Whether the host could not be resolved (nothing could be connected to), rather than refused. */
        public boolean unresolved() {
            return unresolved;
        }
    }

    /** Parses a URL, or says why it is not one. */
    public static URI parse(String url) throws RefusedException {
        try {
            return new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new RefusedException("The URL is not a valid URL.");
        }
    }

    /**
     * Checks what can be checked without a DNS lookup: scheme, host, port, literal addresses in any spelling and
     * metadata names. The reason to refuse (a phrase that follows "the URL"), or empty when the URL may be queued.
     */
    public Optional<String> refuseWithoutLookup(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL, got "
                    + (scheme.isEmpty() ? "no scheme" : "scheme \"" + scheme + "\""));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of(
                    uri.getRawAuthority() == null
                            ? "must name a host, as in https://example.com/path"
                            : "has \"" + uri.getRawAuthority() + "\" where a host[:port] belongs, which is not one");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return Optional.of("has port " + uri.getPort() + "; a port is a number from 1 to 65535");
        }
        int port = portOf(uri);
        HostForms.Host host = HostForms.read(uri.getHost());
        if (host instanceof HostForms.Malformed) {
            return Optional.of(
                    "has \"" + host.text() + "\" as its host, which is shaped like an IP address but is" + " not one");
        }
        if (host instanceof HostForms.Literal lit) {
            return decide(lit.text(), lit.address(), port, uri).map(r -> "points at " + r);
        }
        if (isLocalhost(host.text())) {
            // RFC 6761: localhost names loopback and never reaches DNS, so it is judged as the address it means
            return decide(host.text(), InetAddress.getLoopbackAddress(), port, uri)
                    .map(r -> "points at " + r);
        }
        if (METADATA_NAMES.contains(host.text()) && !allow.allows(host.text(), null, port, AddressKind.METADATA)) {
            return Optional.of(
                    "points at " + host.text() + ", a cloud metadata address; " + purpose + " never go there");
        }
        return Optional.empty();
    }

    /**
     * Checks the URL and resolves its host, checking every address it has.
     *
     * @return the target to connect to, with the checked address pinned
     * @throws RefusedException with a sentence naming the URL's host and why
     */
    public Target check(URI uri) throws RefusedException {
        Optional<String> early = refuseWithoutLookup(uri);
        if (early.isPresent()) {
            throw new RefusedException("The URL " + early.get() + ".");
        }
        int port = portOf(uri);
        HostForms.Host host = HostForms.read(uri.getHost());
        if (host instanceof HostForms.Literal lit) {
            return new Target(uri, host.text(), lit.address(), port, false);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.text());
        } catch (UnknownHostException | SecurityException e) {
            throw new RefusedException("The host " + host.text() + " could not be resolved.", true);
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = decide(host.text(), address, port, uri);
            if (refused.isPresent()) {
                throw new RefusedException("The host " + host.text() + " resolves to " + refused.get() + ".");
            }
        }
        boolean pin = uri.getScheme().equalsIgnoreCase("http") && !isLocalhost(host.text());
        return new Target(uri, host.text(), addresses[0], port, pin);
    }

    /** As {@link #check} for a URL string. */
    public Target check(String url) throws RefusedException {
        return check(parse(url));
    }

    /** Why an address must not be reached (a phrase starting with the address), or empty. */
    private Optional<String> decide(String host, InetAddress address, int port, URI uri) {
        String shown = address.getHostAddress();
        int own = ownPort.getAsInt();
        if (own > 0 && own == port && isThisMachine(address) && !underOwnReceiver(uri)) {
            return Optional.of(shown + " port " + port + ", this server's own address; " + purpose + " never go there");
        }
        AddressKind kind = AddressKind.of(address);
        if (kind == AddressKind.PUBLIC) {
            return Optional.empty();
        }
        String what = shown + ", " + kind.phrase() + " address";
        if (kind == AddressKind.UNSPECIFIED || kind == AddressKind.BROADCAST || kind == AddressKind.MULTICAST) {
            return Optional.of(what + "; " + purpose + " never go there");
        }
        if (allow.allows(host, address, port, kind)) {
            return Optional.empty();
        }
        String entry = kind == AddressKind.METADATA || !host.equals(shown) ? host : shown;
        return Optional.of(
                what + "; " + purpose + " go there only when allowed (" + howToAllow.replace("HOST", entry) + ")");
    }

    /** Whether the URL's path is plainly (nothing encoded, no dot segments) under an allowed prefix. */
    private boolean underOwnReceiver(URI uri) {
        String raw = uri.getRawPath();
        if (raw == null || raw.contains("%") || !raw.equals(uri.normalize().getRawPath()) || raw.contains("//")) {
            return false;
        }
        return ownPathsAllowed.stream().anyMatch(raw::startsWith);
    }

    private static boolean isLocalhost(String host) {
        return host.equals("localhost") || host.endsWith(".localhost");
    }

    private static boolean isThisMachine(InetAddress address) {
        InetAddress inner = AddressKind.embedded(address);
        InetAddress a = inner != null ? inner : address;
        if (a.isLoopbackAddress() || a.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(a) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    private static int portOf(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return "OutboundPolicy[" + purpose + ", allow=" + allow + "]";
    }
}
