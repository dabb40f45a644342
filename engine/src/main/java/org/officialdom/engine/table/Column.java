package org.officialdom.engine.table;

/**
 * One typed column of an {@link AgentTable}: a primitive array indexed by row.
 *
 * <p>Columns are plain arrays so that passes run over them without boxing or pointer chasing
 * (the layout FLAME GPU and other data-parallel agent engines use). A column never shrinks; the
 * table grows all its columns together.
 */
public abstract sealed class Column
        permits BoolColumn, ByteColumn, ShortColumn, IntColumn, FloatColumn, DoubleColumn {

    private final String name;

    protected Column(String name) {
        this.name = name;
    }

    /** The column's name, unique within its table. */
    public String name() {
        return name;
    }

    /** Bytes one row of this column occupies. */
    public abstract int bytesPerRow();

    /** The number of rows the backing array can hold. */
    abstract int capacity();

    /** Grows the backing array to at least {@code capacity} rows, keeping the contents. */
    abstract void grow(int capacity);

    /** Copies row {@code from} onto row {@code to}. */
    abstract void move(int from, int to);

    /** Applies {@code count} moves in order: row {@code from[k]} is copied onto row {@code to[k]}. */
    abstract void moveAll(int[] from, int[] to, int count);

    /** Resets a row to zero (a freshly added agent starts from zeros). */
    abstract void clear(int row);

    /** Resets rows {@code from .. to-1} to zero. */
    abstract void clear(int from, int to);

    /**
     * Rows rearranged: row {@code i} takes the value of row {@code order[i]} for {@code i < n}, the
     * rest is cleared. The values go into {@code scratch} when it is an array of this column's type
     * and length (else into a new one), which becomes the column's array; the old array is returned,
     * to serve as the next column's scratch. The rows are split among the workers of
     * {@code parallel} (or done on this thread when it is null).
     */
    abstract Object gather(int[] order, int n, Object scratch, org.officialdom.engine.Parallel parallel);

    /** {@code scratch} if it is an array of this column's type and length, else a new such array. */
    abstract Object spare(Object scratch);

    /** Something done to the rows {@code start .. end-1}. */
    interface Range {
        void run(int start, int end);
    }

    /** Runs {@code task} over rows {@code 0..n-1}: in chunks on the workers of {@code parallel}, or at once when it is null. */
    static void ranges(int n, org.officialdom.engine.Parallel parallel, Range task) {
        if (parallel == null) {
            task.run(0, n);
        } else {
            parallel.forEach(n, c -> task.run(c.from(), c.to()));
        }
    }

    /** Writes rows {@code 0 .. rows-1} as a checkpoint field named after the column, of its type. */
    abstract void save(org.officialdom.engine.CheckpointWriter out, int rows) throws java.io.IOException;

    /** Reads what {@link #save} wrote ({@code rows} values) into an array of {@code capacity} rows. */
    abstract void load(org.officialdom.engine.CheckpointReader in, int rows, int capacity) throws java.io.IOException;

    /** The value of a row as a double, for generic readers (CSV export, checks). */
    public abstract double asDouble(int row);
}
