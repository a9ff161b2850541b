package dev.scaletoolkit.infra.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What kind of place an address is. An IPv6 address that carries an IPv4 address (IPv4-mapped, IPv4-compatible,
 * SIIT, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, Teredo, ISATAP) is judged by the IPv4 address inside,
 * so {@code [2002:a9fe:a9fe::]} is the metadata address it encodes.
 */
public enum AddressKind {
    /** Anything on the internet. */
    PUBLIC("a public"),
    /** 127.0.0.0/8, ::1. */
    LOOPBACK("a loopback"),
    /** 10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10, 64:ff9b:1::/48. */
    PRIVATE("a private"),
    /** 169.254/16, fe80::/10. */
    LINK_LOCAL("a link-local"),
    /** Carrier-grade NAT, 100.64.0.0/10. */
    CGNAT("a carrier-grade NAT (100.64.0.0/10)"),
    /** Cloud instance metadata: 169.254.169.254, 169.254.170.2, 100.100.100.200, fd00:ec2::254. */
    METADATA("a cloud metadata"),
    /** 0.0.0.0/8, ::. */
    UNSPECIFIED("an unspecified"),
    /** 255.255.255.255. */
    BROADCAST("a broadcast"),
    /** 224/4, ff00::/8. */
    MULTICAST("a multicast"),
    /** Reserved, documentation and benchmarking ranges: 192.0.0/24, 192.0.2/24, 198.18/15, 240/4, 2001:db8::/32. */
    RESERVED("a reserved");

    private final String phrase;

    AddressKind(String phrase) {
        this.phrase = phrase;
    }

    /** "a private", "a cloud metadata": reads before "address". */
    public String phrase() {
        return phrase;
    }

    /** The kind of {@code address}. */
    public static AddressKind of(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ofIpv4(b);
        }
        if (address instanceof Inet6Address) {
            return ofIpv6(b);
        }
        return RESERVED;
    }

    private static AddressKind ofIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if (a0 == 169 && a1 == 254 && ((a2 == 169 && a3 == 254) || (a2 == 170 && a3 == 2))) {
            return METADATA;
        }
        if (a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200) {
            return METADATA;
        }
        if (a0 == 0) {
            return UNSPECIFIED;
        }
        if (a0 == 127) {
            return LOOPBACK;
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return LINK_LOCAL;
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return CGNAT;
        }
        if (a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255) {
            return BROADCAST;
        }
        if ((a0 & 0xf0) == 224) {
            return MULTICAST;
        }
        boolean reserved = (a0 & 0xf0) == 240
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
                || (a0 == 198 && (a1 & 0xfe) == 18)
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113);
        return reserved ? RESERVED : PUBLIC;
    }

    private static AddressKind ofIpv6(byte[] b) {
        byte[] embedded = embeddedIpv4(b);
        if (embedded != null) {
            return ofIpv4(embedded);
        }
        if (allZero(b, 0, 16)) {
            return UNSPECIFIED;
        }
        if (allZero(b, 0, 15) && b[15] == 1) {
            return LOOPBACK;
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0xfd
                && b[1] == 0
                && b[2] == 0x0e
                && (b[3] & 0xff) == 0xc2
                && allZero(b, 4, 14)
                && b[14] == 0x02
                && b[15] == 0x54) {
            return METADATA; // fd00:ec2::254
        }
        if (b0 == 0xff) {
            return MULTICAST;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if ((b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0xc0) == 0xc0)) {
            return PRIVATE;
        }
        if (b0 == 0 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && b[4] == 0 && b[5] == 1) {
            return PRIVATE; // local-use NAT64, 64:ff9b:1::/48: what it reaches depends on the local translator
        }
        if (b0 == 0x01 && b1 == 0 && allZero(b, 2, 8)) {
            return RESERVED; // discard-only, 100::/64
        }
        if (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return RESERVED; // documentation, 2001:db8::/32
        }
        return PUBLIC;
    }

    /** The IPv4 address an IPv6 address carries, or null. */
    static byte[] embeddedIpv4(byte[] b) {
        boolean firstEightZero = allZero(b, 0, 8);
        // IPv4-compatible ::a.b.c.d (not :: or ::1) and IPv4-mapped ::ffff:a.b.c.d
        if (firstEightZero && b[8] == 0 && b[9] == 0) {
            boolean compatible = b[10] == 0 && b[11] == 0 && !(allZero(b, 12, 15) && (b[15] == 0 || b[15] == 1));
            boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            if (compatible || mapped) {
                return last4(b);
            }
        }
        // SIIT IPv4-translated ::ffff:0:a.b.c.d
        if (firstEightZero && b[8] == (byte) 0xff && b[9] == (byte) 0xff && b[10] == 0 && b[11] == 0) {
            return last4(b);
        }
        // NAT64 well-known prefix 64:ff9b::/96
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && allZero(b, 4, 12)) {
            return last4(b);
        }
        // 6to4 2002:AABB:CCDD::/48
        if (b[0] == 0x20 && b[1] == 0x02) {
            return new byte[] {b[2], b[3], b[4], b[5]};
        }
        // Teredo 2001:0::/32: the client's address, inverted, in the last 32 bits
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            return new byte[] {(byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]};
        }
        // ISATAP interface identifier ...:0:5efe:a.b.c.d (or 200:5efe)
        if ((b[8] == 0 || b[8] == 0x02) && b[9] == 0 && b[10] == 0x5e && b[11] == (byte) 0xfe) {
            return last4(b);
        }
        return null;
    }

    private static byte[] last4(byte[] b) {
        return new byte[] {b[12], b[13], b[14], b[15]};
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The IPv4 address an IPv6 address carries, as an address, or null. */
    public static InetAddress embedded(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] v4 = embeddedIpv4(address.getAddress());
        try {
            return v4 == null ? null : InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
