package dev.scaletoolkit.emulator.response;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The simulated labelers' source of chance. Seeded from the emulator's seed and a stable text (a task id plus a
 * purpose), so the same task always gets the same answer, run after run and across restarts.
 */
public final class Dice {
    private static final String[] WORDS = {
        "river", "amber", "signal", "harbor", "maple", "quiet", "orbit", "canvas", "ledger", "summit", "violet",
        "copper", "meadow", "lantern", "pixel", "thunder", "willow", "crystal", "garden", "engine", "silver", "window",
        "forest", "marble", "velvet", "anchor", "beacon", "cobalt", "delta", "ember"
    };

    private final Random random;

    public Dice(long seed, String salt) {
        this.random = new Random(mix(seed, salt));
    }

    /** A 64-bit FNV-1a hash of {@code text} folded with {@code seed}, then scrambled (SplitMix64's finaliser). */
    static long mix(long seed, String text) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    /** A uniformly chosen integer in {@code [min, max]}; {@code min} when the range is empty. */
    public int between(int min, int max) {
        if (max <= min) {
            return min;
        }
        return min + random.nextInt(max - min + 1);
    }

    /** A uniformly chosen number in {@code [min, max)}. */
    public double between(double min, double max) {
        if (max <= min) {
            return min;
        }
        return min + random.nextDouble() * (max - min);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** {@code count} distinct items in a random order (all of them when there are fewer). */
    public <T> List<T> pickDistinct(List<T> items, int count) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }

    /** A version-4 shaped UUID drawn from this dice, so ids repeat with the seed. */
    String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** {@code count} words joined by spaces, for free-text answers. */
    String words(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }

    /** A colour such as {@code #3fa2c8}, for label mappings. */
    String color() {
        return String.format("#%06x", random.nextInt(0x1000000));
    }
}
