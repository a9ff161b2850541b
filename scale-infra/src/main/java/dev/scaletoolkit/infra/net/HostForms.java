package dev.scaletoolkit.infra.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a URL's host the way the operating system's resolver would, so no spelling of an address hides what it
 * is: dotted decimal, one to four parts ({@code 127.1}, {@code 2852039166}), octal ({@code 0251.0376.0251.0376})
 * and hex ({@code 0xa9fea9fe}) parts as {@code inet_aton} reads them, and IPv6 literals with or without brackets.
 */
public final class HostForms {
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-f:.]+(%[0-9a-z._-]+)?");
    private static final Pattern NUMBER_PART = Pattern.compile("0x[0-9a-f]*|[0-9]+");

    private HostForms() {}

    /** What a host string is. */
    public sealed interface Host {
        /** The host as the policy compares it: lower case, no brackets, no trailing dot. */
        String text();
    }

    /** A literal address: no lookup happens for it. */
    public record Literal(String text, InetAddress address) implements Host {}

    /** A name to resolve. */
    public record Name(String text) implements Host {}

    /** Something shaped like an address that no resolver would accept as one, e.g. {@code 1.2.3.256}. */
    public record Malformed(String text) implements Host {}

    /** Reads a host as {@link java.net.URI#getHost()} gives it. */
    public static Host read(String raw) {
        String host = raw.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.endsWith(".") && host.length() > 1) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.contains(":")) {
            return ipv6(host);
        }
        Optional<byte[]> v4 = ipv4(host);
        if (v4 == null) {
            return new Malformed(host);
        }
        if (v4.isPresent()) {
            try {
                return new Literal(host, InetAddress.getByAddress(v4.get()));
            } catch (UnknownHostException e) {
                return new Malformed(host);
            }
        }
        return new Name(host);
    }

    private static Host ipv6(String host) {
        if (!IPV6_CHARS.matcher(host).matches()) {
            return new Malformed(host);
        }
        try {
            // only literal characters are left, so this parses and never looks anything up
            return new Literal(host, InetAddress.getByName(host));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return new Malformed(host);
        }
    }

    /**
     * The address {@code inet_aton} makes of the host; empty when it is a name (some part is not a number); null
     * when every part is a number but together they are no address.
     */
    private static Optional<byte[]> ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return allNumbers(parts) ? null : Optional.empty();
        }
        if (!allNumbers(parts)) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            long v = value(parts[i]);
            if (v < 0) {
                return null;
            }
            values[i] = v;
        }
        // a.b.c.d; a.b.c (c fills 16 bits); a.b (b fills 24); a (32 bits)
        int last = parts.length - 1;
        long lastMax = (1L << (8 * (4 - last))) - 1;
        long address = 0;
        for (int i = 0; i < last; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (8 * (3 - i));
        }
        if (values[last] > lastMax) {
            return null;
        }
        address |= values[last];
        return Optional.of(
                new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address});
    }

    private static boolean allNumbers(String[] parts) {
        for (String p : parts) {
            if (!NUMBER_PART.matcher(p).matches()) {
                return false;
            }
        }
        return true;
    }

    /** One part's value: 0x hex, a leading 0 octal, else decimal; -1 when the digits do not fit the base. */
    private static long value(String part) {
        try {
            if (part.startsWith("0x")) {
                return part.length() == 2 ? 0 : parse(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return parse(part.substring(1), 8);
            }
            return parse(part, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parse(String digits, int radix) {
        if (digits.length() > 12) {
            return -1; // far beyond 32 bits whatever the base
        }
        return Long.parseLong(digits, radix);
    }
}
