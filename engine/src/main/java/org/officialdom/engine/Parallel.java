package org.officialdom.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutionException;

/**
 * Runs a pass over rows {@code 0..n-1} in fixed-size chunks on the calling thread and a pool of
 * {@code threads - 1} worker threads.
 *
 * <p>Chunk boundaries depend on {@link #CHUNK} and {@code n} only, never on the thread count, and
 * every reduction is combined in chunk order (or, for {@link GroupTally}, in integer arithmetic,
 * which is associative). So a pass gives the same bits on 1 thread or 16.
 */
public final class Parallel implements AutoCloseable {

    /** Rows per chunk: large enough to amortise scheduling, small enough to balance 16 threads. */
    public static final int CHUNK = 1 << 14;

    /** Work on one chunk of rows. */
    @FunctionalInterface
    public interface ChunkTask {
        void run(Chunk chunk);
    }

    /** Work on one chunk of rows that returns a partial sum. */
    @FunctionalInterface
    public interface ChunkSum {
        double run(Chunk chunk);
    }

    /** Work on one chunk of rows that returns a partial count. */
    @FunctionalInterface
    public interface ChunkCount {
        long run(Chunk chunk);
    }

    /**
     * Work on one chunk that selects rows: writes the selected rows of the chunk, in ascending
     * order, into {@code out} from index 0 ({@code out} holds a whole chunk) and returns how many.
     */
    @FunctionalInterface
    public interface ChunkSelect {
        int run(Chunk chunk, int[] out);
    }

    /**
     * Arrays a worker lends to each chunk it runs (a block of random bits, the rows a chunk selects, a
     * list of one group's rows): allocated once per worker and grown when a chunk needs more, so that
     * no pass allocates per chunk. A chunk may use them only while it runs.
     */
    public static final class Scratch {
        private long[] longs = new long[0];
        private int[] ints = new int[0];
        private final RowList rows = new RowList();

        /** At least {@code n} longs. */
        public long[] longs(int n) {
            if (longs.length < n) {
                longs = new long[Math.max(n, CHUNK)];
            }
            return longs;
        }

        /** At least {@code n} ints. */
        public int[] ints(int n) {
            if (ints.length < n) {
                ints = new int[Math.max(n, CHUNK)];
            }
            return ints;
        }

        /** A list of rows, emptied by whoever fills it. */
        public RowList rows() {
            return rows;
        }
    }

