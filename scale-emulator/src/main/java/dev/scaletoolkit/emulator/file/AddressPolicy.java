package dev.scaletoolkit.emulator.file;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which hosts an import by URL may contact. Refused: link-local addresses (169.254.0.0/16, fe80::/10), the cloud
 * metadata endpoints (169.254.169.254, fd00:ec2::254, 100.100.100.200, metadata.google.internal), the unspecified
 * address and 0.0.0.0/8, broadcast and multicast — including IPv4 addresses embedded in IPv6 forms.
 *
 * <p>Loopback and private ranges (127/8, 10/8, 172.16/12, 192.168/16, fc00::/7) are allowed on purpose: the emulator
 * runs on a developer's machine or in CI, and importing from a local test server is its main use. Anyone who exposes
 * an emulator to untrusted callers should know that it can reach services on its own network.
 */
public final class AddressPolicy {
    private static final Set<String> METADATA_HOSTS =
            Set.of("metadata.google.internal", "metadata.goog", "metadata.azure.internal");
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private AddressPolicy() {}

    /** Thrown when a URL must not be fetched; the message is safe to show to the caller. */
    public static final class RefusedException extends Exception {
        public RefusedException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Checks what can be checked without a DNS lookup: the scheme, the presence of a host, metadata host names and
     * literal IP addresses. Returns the reason to refuse, or empty when the URL may be queued.
     */
    public static Optional<String> refuseWithoutLookup(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL, got "
                    + (scheme.isEmpty() ? "no scheme" : "scheme \"" + scheme + "\""));
        }
        String host = hostOf(uri);
        if (host == null) {
            return Optional.of("must name a host, as in https://example.com/image.png");
        }
        if (METADATA_HOSTS.contains(host)) {
            return Optional.of(refusal(host));
        }
        if (isLiteral(host)) {
            try {
                InetAddress address = InetAddress.getByName(host); // a literal: parsed, no lookup
                if (refused(address)) {
                    return Optional.of(refusal(address.getHostAddress()));
                }
            } catch (UnknownHostException e) {
                return Optional.of("has a malformed IP address as its host");
            }
        }
        return Optional.empty();
    }

    /**
     * Resolves the URL's host and checks every address it has, so a name that resolves to a refused address is
     * caught before any connection. The JVM caches the lookup (30 s by default), so the connection made right after
     * this check uses the same addresses.
     */
    public static void check(URI uri) throws RefusedException {
        Optional<String> early = refuseWithoutLookup(uri);
        if (early.isPresent()) {
            throw new RefusedException("The URL " + early.get() + ".");
        }
        String host = hostOf(uri);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedException("The host " + host + " could not be resolved.");
        }
        for (InetAddress address : addresses) {
            if (refused(address)) {
                throw new RefusedException("The host " + host + " resolves to " + address.getHostAddress()
                        + ", a link-local, metadata, broadcast or multicast address; imports never connect there.");
            }
        }
    }

    /** Whether an address is one the fetcher never connects to. */
    public static boolean refused(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        if (address.isLoopbackAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            boolean broadcast = (b[0] & b[1] & b[2] & b[3]) == (byte) 0xff;
            boolean alibabaMetadata =
                    first == 100 && (b[1] & 0xff) == 100 && (b[2] & 0xff) == 100 && (b[3] & 0xff) == 200;
            return first == 0 || broadcast || alibabaMetadata;
        }
        if (address instanceof Inet6Address) {
            if (isAwsIpv6Metadata(b)) {
                return true;
            }
            InetAddress embedded = embeddedIpv4(b);
            return embedded != null && refused(embedded);
        }
        return false;
    }

    /** fd00:ec2::254. */
    private static boolean isAwsIpv6Metadata(byte[] b) {
        byte[] want = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};
        return java.util.Arrays.equals(b, want);
    }

    /** The IPv4 address inside an IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) address, or null. */
    private static InetAddress embeddedIpv4(byte[] b) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
        }
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (!compatible && !nat64) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || IPV4_LITERAL.matcher(host).matches();
    }

    private static String refusal(String where) {
        return "points at " + where + ", a link-local, cloud metadata, broadcast or multicast address; the emulator"
                + " never fetches from those";
    }
}
