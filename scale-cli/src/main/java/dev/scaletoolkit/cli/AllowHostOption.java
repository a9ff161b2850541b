package dev.scaletoolkit.cli;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.infra.net.AllowList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code --allow-host}: what an operator lets outbound connections reach beyond public addresses (a host, an
 * address, {@code host:port}, a range such as {@code 10.0.0.0/8}, or {@code loopback}/{@code private}). Commands
 * that store a target (connections, webhooks, {@code up}) keep the entries in the gateway's settings.
 */
final class AllowHostOption {
    static final String DESCRIPTION = "Also let outbound connections reach HOST: a host, an address, HOST:PORT, a"
            + " range such as 10.0.0.0/8, loopback or private (repeatable; kept in the gateway's settings).";

    private AllowHostOption() {}

    /** The entries parsed, or a usage error naming the bad one. */
    static AllowList parse(CommandLine.Model.CommandSpec spec, List<String> entries) {
        try {
            return AllowList.of(entries == null ? List.of() : entries);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--allow-host: " + e.getMessage());
        }
    }

    /** Keeps the entries in the gateway's settings. */
    static void keep(CommandLine.Model.CommandSpec spec, Gateway gw, List<String> entries) {
        AllowList parsed = parse(spec, entries);
        if (!parsed.entries().isEmpty()) {
            gw.connections().outbound().allow(parsed.entries());
        }
    }
}
