package dev.scaletoolkit.gateway.settings;

import dev.scaletoolkit.infra.net.AllowList;
import dev.scaletoolkit.infra.net.OutboundPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the gateway's outbound connections (connection base URLs, the poller, webhooks) may reach beyond public
 * addresses, kept in {@code gw_settings}: the hosts an operator allowed ({@code --allow-host}) and the loopback
 * emulators this installation started ({@code scale up}), which it may always call.
 */
public final class OutboundSettings {
    static final String ALLOW_HOSTS = "outbound_allow_hosts";
    static final String STARTED_EMULATORS = "outbound_started_emulators";
    private static final int EMULATORS_KEPT = 8;
    private static final String HOW_TO_ALLOW = "add it with --allow-host HOST";

    private final SettingsStore settings;

    public OutboundSettings(SettingsStore settings) {
        this.settings = settings;
    }

    /** Everything allowed: the operator's entries and the emulators started here. */
    public AllowList allowList() {
        return operatorAllowList()
                .and(AllowList.parse(settings.get(STARTED_EMULATORS).orElse(null)));
    }

    /** The entries an operator allowed. */
    public AllowList operatorAllowList() {
        return AllowList.parse(settings.get(ALLOW_HOSTS).orElse(null));
    }

    /**
     * Adds entries an operator allows (kept across restarts).
     *
     * @throws IllegalArgumentException for an entry that is not one (nothing is stored then)
     */
    public void allow(Collection<String> entries) {
        AllowList added = AllowList.of(entries);
        if (added.entries().isEmpty()) {
            return;
        }
        Set<String> all = new LinkedHashSet<>(operatorAllowList().entries());
        all.addAll(added.entries());
        settings.put(ALLOW_HOSTS, String.join(",", all));
    }

    /** Records {@code host:port} of a loopback emulator this installation just started (the last few are kept). */
    public void recordStartedEmulator(String hostAndPort) {
        AllowList.of(List.of(hostAndPort)); // validates
        List<String> kept = new ArrayList<>(
                AllowList.parse(settings.get(STARTED_EMULATORS).orElse(null)).entries());
        kept.remove(hostAndPort);
        kept.add(hostAndPort);
        while (kept.size() > EMULATORS_KEPT) {
            kept.remove(0);
        }
        settings.put(STARTED_EMULATORS, String.join(",", kept));
    }

    /** The policy for {@code purpose} ("webhooks", "connections"), read from the settings now. */
    public OutboundPolicy policy(String purpose) {
        return OutboundPolicy.of(purpose, allowList(), HOW_TO_ALLOW);
    }
}
