package dev.scaletoolkit.emulator.auth;

import dev.scaletoolkit.emulator.EmulatorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At start, seals the secrets an older version stored in the clear (callback auth keys, the demo keys). */
public final class SecretsAtRest {
    private static final Logger LOG = LoggerFactory.getLogger(SecretsAtRest.class);

    private SecretsAtRest() {}

    /** Seals what is still in the clear; returns how many rows it sealed. */
    public static int sealLegacy(EmulatorContext context) {
        int n = context.db()
                .write(h -> AccountStore.sealLegacy(h, context.secrets())
                        + DemoAccountStore.sealLegacy(h, context.secrets()));
        if (n > 0) {
            LOG.info("Sealed {} stored secret(s) written in the clear by an older version", n);
        }
        return n;
    }
}
