package dev.scaletoolkit.emulator.auth;

import dev.scaletoolkit.infra.crypto.SecretBox;

/**
 * Secrets the emulator must be able to read back (the demo account's keys, callback auth keys) are stored sealed
 * ({@code v1:…}, AES-256-GCM under the installation's master key, bound to their row and column); keys that only
 * need comparing are stored as hashes ({@link ApiKeyStore}). A value without the {@code v1:} prefix was written by
 * an older version and is read as it is until {@link SecretsAtRest} seals it at the next start.
 */
final class SealedColumns {
    private static final String SEALED = "v1:";

    private SealedColumns() {}

    static String seal(SecretBox secrets, String plaintext, String context) {
        return secrets.seal(plaintext, context);
    }

    static String open(SecretBox secrets, String stored, String context) {
        return stored == null || !stored.startsWith(SEALED) ? stored : secrets.open(stored, context);
    }
}
