package org.officialdom.engine;

import java.util.Arrays;
import org.officialdom.engine.table.AgentTable;

/**
 * The rows of an agent table grouped by an integer key ({@code 0 <= key < keys}), ascending within
 * a key: for a model that looks up the agents of one group (a unit's officials of one rank, say)
 * many times a step. A key's rows are those that held it when the index was last brought up to
 * date ({@link #full} or {@link #refresh}), in ascending row order; the caller checks each row's
 * current key, which may have changed since.
 *
 * <p>It is held in one of two ways, which give the same rows in the same order:
 * <ul>
 *   <li><b>full</b>: a stable counting sort of every row by key ({@code start}, {@code slots} = rows
 *       by key). Used whenever no sorted layout is known (after resuming from a checkpoint, until the
 *       next reordering).</li>
 *   <li><b>sorted base and moved rows</b>: when the table's rows are in key order (after
 *       {@link #adopt} or {@link #adoptPermuted}), positions {@code start[k] .. start[k+1]-1} hold key
 *       {@code k}, and {@code slots[i]} records the key of position {@code i}. Between reorderings
 *       a few rows change: removed rows' places are filled with the table's last rows, new agents
 *       are appended, agents change key. {@link #refresh} lists the rows whose key is not the one
 *       recorded for their position (a scan of the keys instead of a counting sort of every row),
 *       marks those positions, and sorts the moved rows by (key, row) with a radix sort. A key's rows
 *       are then its base positions still unmarked, merged in ascending order with its moved rows.</li>
 * </ul>
 * {@link #update} keeps the second form by compacting the table now and then: its rows are put in
 * key order ({@link #rowsInKeyOrder}, {@link AgentTable#permute}, {@link #adoptPermuted}), so that a
 * refresh stays cheap and a model's passes that read a per-group value for every row read those
 * values in order. Compaction moves rows, never changes an agent: a model whose results do not
 * depend on the table's layout gets the same results whether and whenever it happens.
 */
public final class GroupIndex {

    /** The key of each row, read from the table's columns as they are now. */
    @FunctionalInterface
    public interface Keys {
        int of(int row);

        /**
         * The keys of rows {@code from .. to-1} into {@code out[0 .. to-from-1]}: the index's scans
         * call this once a chunk, so that a table whose key is computed from its columns reads them
         * in a loop of its own.
         */
        default void fill(int from, int to, int[] out) {
            for (int i = from; i < to; i++) {
                out[i - from] = of(i);
            }
        }
    }


    /** A position whose occupant has moved away from the key recorded for it. */
    private static final int MOVED = -1;
    private static final int DIGIT = 11;

    private final int keys;
    /** First position (base) or first slot (full) of each key; {@code start[keys]} is the total. */
    private final int[] start;
    /** Full: rows by key. Base: the key recorded for each position, or {@link #MOVED}. */
    private int[] slots;
    private boolean base;
    private int baseSize;
    /** The table's size when the index was last brought up to date. */
    private int size;
    private int[] movedKeys = new int[0];
    private int[] movedRows = new int[0];
    private int[] spareKeys = new int[0];
    private int[] spareRows = new int[0];
    /** {@link #rowsInKeyOrder}'s result when merged from a base. */
    private int[] merged = new int[0];
    private int moved;
    private int[][] blockSlots;
    /** Refresh's scratch, kept between steps: each worker's moved rows, and where each chunk's are. */
    private int[][] workerRows;
    private int[] workerFill;
    private int[] chunkAt;
    private int[] chunkCount;
    private int[] chunkWorker;

    /** {@link #update}s between two compactions; 0: never compact. */
    private final int compactEvery;
    private int updates;

    /** An index of keys {@code 0 .. keys-1}, empty until {@link #adopt}, {@link #full} or {@link #refresh}; never compacts. */
    public GroupIndex(int keys) {
        this(keys, 0);
    }

    /** An index that {@link #update} compacts every {@code compactEvery} updates (0: never). */
    public GroupIndex(int keys, int compactEvery) {
        this.keys = keys;
        this.start = new int[keys + 1];
        this.compactEvery = compactEvery;
    }

    /**
     * Brings the index up to date with the table ({@link #refresh}), first compacting the table
     * when compaction is on and the index has no sorted base or {@code compactEvery} updates have
     * passed since the last compaction. {@code keys} gives the keys as the columns are now: it is
     * asked again after a compaction, which swaps the columns' arrays.
     */
    public void update(AgentTable table, java.util.function.Supplier<Keys> keys, Parallel parallel) {
        if (compactEvery > 0 && (!base || ++updates >= compactEvery)) {
            table.permute(rowsInKeyOrder(table, keys.get(), parallel), parallel);
            // the agent at row q is the one listed at place q: the rows are in key order with the
            // same starts, and the index becomes a sorted base with no moved rows
            adoptPermuted(table, keys.get(), parallel);
            updates = 0;
            return;
        }
        refresh(table, keys.get(), parallel);
    }

