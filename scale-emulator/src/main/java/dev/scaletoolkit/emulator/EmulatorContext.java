package dev.scaletoolkit.emulator;

import dev.scaletoolkit.emulator.auth.ApiKeys;
import dev.scaletoolkit.emulator.http.FaultPlan;
import dev.scaletoolkit.emulator.store.Ids;
import dev.scaletoolkit.infra.crypto.SecretBox;
import dev.scaletoolkit.infra.store.Database;
import dev.scaletoolkit.infra.work.Supervisor;
import dev.scaletoolkit.model.ScaleTime;
import java.util.function.Supplier;

/**
 * What routes and background workers share: the database, the clock, id generation, configuration and the fault
 * plan, the supervisor every background worker runs under, the box that seals secrets at rest under the
 * installation's master key, and the outbound-address policies its callbacks and imports pass. One per running
 * emulator.
 */
public record EmulatorContext(
        EmulatorConfig config,
        Database db,
        EmulatorClock clock,
        Ids ids,
        ApiKeys apiKeys,
        FaultPlan faults,
        Supplier<String> baseUrl,
        Supervisor supervisor,
        SecretBox secrets,
        EmulatorOutbound outbound) {

    /** The current time in Scale's wire format. */
    public String now() {
        return ScaleTime.format(clock.instant());
    }
}
