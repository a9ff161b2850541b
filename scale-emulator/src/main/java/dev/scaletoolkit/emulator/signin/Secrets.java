package dev.scaletoolkit.emulator.signin;

import com.password4j.Password;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens, their digests, constant-time comparison and password hashing (bcrypt through password4j). */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Checked against when an email has no password, so an unknown email costs the same time as a wrong one. Made
     * on the first sign-in, not when the class loads: a bcrypt hash is a tenth of {@code scale up}'s start, and
     * minting the demo account's first link (which loads this class) needs none.
     */
    private static final class Decoy {
        static final String HASH =
                Password.hash("decoy-password-never-used").withBcrypt().getResult();
    }

    private Secrets() {}

    /** 32 random bytes, URL-safe base64 without padding. */
    /** A fresh random token (URL-safe). */
    public static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Compares two tokens in constant time. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static String hashPassword(String password) {
        return Password.hash(password).withBcrypt().getResult();
    }

    static boolean checkPassword(String password, String hash) {
        try {
            return Password.check(password, hash == null ? Decoy.HASH : hash).withBcrypt() && hash != null;
        } catch (RuntimeException e) {
            return false; // a damaged hash never signs anyone in
        }
    }
}