    /**
     * Adopts the table's layout as the base if its rows are in key order (the layout initialisation
     * creates); otherwise the index stays empty until {@link #full} or a later adoption. Returns
     * whether it was adopted.
     */
    public boolean adopt(AgentTable table, Keys key) {
        int n = table.size();
        int previous = 0;
        for (int i = 0; i < n; i++) {
            int k = key.of(i);
            if (k < previous) {
                base = false;
                return false;
            }
            previous = k;
        }
        ensureSlots(table);
        int k = 0;
        for (int i = 0; i < n; i++) {
            int at = key.of(i);
            while (k <= at) {
                start[k++] = i;
            }
            slots[i] = at;
        }
        while (k <= keys) {
            start[k++] = n;
        }
        base = true;
        baseSize = n;
        size = n;
        moved = 0;
        return true;
    }

    /**
     * After the table was permuted by {@link #rowsInKeyOrder} (a reordering): the rows are now
     * in key order with the same starts, so every position holds the key it is listed under.
     */
    public void adoptPermuted(AgentTable table, Keys key, Parallel parallel) {
        int[] listed = slots;
        parallel.forEach(table.size(), c -> {
            int[] keys = c.scratch().ints(c.to() - c.from());
            key.fill(c.from(), c.to(), keys);
            System.arraycopy(keys, 0, listed, c.from(), c.to() - c.from());
        });
        base = true;
        baseSize = table.size();
        size = table.size();
        moved = 0;
    }

    /**
     * A stable counting sort of every row by key, split into one block of rows per thread: each block
     * counts its keys, the counts become each block's first slot per key (blocks in order within a
     * key), and each block places its rows. The same result for any number of blocks.
     */
    public void full(AgentTable table, Keys key, Parallel parallel) {
        ensureSlots(table);
        int n = table.size();
        int blocks = Math.max(1, Math.min(parallel.threads(), Math.min(8, n / Parallel.CHUNK)));
        if (blockSlots == null || blockSlots.length != blocks) {
            blockSlots = new int[blocks][keys];
        }
        int[][] counts = blockSlots;
        int[] rows = slots;
        parallel.run(blocks, b -> {
            int[] count = counts[b];
            Arrays.fill(count, 0);
            for (int i = (int) ((long) n * b / blocks), end = (int) ((long) n * (b + 1) / blocks); i < end; i++) {
                count[key.of(i)]++;
            }
        });
        // each block's first slot per key: keys in order, blocks in order within a key; split by key ranges
        int ranges = blocks;
        int[] rangeTotal = new int[ranges + 1];
        parallel.run(ranges, g -> {
            int total = 0;
            for (int k = (int) ((long) keys * g / ranges), end = (int) ((long) keys * (g + 1) / ranges); k < end; k++) {
                for (int[] count : counts) {
                    total += count[k];
                }
            }
            rangeTotal[g + 1] = total;
        });
        for (int g = 0; g < ranges; g++) {
            rangeTotal[g + 1] += rangeTotal[g];
        }
        parallel.run(ranges, g -> {
            int at = rangeTotal[g];
            for (int k = (int) ((long) keys * g / ranges), end = (int) ((long) keys * (g + 1) / ranges); k < end; k++) {
                start[k] = at;
                for (int[] count : counts) {
                    int c = count[k];
                    count[k] = at;
                    at += c;
                }
            }
        });
        start[keys] = n;
        parallel.run(blocks, b -> {
            int[] slot = counts[b];
            for (int i = (int) ((long) n * b / blocks), end = (int) ((long) n * (b + 1) / blocks); i < end; i++) {
                rows[slot[key.of(i)]++] = i;
            }
        });
        base = false;
        size = n;
        moved = 0;
    }

    /**
     * Every row in key order, ascending within a key: the permutation a reordering applies
     * (a row's new position is its place in the returned array's first {@code size} entries), valid
     * until the index next changes. With a base it is a merge: {@link #refresh} lists the moved rows,
     * then each key's unmarked base positions are merged with its moved rows, key ranges on the
     * workers; without a base it is {@link #full}'s counting sort. Both give the same permutation,
     * and leave {@code start} at the new layout's first position of each key.
     */
    public int[] rowsInKeyOrder(AgentTable table, Keys key, Parallel parallel) {
        if (!base) {
            full(table, key, parallel);
            return slots;
        }
        refresh(table, key, parallel);
        merge(parallel);
        return merged;
    }

