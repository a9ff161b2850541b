package dev.scaletoolkit.infra.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit key that seals secrets at rest (the gateway's connection keys, the emulator's demo keys and callback
 * auth keys). From an environment variable ({@code SCALE_GATEWAY_MASTER_KEY} for the gateway, base64 of 32 bytes)
 * when set, so a deployment can keep it in its secret manager; otherwise from {@code master.key} in the given home,
 * made on first use and readable by its owner only. A key file that others can read is refused.
 */
public final class MasterKey {
    public static final String ENV = "SCALE_GATEWAY_MASTER_KEY";
    public static final String FILE_NAME = "master.key";
    private static final int BYTES = 32;

    private final SecretKey key;
    private final String source;

    private MasterKey(byte[] raw, String source) {
        this.key = new SecretKeySpec(raw, "AES");
        this.source = source;
        Arrays.fill(raw, (byte) 0);
    }

    /** The key from {@code SCALE_GATEWAY_MASTER_KEY}, else from (or newly made in) {@code home/master.key}. */
    public static MasterKey load(Path home, Function<String, String> env) {
        return load(home, ENV, env);
    }

    /** The key from the variable {@code envName}, else from (or newly made in) {@code home/master.key}. */
    public static MasterKey load(Path home, String envName, Function<String, String> env) {
        String fromEnv = env.apply(envName);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new MasterKey(decode(fromEnv.trim(), envName), envName);
        }
        Path file = home.resolve(FILE_NAME);
        try {
            OwnerOnlyFiles.directory(home);
            if (!Files.exists(file)) {
                byte[] raw = new byte[BYTES];
                new SecureRandom().nextBytes(raw);
                try {
                    OwnerOnlyFiles.createNew(
                            file, (Base64.getEncoder().encodeToString(raw) + "\n").getBytes(StandardCharsets.UTF_8));
                    return new MasterKey(raw, file.toString());
                } catch (FileAlreadyExistsException raced) {
                    // another process made it between our check and create: use theirs
                }
            }
            if (OwnerOnlyFiles.openToOthers(file)) {
                throw new IllegalStateException(
                        file
                                + " can be read by other users; make it owner-only (chmod 600) before it is used as a master key");
            }
            return new MasterKey(decode(Files.readString(file).trim(), file.toString()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key " + file, e);
        }
    }

    /** A key given as base64 of 32 bytes; {@code source} names where it came from (never the key). */
    public static MasterKey of(String base64, String source) {
        return new MasterKey(decode(base64.trim(), source), source);
    }

    /** A fresh random key as base64, for a key that a group of processes is to share. */
    public static String newBase64() {
        byte[] raw = new byte[BYTES];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    /** A fresh random key that lives only in memory (tests). */
    public static MasterKey random() {
        byte[] raw = new byte[BYTES];
        new SecureRandom().nextBytes(raw);
        return new MasterKey(raw, "memory");
    }

    private static byte[] decode(String base64, String where) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    where + " must hold a base64 value (32 random bytes), e.g. from" + " 'openssl rand -base64 32'");
        }
        if (raw.length != BYTES) {
            throw new IllegalStateException(where + " must decode to 32 bytes, got " + raw.length);
        }
        return raw;
    }

    SecretKey secretKey() {
        return key;
    }

    /** Where the key came from (an environment variable name or a file path), never the key. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "MasterKey[from " + source + "]";
    }
}
