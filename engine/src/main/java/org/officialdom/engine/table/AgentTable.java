package org.officialdom.engine.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agents stored as columns: one primitive array per variable, one row per live agent.
 *
 * <p>Rows {@code 0 .. size()-1} are the live agents. Every agent has a stable integer id, issued in
 * order and never reused; {@link #rowOf(int)} finds its current row. Agents are added one at a time
 * ({@link #add()}, in sequential code) and removed in a batch by {@link #removeFlagged(BoolColumn)},
 * which moves the last row into each hole (so rows change, ids do not). Removal order is fixed by
 * row order alone, so the table's layout after a step never depends on the number of threads.
 *
 * <p>Memory per agent is exact: the sum of the columns' widths, plus 4 bytes for the id column and
 * 4 bytes for the id-to-row index (the index has one slot per id ever issued).
 */
public final class AgentTable {

    private static final int MIN_CAPACITY = 16;

    private final Map<String, Column> columns = new LinkedHashMap<>();
    private int[] ids;
    private int[] rowOfId;
    /** What the last {@link #permute} freed: one array per column type, and the ids' old array. */
    private Map<Class<?>, Object> spares;
    private int[] spareIds;
    private int size;
    private int nextId;
    /**
     * Rows below this have held an agent since the arrays were allocated; the rows from it up are
     * still as allocated, zero, so adding agents there needs no clearing (at a national size, a
     * long sequential write at initialisation).
     */
    private int used;

    public AgentTable(int initialCapacity) {
        int cap = Math.max(MIN_CAPACITY, initialCapacity);
        ids = new int[cap];
        rowOfId = new int[cap];
    }

    public BoolColumn addBool(String name) {
        return register(new BoolColumn(name, ids.length));
    }

    public ByteColumn addByte(String name) {
        return register(new ByteColumn(name, ids.length));
    }

    public ShortColumn addShort(String name) {
        return register(new ShortColumn(name, ids.length));
    }

    public IntColumn addInt(String name) {
        return register(new IntColumn(name, ids.length));
    }

    public FloatColumn addFloat(String name) {
        return register(new FloatColumn(name, ids.length));
    }

    public DoubleColumn addDouble(String name) {
        return register(new DoubleColumn(name, ids.length));
    }

    private <C extends Column> C register(C column) {
        if (columns.containsKey(column.name())) {
            throw new IllegalArgumentException("column '" + column.name() + "' already exists");
        }
        column.grow(ids.length);
        columns.put(column.name(), column);
        return column;
    }

    /** The column of that name; throws if there is none. */
    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column '" + name + "'");
        }
        return c;
    }

    public List<Column> columns() {
        return Collections.unmodifiableList(new ArrayList<>(columns.values()));
    }

    /** Number of live agents. */
    public int size() {
        return size;
    }

    /** Ids issued so far (live and removed). */
    public int idsIssued() {
        return nextId;
    }

    /** The stable id of the agent in a row. */
    public int id(int row) {
        return ids[row];
    }

    /** The ids of rows {@code 0..size()-1}; read-only by convention. */
    public int[] ids() {
        return ids;
    }

    /** The row of an agent, or -1 if the agent has been removed or never existed. */
    public int rowOf(int id) {
        return id >= 0 && id < nextId ? rowOfId[id] : -1;
    }

    public boolean isLive(int id) {
        return rowOf(id) >= 0;
    }

    /** Adds one agent with all columns zero; returns its row. Its id is {@code id(row)}. */
    public int add() {
        ensureCapacity(size + 1);
        if (nextId == rowOfId.length) {
            rowOfId = Arrays.copyOf(rowOfId, grownLength(rowOfId.length, nextId + 1));
        }
        int row = size++;
        int id = nextId++;
        ids[row] = id;
        rowOfId[id] = row;
        if (row < used) {
            for (Column c : columns.values()) {
                c.clear(row);
            }
        }
        used = Math.max(used, size);
        return row;
    }

    /** Adds {@code n} agents; returns the row of the first. */
    public int addMany(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot add " + n + " agents");
        }
        ensureCapacity(size + n);
        if ((long) nextId + n > rowOfId.length) {
            rowOfId = Arrays.copyOf(rowOfId, grownLength(rowOfId.length, nextId + n));
        }
        int first = size;
        for (int k = 0; k < n; k++) {
            ids[first + k] = nextId + k;
            rowOfId[nextId + k] = first + k;
        }
        int clearTo = Math.min(first + n, used);
        if (first < clearTo) {
            for (Column c : columns.values()) {
                c.clear(first, clearTo);
            }
        }
        size += n;
        nextId += n;
        used = Math.max(used, size);
        return first;
    }

    /** Makes room for {@code capacity} rows without adding agents. */
    public void ensureCapacity(int capacity) {
        if (capacity > ids.length) {
            int cap = grownLength(ids.length, capacity);
            ids = Arrays.copyOf(ids, cap);
            for (Column c : columns.values()) {
                c.grow(cap);
            }
        }
    }

    /**
     * Makes room for exactly {@code capacity} rows and {@code capacity} ids, each column's array
     * allocated by a worker of {@code parallel}: the allocation of a large table is mostly the
     * operating system handing out zeroed pages, which goes faster on several threads (see
     * {@code docs/performance.md}).
     */
    public void reserve(int capacity, org.officialdom.engine.Parallel parallel) {
        Column[] all = columns.values().toArray(new Column[0]);
        run(all.length + 2, t -> {
            if (t < all.length) {
                all[t].grow(capacity);
            } else if (t == all.length) {
                if (capacity > ids.length) {
                    ids = Arrays.copyOf(ids, capacity);
                }
            } else if (capacity > rowOfId.length) {
                rowOfId = Arrays.copyOf(rowOfId, capacity);
            }
        }, parallel);
    }

    private static int grownLength(int current, int needed) {
        long cap = Math.max((long) needed, current + (current >> 1) + 1);
        return (int) Math.min(cap, Integer.MAX_VALUE - 8);
    }

    /**
     * Removes every agent whose flag is set, scanning rows from the last to the first and moving
     * the current last row into each hole. The flag column is cleared for the rows that remain.
     *
     * @return the number of agents removed
     */
    public int removeFlagged(BoolColumn flag) {
        boolean[] f = flag.values();
        int n = 0;
        for (int row = 0; row < size; row++) {
            if (f[row]) {
                n++;
            }
        }
        int[] rows = new int[n];
        for (int row = 0, k = 0; k < n; row++) {
            if (f[row]) {
                rows[k++] = row;
            }
        }
        return removeRows(rows);
    }

    /**
     * Removes the agents in {@code rows} (ascending, distinct), from the last to the first, moving
     * the current last row into each hole (so rows change, ids do not): the layout after a removal
     * depends on the rows removed alone.
     *
     * @return the number of agents removed
     */
    public int removeRows(int[] rows) {
        return removeRows(rows, null);
    }

    /**
     * As {@link #removeRows(int[])}, with the columns moved on the workers of {@code parallel} (one
     * column per task; each column receives the same moves in the same order, so the layout is the
     * same as without it). {@code parallel} may be null.
     */
    public int removeRows(int[] rows, org.officialdom.engine.Parallel parallel) {
        for (int k = 0; k < rows.length; k++) {
            if (k > 0 && rows[k - 1] >= rows[k]) {
                throw new IllegalArgumentException("rows must be ascending and distinct: " + rows[k - 1] + ", " + rows[k]);
            }
            if (rows[k] < 0 || rows[k] >= size) {
                throw new IndexOutOfBoundsException("row " + rows[k] + " of " + size);
            }
        }
        // the moves of removing rows from the last to the first, each hole filled by the current last row
        int[] from = new int[rows.length];
        int[] to = new int[rows.length];
        int moves = 0;
        int end = size;
        for (int k = rows.length - 1; k >= 0; k--) {
            int row = rows[k];
            int last = end - 1;
            rowOfId[ids[row]] = -1;
            if (row != last) {
                from[moves] = last;
                to[moves] = row;
                moves++;
                ids[row] = ids[last];
                rowOfId[ids[row]] = row;
            }
            end = last;
        }
        int count = moves;
        int newSize = end;
        int oldSize = size;
        Column[] all = columns.values().toArray(new Column[0]);
        org.officialdom.engine.Parallel.Task task = t -> {
            all[t].moveAll(from, to, count);
            all[t].clear(newSize, oldSize);
        };
        run(all.length, task, parallel);
        size = newSize;
        return rows.length;
    }

    /**
     * Rearranges the rows: the agent in row {@code order[i]} moves to row {@code i}, for every row
     * (ids and values move together; {@link #rowOf} follows). {@code order} must hold a permutation of
     * {@code 0..size()-1} in its first {@code size()} entries. Columns of one type share one spare
     * array (each column's old array receives the next one's values); the columns are moved one
     * after the other, the rows of each split among the workers of {@code parallel} (or on this
     * thread when it is null), so that both workers stay busy whatever the mix of column types.
     * The arrays a reordering frees (one per column type, one for the ids) are kept for the next:
     * allocating them afresh each time costs more than moving the values, and starts collector
     * cycles. They are not part of a checkpoint.
     */
    public void permute(int[] order, org.officialdom.engine.Parallel parallel) {
        int n = size;
        if (order.length < n) {
            throw new IllegalArgumentException("an order of " + order.length + " rows for a table of " + n);
        }
        long[] seen = new long[(n + 63) >>> 6];
        for (int i = 0; i < n; i++) {
            int r = order[i];
            if (r < 0 || r >= n || (seen[r >>> 6] & (1L << r)) != 0) {
                throw new IllegalArgumentException("not a permutation of the rows: " + r + " at " + i);
            }
            seen[r >>> 6] |= 1L << r;
        }
        Map<Class<?>, List<Column>> byType = new LinkedHashMap<>();
        for (Column c : columns.values()) {
            byType.computeIfAbsent(c.getClass(), k -> new ArrayList<>()).add(c);
        }
        if (spares == null) {
            spares = new HashMap<>();
        }
        // the spare arrays, one per type and one for the ids; those missing (at the first reordering,
        // about a third of the table) allocated on the workers, as in reserve
        List<List<Column>> types = new ArrayList<>(byType.values());
        Object[] scratch = new Object[types.size() + 1];
        Map<Class<?>, Object> kept = spares;
        int[] keptIds = spareIds;
        int capacity = ids.length;
        run(types.size() + 1, t -> {
            if (t < types.size()) {
                Column first = types.get(t).get(0);
                scratch[t] = first.spare(kept.get(first.getClass()));
            } else {
                scratch[t] = keptIds != null && keptIds.length == capacity ? keptIds : new int[capacity];
            }
        }, parallel);
        for (int t = 0; t < types.size(); t++) {
            Object spare = scratch[t];
            for (Column c : types.get(t)) {
                spare = c.gather(order, n, spare, parallel);
            }
            spares.put(types.get(t).get(0).getClass(), spare);
        }
        int[] next = (int[]) scratch[types.size()];
        int[] from = ids;
        spareIds = from;
        int[] rowOf = rowOfId;
        // order is a permutation: every row writes its own entry of rowOfId
        Column.ranges(n, parallel, (start, end) -> {
            for (int i = start; i < end; i++) {
                next[i] = from[order[i]];
                rowOf[next[i]] = i;
            }
        });
        Arrays.fill(next, n, next.length, 0);
        ids = next;
    }

    /** Tasks 0..n-1 on the workers of {@code parallel}, or on this thread when it is null. */
    private static void run(int n, org.officialdom.engine.Parallel.Task task, org.officialdom.engine.Parallel parallel) {
        if (parallel == null) {
            for (int t = 0; t < n; t++) {
                task.run(t);
            }
        } else {
            parallel.run(n, task);
        }
    }

    /** Bytes per agent: the columns' widths plus the id and the id index (4 + 4). */
    public int bytesPerAgent() {
        int bytes = 8;
        for (Column c : columns.values()) {
            bytes += c.bytesPerRow();
        }
        return bytes;
    }

    /** Bytes the table holds in its arrays now, including spare capacity. */
    public long bytesAllocated() {
        long bytes = 4L * ids.length + 4L * rowOfId.length;
        for (Column c : columns.values()) {
            bytes += (long) c.bytesPerRow() * c.capacity();
        }
        return bytes;
    }

    /**
     * Writes the table to a checkpoint: its counts, the ids of the live rows, the id-to-row index,
     * the column names, then each column as a typed field of {@code size()} values (the rows above
     * are zero and are not written).
     */
    public void save(org.officialdom.engine.CheckpointWriter out) throws java.io.IOException {
        out.putInt("size", size);
        out.putInt("ids_issued", nextId);
        out.putInt("capacity", ids.length);
        out.putInts("ids", ids, size);
        out.putInts("row_of_id", rowOfId, nextId);
        out.putStrings("columns", new ArrayList<>(columns.keySet()));
        for (Column c : columns.values()) {
            c.save(out, size);
        }
    }

    /**
     * Reads what {@link #save} wrote into this table, whose columns must be those of the table that
     * wrote it, in the same order (a model registers them before reading). The capacity is restored
     * up to twice the rows read: an allocation is never much larger than what the file holds.
     */
    public void load(org.officialdom.engine.CheckpointReader in) throws java.io.IOException {
        int n = in.getInt("size", 0, Integer.MAX_VALUE - 8);
        int issued = in.getInt("ids_issued", n, Integer.MAX_VALUE - 8);
        int stored = in.getInt("capacity", n, Integer.MAX_VALUE - 8);
        int cap = (int) Math.max(Math.max(n, MIN_CAPACITY), Math.min(stored, 2L * n + MIN_CAPACITY));
        int[] readIds = in.getInts("ids", n, cap);
        int[] readRows = in.getInts("row_of_id", issued, (int) Math.max(Math.max(issued, MIN_CAPACITY),
                Math.min(Integer.MAX_VALUE - 8, Math.min(2L * issued + MIN_CAPACITY, (long) stored))));
        List<String> names = in.getStrings("columns");
        if (!names.equals(new ArrayList<>(columns.keySet()))) {
            throw in.refused("columns", "the columns " + columns.keySet(), names.toString());
        }
        for (int row = 0; row < n; row++) {
            int id = readIds[row];
            if (id < 0 || id >= issued || readRows[id] != row) {
                throw in.refused("ids", "ids below " + issued + " whose index points back to their row",
                        "id " + id + " at row " + row);
            }
        }
        int live = 0;
        for (int id = 0; id < issued; id++) {
            int row = readRows[id];
            if (row < -1 || row >= n) {
                throw in.refused("row_of_id", "rows from -1 to " + (n - 1), "row " + row + " for id " + id);
            }
            live += row >= 0 ? 1 : 0;
        }
        if (live != n) {
            throw in.refused("row_of_id", n + " live ids", String.valueOf(live));
        }
        for (Column c : columns.values()) {
            c.load(in, n, cap);
        }
        ids = readIds;
        rowOfId = readRows;
        size = n;
        nextId = issued;
        used = n;
        spares = null;
        spareIds = null;
    }
}