    /** After {@link #refresh}: the merge described at {@link #rowsInKeyOrder}, into {@code merged}. */
    private void merge(Parallel parallel) {
        int n = size;
        int inBase = Math.min(baseSize, n);
        if (merged.length < slots.length) {
            merged = new int[slots.length];
        }
        int[] out = merged;
        int[] listed = slots;
        int ranges = Math.max(1, Math.min(keys, 4 * parallel.threads()));
        // each range's first key, and that key's first base position before the merge moves the starts
        int[] firstKey = new int[ranges + 1];
        int[] firstPosition = new int[ranges + 1];
        for (int g = 0; g <= ranges; g++) {
            firstKey[g] = (int) ((long) keys * g / ranges);
            firstPosition[g] = Math.min(start[firstKey[g]], inBase);
        }
        // where each range's rows begin in the new order: the unmarked base positions and the moved
        // rows of the keys before it
        int[] at = new int[ranges + 1];
        parallel.run(ranges, g -> {
            int kept = 0;
            for (int q = firstPosition[g], end = firstPosition[g + 1]; q < end; q++) {
                kept += listed[q] != MOVED ? 1 : 0;
            }
            at[g + 1] = kept;
        });
        for (int g = 0; g < ranges; g++) {
            at[g + 1] += at[g];
        }
        parallel.run(ranges, g -> {
            int to = at[g] + firstMoved(firstKey[g]);
            int m = firstMoved(firstKey[g]);
            int q = firstPosition[g];
            for (int k = firstKey[g], last = firstKey[g + 1]; k < last; k++) {
                // start[k + 1] is read before this range writes it; the next range's first is saved
                int qEnd = k + 1 < last ? Math.min(start[k + 1], inBase) : firstPosition[g + 1];
                start[k] = to;
                while (q < qEnd || (m < moved && movedKeys[m] == k)) {
                    if (m < moved && movedKeys[m] == k && (q >= qEnd || movedRows[m] < q)) {
                        out[to++] = movedRows[m++];
                    } else {
                        if (listed[q] != MOVED) {
                            out[to++] = q;
                        }
                        q++;
                    }
                }
            }
        });
        start[keys] = n;
    }

