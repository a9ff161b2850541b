package dev.scaletoolkit.infra.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens secrets with AES-256-GCM under the {@link MasterKey}. Each value gets a fresh 96-bit nonce, and
 * a context string (for example {@code connection:prod:api_key}) is bound as associated data, so a sealed value
 * copied into another row or field does not open. Stored form: {@code v1:} + base64(nonce || ciphertext+tag).
 */
public final class SecretBox {
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(MasterKey key) {
        this.key = key;
    }

    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Opens a sealed value.
     *
     * @throws SecretBoxException when it was sealed under another master key, for another context, or altered
     */
    public String open(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new SecretBoxException("the stored secret for " + context + " is not in a known format");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretBoxException("the stored secret for " + context + " is damaged");
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretBoxException("the stored secret for " + context + " is damaged");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(all, 0, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, context);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretBoxException("the stored secret for " + context
                    + " does not open with this master key (was " + MasterKey.ENV + " or master.key changed?)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A sealed value that cannot be opened; the message never holds any part of the secret. */
    public static final class SecretBoxException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SecretBoxException(String message) {
            super(message);
        }
    }
}