    private final int threads;
    private final ExecutorService pool;
    private final Scratch[] scratch;

    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
        this.scratch = new Scratch[threads];
        for (int w = 0; w < threads; w++) {
            scratch[w] = new Scratch();
        }
        // the calling thread is worker 0 of every pass; the pool holds the others
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, daemon());
    }

    public int threads() {
        return threads;
    }

    /** Number of chunks for {@code n} rows. */
    public static int chunks(int n) {
        return (n + CHUNK - 1) / CHUNK;
    }

    /** Runs {@code task} over every chunk of rows {@code 0..n-1}. */
    public void forEach(int n, ChunkTask task) {
        forEach(n, CHUNK, task);
    }

    /**
     * Runs {@code task} over chunks of {@code size} rows: for work where a row costs far more than
     * a table row does (a recruit's traits, a unit's vacancies), so that a few thousand rows still
     * spread over the workers. Chunk boundaries depend on {@code n} and {@code size} only.
     */
    public void forEach(int n, int size, ChunkTask task) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be positive, was " + size);
        }
        int chunks = (int) ((n + (long) size - 1) / size);
        dispatch(chunks, worker -> {
            Chunk c = new Chunk(worker, scratch[worker]);
            return i -> task.run(c.at(i, n, size));
        });
    }

    /** What one worker does with the task numbers it takes: made once per worker. */
    private interface WorkerBody {
        Task forWorker(int worker);
    }

    /**
     * Hands task numbers {@code 0..tasks-1} to the workers, each taking the next number when free;
     * runs them on the calling thread when there is one thread or one task.
     */
    private void dispatch(int tasks, WorkerBody body) {
        if (pool == null || tasks <= 1) {
            Task t = body.forWorker(0);
            for (int i = 0; i < tasks; i++) {
                t.run(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(threads, tasks);
        List<Future<?>> futures = new ArrayList<>(workers - 1);
        for (int w = 1; w < workers; w++) {
            int worker = w;
            futures.add(pool.submit(() -> work(body, worker, next, tasks)));
        }
        // The caller takes part as worker 0 instead of waiting idle: one thread fewer to wake per pass.
        Throwable own = null;
        try {
            work(body, 0, next, tasks);
        } catch (RuntimeException | Error e) {
            own = e;
            next.set(tasks); // the others stop after their current task
        }
        join(futures, own);
    }

    private static void work(WorkerBody body, int worker, AtomicInteger next, int tasks) {
        Task t = body.forWorker(worker);
        for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
            t.run(i);
        }
    }

    /** Sum over chunks, combined in chunk order: deterministic for any thread count. */
    public double sum(int n, ChunkSum task) {
        double[] partial = new double[chunks(n)];
        forEach(n, c -> partial[c.index()] = task.run(c));
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }

    /** Count over chunks. */
    public long count(int n, ChunkCount task) {
        long[] partial = new long[chunks(n)];
        forEach(n, c -> partial[c.index()] = task.run(c));
        long total = 0;
        for (long p : partial) {
            total += p;
        }
        return total;
    }

    /** Work on one of a few numbered tasks (a block of rows, a range of keys). */
    @FunctionalInterface
    public interface Task {
        void run(int task);
    }

    /**
     * Runs tasks {@code 0..tasks-1} on the workers. For work split into a handful of large blocks
     * (one per thread) rather than fixed chunks; each task must write only its own part of the
     * result, so that the result does not depend on which worker ran which task.
     */
    public void run(int tasks, Task task) {
        dispatch(tasks, worker -> task);
    }

    /** Work on one chunk that adds into a few integer counters ({@code counts} starts at zero). */
    @FunctionalInterface
    public interface ChunkCounts {
        void run(Chunk chunk, long[] counts);
    }

    /**
     * Several counts at once: each chunk fills its own {@code width} counters, which are then summed
     * (integers, so the same totals for any thread count). Chunks of {@code size} rows.
     */
    public long[] counts(int n, int size, int width, ChunkCounts task) {
        long[][] partial = new long[(int) ((n + (long) size - 1) / size)][];
        forEach(n, size, c -> {
            long[] counts = new long[width];
            task.run(c, counts);
            partial[c.index()] = counts;
        });
        long[] total = new long[width];
        for (long[] p : partial) {
            for (int k = 0; k < width; k++) {
                total[k] += p[k];
            }
        }
        return total;
    }

    /** {@link #counts(int, int, int, ChunkCounts)} with chunks of {@link #CHUNK} rows. */
    public long[] counts(int n, int width, ChunkCounts task) {
        return counts(n, CHUNK, width, task);
    }

    /**
     * The rows of {@code 0..n-1} that {@code task} selects, in ascending order: the chunks' selections
     * are concatenated in chunk order, so the result does not depend on the thread count. For the
     * rare rows a sequential pass must visit in order (leavers, heads due for rotation), without a
     * sequential scan of the whole table.
     */
    public int[] select(int n, ChunkSelect task) {
        int[][] parts = new int[chunks(n)][];
        forEach(n, c -> {
            int[] buffer = c.scratch().ints(CHUNK);
            parts[c.index()] = java.util.Arrays.copyOf(buffer, task.run(c, buffer));
        });
        int total = 0;
        for (int[] part : parts) {
            total += part.length;
        }
        int[] rows = new int[total];
        int at = 0;
        for (int[] part : parts) {
            System.arraycopy(part, 0, rows, at, part.length);
            at += part.length;
        }
        return rows;
    }

    private static void join(List<Future<?>> futures, Throwable own) {
        Throwable failure = own;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while a pass was running", e);
            }
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error er) {
            throw er;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private static ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "officialdom-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