    /** Brings the index up to date with the table: the moved rows if there is a base, else a full sort. */
    public void refresh(AgentTable table, Keys key, Parallel parallel) {
        if (!base) {
            full(table, key, parallel);
            return;
        }
        int n = table.size();
        int[] listed = slots;
        int inBase = Math.min(baseSize, n);
        size = n;
        // Each chunk writes its moved rows into its worker's buffer (kept between refreshes: fresh lists
        // would be garbage in proportion to the table); the chunks' lists are then joined in chunk
        // order, which is ascending row order.
        int chunks = Parallel.chunks(n);
        if (chunkAt == null || chunkAt.length < chunks) {
            chunkAt = new int[chunks];
            chunkCount = new int[chunks];
            chunkWorker = new int[chunks];
        }
        if (workerRows == null || workerRows.length != parallel.threads()) {
            workerRows = new int[parallel.threads()][Parallel.CHUNK];
            workerFill = new int[parallel.threads()];
        }
        Arrays.fill(workerFill, 0);
        parallel.forEach(n, c -> {
            int w = c.worker();
            int[] buffer = workerRows[w];
            int at = workerFill[w];
            if (buffer.length - at < c.to() - c.from()) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, at + c.to() - c.from()));
                workerRows[w] = buffer;
            }
            int k = at;
            int from = c.from();
            int[] keys = c.scratch().ints(c.to() - from);
            key.fill(from, c.to(), keys);
            for (int i = from; i < c.to(); i++) {
                if (i >= inBase || listed[i] != keys[i - from]) {
                    if (i < inBase) {
                        listed[i] = MOVED; // its base position no longer lists it, even if the key comes back
                    }
                    buffer[k++] = i;
                }
            }
            chunkAt[c.index()] = at;
            chunkCount[c.index()] = k - at;
            chunkWorker[c.index()] = w;
            workerFill[w] = k;
        });
        // the chunks' lists joined in chunk order, each chunk's copied (with its rows' keys) on the workers
        int total = 0;
        for (int c = 0; c < chunks; c++) {
            int count = chunkCount[c];
            chunkCount[c] = total; // now where the chunk's rows go
            total += count;
        }
        moved = total;
        if (movedKeys.length < moved) {
            int length = Math.max(moved, 2 * movedKeys.length);
            movedKeys = new int[length];
            movedRows = new int[length];
            spareKeys = new int[length];
            spareRows = new int[length];
        }
        int[] rows = movedRows;
        int[] keysOf = movedKeys;
        int end = moved;
        parallel.forEach(n, c -> {
            int[] buffer = workerRows[chunkWorker[c.index()]];
            int from = chunkAt[c.index()];
            int to = chunkCount[c.index()];
            int last = c.index() + 1 < chunks ? chunkCount[c.index() + 1] : end;
            for (int j = to; j < last; j++) {
                int row = buffer[from++];
                rows[j] = row;
                keysOf[j] = key.of(row);
            }
        });
        sortMoved(parallel);
    }

    /** The moved rows sorted by (key, row): see {@link #sortByKey}. */
    private void sortMoved(Parallel parallel) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, keys - 1));
        int[][] sorted = sortByKey(movedKeys, movedRows, spareKeys, spareRows, moved, bits, SORT_BLOCK, parallel);
        if (sorted[0] != movedKeys) {
            spareKeys = movedKeys;
            spareRows = movedRows;
            movedKeys = sorted[0];
            movedRows = sorted[1];
        }
    }

    /** Fewest rows per block of the moved rows' sort: below it a second worker would cost more than it saves. */
    public static final int SORT_BLOCK = 4096;

    /**
     * Stable radix sort of the first {@code n} pairs ({@code keys[j]}, {@code rows[j]}) by key (keys
     * below {@code 2^bits}), {@link #DIGIT} bits per pass, ping-ponging with the spare arrays; returns
     * the arrays that hold the result ({keys, rows}: the given ones or the spares). The moved rows
     * arrive in ascending row order, so they leave in (key, row) order. Each pass splits the pairs
     * into blocks of at least {@code blockRows}: every block counts its digits, the counts become
     * each block's first place per digit (digits in order, blocks in order within a digit), and every
     * block places its pairs, on the workers. A stable sort has one result, so the number of blocks
     * does not change it.
     */
    public static int[][] sortByKey(int[] keys, int[] rows, int[] spareKeys, int[] spareRows, int n, int bits,
                             int blockRows, Parallel parallel) {
        int radix = 1 << DIGIT;
        int mask = radix - 1;
        int blocks = Math.max(1, Math.min(4 * parallel.threads(), n / blockRows));
        int[][] counts = new int[blocks][radix];
        int[] fromKeys = keys;
        int[] fromRows = rows;
        int[] toKeys = spareKeys;
        int[] toRows = spareRows;
        for (int shift = 0; shift < bits; shift += DIGIT) {
            int s = shift;
            int[] fk = fromKeys;
            int[] fr = fromRows;
            int[] tk = toKeys;
            int[] tr = toRows;
            parallel.run(blocks, b -> {
                int[] count = counts[b];
                Arrays.fill(count, 0);
                for (int j = (int) ((long) n * b / blocks), last = (int) ((long) n * (b + 1) / blocks); j < last; j++) {
                    count[(fk[j] >>> s) & mask]++;
                }
            });
            int at = 0;
            for (int d = 0; d < radix; d++) {
                for (int[] count : counts) {
                    int c = count[d];
                    count[d] = at;
                    at += c;
                }
            }
            parallel.run(blocks, b -> {
                int[] place = counts[b];
                for (int j = (int) ((long) n * b / blocks), last = (int) ((long) n * (b + 1) / blocks); j < last; j++) {
                    int to = place[(fk[j] >>> s) & mask]++;
                    tk[to] = fk[j];
                    tr[to] = fr[j];
                }
            });
            fromKeys = tk;
            fromRows = tr;
            toKeys = fk;
            toRows = fr;
        }
        return new int[][] {fromKeys, fromRows};
    }

    /**
     * The rows that held {@code key} when the index was last brought up to date, ascending, into
     * {@code out}. The caller checks each row's current key: the agent may have changed key since.
     */
    public void collect(int key, RowList out) {
        out.clear();
        int from = start[key];
        if (!base) {
            for (int q = from, to = start[key + 1]; q < to; q++) {
                out.add(slots[q]);
            }
            return;
        }
        int to = Math.min(start[key + 1], size);
        int m = firstMoved(key);
        int mEnd = m;
        while (mEnd < moved && movedKeys[mEnd] == key) {
            mEnd++;
        }
        int[] listed = slots;
        int q = from;
        while (q < to || m < mEnd) {
            if (m < mEnd && (q >= to || movedRows[m] < q)) {
                out.add(movedRows[m++]);
            } else {
                if (listed[q] == key) {
                    out.add(q);
                }
                q++;
            }
        }
    }

    /** The first of the moved rows whose key is at least {@code key} (binary search). */
    private int firstMoved(int key) {
        int lo = 0;
        int hi = moved;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (movedKeys[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first position (base) or slot (full) of {@code key}, for tests. */
    public int first(int key) {
        return start[key];
    }

    /** Rows listed as moved at the last refresh (for tests and diagnostics). */
    public int moved() {
        return moved;
    }

    public boolean hasBase() {
        return base;
    }

    private void ensureSlots(AgentTable table) {
        int need = Math.max(16, Math.max(table.size(), table.ids().length));
        if (slots == null || slots.length < need) {
            slots = new int[need];
        }
    }
}
