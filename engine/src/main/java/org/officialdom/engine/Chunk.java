package org.officialdom.engine;

/**
 * A contiguous range of rows handed to one worker: rows {@code from() .. to()-1}, the chunk's
 * position {@code index()} in the pass, the {@code worker()} running it (for per-worker
 * accumulators such as {@link GroupTally}) and that worker's {@link #scratch()}. A worker reuses one
 * instance for all its chunks.
 */
public final class Chunk {

    private final int worker;
    private final Parallel.Scratch scratch;
    private int index;
    private int from;
    private int to;

    Chunk(int worker, Parallel.Scratch scratch) {
        this.worker = worker;
        this.scratch = scratch;
    }

    Chunk at(int index, int n) {
        return at(index, n, Parallel.CHUNK);
    }

    Chunk at(int index, int n, int size) {
        this.index = index;
        this.from = index * size;
        this.to = Math.min(n, from + size);
        return this;
    }

    public int index() {
        return index;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    public int worker() {
        return worker;
    }

    /** The worker's scratch arrays: the same for every chunk it runs, free for this chunk's use while it runs. */
    public Parallel.Scratch scratch() {
        return scratch;
    }
}
