package dev.scaletoolkit.emulator;

import dev.scaletoolkit.infra.net.OutboundPolicy;

/**
 * The outbound-address policies of one emulator, both built from {@link EmulatorConfig#outboundAllowList()}: task
 * and batch callbacks may reach the emulator's own port only under {@code /callbacks/} (where {@code scale up}
 * mounts the gateway's receiver); imports never reach its own port, so no URL makes it fetch its control plane.
 *
 * @param callbacks what task and batch callbacks pass
 * @param imports what {@code POST /v1/files/import} URLs pass
 */
public record EmulatorOutbound(OutboundPolicy callbacks, OutboundPolicy imports) {
    private static final String HOW_TO_ALLOW = "start the emulator with --allow-host HOST";

    /** The policies for an emulator with {@code config} whose bound port {@code port} gives. */
    static EmulatorOutbound of(EmulatorConfig config, java.util.function.IntSupplier port) {
        OutboundPolicy base = OutboundPolicy.of("callbacks", config.outboundAllowList(), HOW_TO_ALLOW);
        return new EmulatorOutbound(
                base.refusingOwnPort(port, "/callbacks/"),
                base.forPurpose("imports").refusingOwnPort(port));
    }
}
