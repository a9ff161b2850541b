package dev.scaletoolkit.emulator.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Ids in Scale's formats: 24-hex ObjectIds for tasks and other records, UUIDs for files. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Clock clock;
    private final byte[] processBytes = new byte[5];
    private final AtomicInteger counter = new AtomicInteger(RANDOM.nextInt());

    public Ids(Clock clock) {
        this.clock = clock;
        RANDOM.nextBytes(processBytes);
    }

    /** A MongoDB-style ObjectId: 4 bytes of seconds, 5 random bytes fixed per process, a 3-byte counter. */
    public String objectId() {
        byte[] id = new byte[12];
        int seconds = (int) (clock.millis() / 1000);
        id[0] = (byte) (seconds >>> 24);
        id[1] = (byte) (seconds >>> 16);
        id[2] = (byte) (seconds >>> 8);
        id[3] = (byte) seconds;
        System.arraycopy(processBytes, 0, id, 4, 5);
        int count = counter.getAndIncrement();
        id[9] = (byte) (count >>> 16);
        id[10] = (byte) (count >>> 8);
        id[11] = (byte) count;
        return HexFormat.of().formatHex(id);
    }

    public String uuid() {
        return UUID.randomUUID().toString();
    }

    /** A random URL-safe secret of {@code bytes} bytes, hex encoded. */
    public static String secret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Whether {@code s} has the shape of an object id: 24 lowercase hex digits (checked on every get, so no regex). */
    public static boolean isObjectId(String s) {
        if (s == null || s.length() != 24) {
            return false;
        }
        for (int i = 0; i < 24; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
