package dev.scaletoolkit.infra.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an operator lets through beyond public addresses ({@code --allow-host}, a setting). Each entry is one of:
 *
 * <ul>
 *   <li>a kind: {@code loopback}, {@code private}, {@code link-local}, {@code cgnat};
 *   <li>a range: {@code 10.0.0.0/8}, {@code fd00::/8};
 *   <li>an address or a host name as written in the URL, optionally with a port: {@code 10.1.2.3},
 *       {@code build.internal:8443}, {@code [::1]:9000}.
 * </ul>
 *
 * A cloud metadata address passes only an entry that names it or the host exactly, never a kind or a range; the
 * unspecified, broadcast and multicast addresses never pass.
 */
public final class AllowList {
    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9_-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9_-]*[a-z0-9])?)*");
    private static final AllowList NONE = new AllowList(List.of(), List.of());

    private final List<String> entries;
    private final List<Entry> parsed;

    private AllowList(List<String> entries, List<Entry> parsed) {
        this.entries = List.copyOf(entries);
        this.parsed = List.copyOf(parsed);
    }

    /** Lets nothing through but public addresses. */
    public static AllowList none() {
        return NONE;
    }

    /**
     * Parses entries; blank ones and {@code none} are skipped.
     *
     * @throws IllegalArgumentException naming the first entry that is none of the forms above
     */
    public static AllowList of(Collection<String> entries) {
        List<String> kept = new ArrayList<>();
        List<Entry> parsed = new ArrayList<>();
        for (String raw : entries) {
            String e = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty() || e.equals("none")) {
                continue;
            }
            parsed.add(entry(e));
            kept.add(e);
        }
        return new AllowList(kept, parsed);
    }

    /** Splits a comma- or space-separated setting and parses it as {@link #of}. */
    public static AllowList parse(String setting) {
        return setting == null || setting.isBlank()
                ? NONE
                : of(List.of(setting.trim().split("[,\\s]+")));
    }

    /** This list with {@code more} added. */
    public AllowList and(AllowList more) {
        List<String> e = new ArrayList<>(entries);
        List<Entry> p = new ArrayList<>(parsed);
        e.addAll(more.entries);
        p.addAll(more.parsed);
        return new AllowList(e, p);
    }

    /** The entries as given (lower case), for a setting or a message. */
    public List<String> entries() {
        return entries;
    }

    boolean isEmpty() {
        return parsed.isEmpty();
    }

    /** Whether {@code address}, reached as {@code host} on {@code port}, is let through. */
    boolean allows(String host, InetAddress address, int port, AddressKind kind) {
        for (Entry e : parsed) {
            if (e.allows(host, address, port, kind)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an entry names {@code urlHost} (as written in a URL) on {@code port} without any lookup: an exact
     * host or address, a range or kind holding a literal address, or loopback for {@code localhost}. For rules
     * stricter than "public or allowed", such as connection base URLs.
     */
    public boolean names(String urlHost, int port) {
        HostForms.Host h = HostForms.read(urlHost);
        if (h instanceof HostForms.Literal lit) {
            return allows(h.text(), lit.address(), port, AddressKind.of(lit.address()));
        }
        if (h.text().equals("localhost") || h.text().endsWith(".localhost")) {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            return allows(h.text(), null, port, null) || allows(h.text(), loopback, port, AddressKind.LOOPBACK);
        }
        return h instanceof HostForms.Name && allows(h.text(), null, port, null);
    }

    private sealed interface Entry {
        boolean allows(String host, InetAddress address, int port, AddressKind kind);
    }

    private record KindEntry(AddressKind kind) implements Entry {
        @Override
        public boolean allows(String host, InetAddress address, int port, AddressKind actual) {
            return address != null && actual == kind;
        }
    }

    private record RangeEntry(byte[] network, int bits) implements Entry {
        @Override
        public boolean allows(String host, InetAddress address, int port, AddressKind kind) {
            if (address == null || kind == AddressKind.METADATA) {
                return false;
            }
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                InetAddress inner = AddressKind.embedded(address);
                if (inner == null || inner.getAddress().length != network.length) {
                    return false;
                }
                a = inner.getAddress();
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** An exact host or address, any port when {@code port} is -1. */
    private record HostEntry(String host, InetAddress address, int port) implements Entry {
        @Override
        public boolean allows(String urlHost, InetAddress actual, int actualPort, AddressKind kind) {
            if (port >= 0 && port != actualPort) {
                return false;
            }
            return address != null ? address.equals(actual) : host.equals(urlHost);
        }
    }

    private static Entry entry(String e) {
        switch (e) {
            case "loopback":
                return new KindEntry(AddressKind.LOOPBACK);
            case "private":
                return new KindEntry(AddressKind.PRIVATE);
            case "link-local":
                return new KindEntry(AddressKind.LINK_LOCAL);
            case "cgnat":
                return new KindEntry(AddressKind.CGNAT);
            default:
                break;
        }
        int slash = e.indexOf('/');
        if (slash > 0) {
            if (!(HostForms.read(e.substring(0, slash)) instanceof HostForms.Literal lit)) {
                throw bad(e);
            }
            int bits;
            try {
                bits = Integer.parseInt(e.substring(slash + 1));
            } catch (NumberFormatException x) {
                throw bad(e);
            }
            byte[] net = lit.address().getAddress();
            if (bits < 0 || bits > net.length * 8) {
                throw bad(e);
            }
            return new RangeEntry(net, bits);
        }
        String host = e;
        int port = -1;
        int colon = e.lastIndexOf(':');
        boolean bracketed = e.startsWith("[");
        if (colon > 0 && (bracketed ? e.charAt(colon - 1) == ']' : e.indexOf(':') == colon)) {
            host = e.substring(0, colon);
            try {
                port = Integer.parseInt(e.substring(colon + 1));
            } catch (NumberFormatException x) {
                throw bad(e);
            }
            if (port < 1 || port > 65535) {
                throw bad(e);
            }
        }
        HostForms.Host h = HostForms.read(host);
        if (h instanceof HostForms.Malformed
                || (h instanceof HostForms.Name && !HOST_NAME.matcher(h.text()).matches())) {
            throw bad(e);
        }
        return new HostEntry(h.text(), h instanceof HostForms.Literal lit ? lit.address() : null, port);
    }

    private static IllegalArgumentException bad(String e) {
        return new IllegalArgumentException("allowed host '" + e + "' is none of: loopback, private, link-local,"
                + " cgnat, a range such as 10.0.0.0/8, an address, or a host name, each optionally with :PORT");
    }

    @Override
    public String toString() {
        return entries.isEmpty() ? "none" : String.join(",", entries);
    }
}
