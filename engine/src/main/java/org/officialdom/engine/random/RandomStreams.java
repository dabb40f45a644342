package org.officialdom.engine.random;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The only source of randomness in a run: named streams derived from one seed.
 *
 * <p>Each mechanism asks for its own stream by name ("exit", "promotion", ...), so adding a draw to
 * one mechanism never shifts the numbers another one sees. The stream key is a hash of the name
 * mixed with the seed.
 */
public final class RandomStreams {

    private final long seed;
    private final Map<String, RandomStream> streams = new ConcurrentHashMap<>();

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The stream of that name (created on first use; the same object afterwards). */
    public RandomStream stream(String name) {
        return streams.computeIfAbsent(name, n -> new RandomStream(n, keyOf(seed, n)));
    }

    static long keyOf(long seed, String name) {
        long h = 0xCBF29CE484222325L; // FNV-1a over the UTF-8 bytes of the name
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xFF);
            h *= 0x100000001B3L;
        }
        return RandomStream.mix(RandomStream.mix(seed) ^ h);
    }

    /**
     * Writes the streams to a checkpoint. A stream carries no state from one draw to the next (its
     * values are functions of the seed, its name and their coordinates), so the seed and the names
     * of the streams asked for so far are the whole of it.
     */
    public void save(org.officialdom.engine.CheckpointWriter out) throws java.io.IOException {
        out.putLong("seed", seed);
        out.putStrings("streams", new java.util.TreeSet<>(streams.keySet()).stream().toList());
    }

    /** The streams {@link #save} wrote; their seed must be {@code seed}. */
    public static RandomStreams load(org.officialdom.engine.CheckpointReader in, long seed) throws java.io.IOException {
        long stored = in.getLong("seed");
        if (stored != seed) {
            throw in.refused("seed", "the seed of the header, " + seed, String.valueOf(stored));
        }
        RandomStreams s = new RandomStreams(seed);
        for (String name : in.getStrings("streams")) {
            s.stream(name);
        }
        return s;
    }
}
