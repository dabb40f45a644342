package org.officialdom.engine.space;

import java.util.Arrays;

/**
 * A two-dimensional grid whose edges wrap around (a torus), holding at most one agent per cell
 * (as in Epstein's civil-violence model). Cells hold an agent id or {@link #EMPTY}.
 */
public final class TorusGrid {

    public static final int EMPTY = -1;

    /** Which cells count as "within radius r" of a cell. */
    public enum Neighbourhood {
        /**
         * Cells whose centres lie within Euclidean distance r of the centre's (radius 1.7 gives the 8
         * Moore neighbours; radius 7, 148 cells).
         */
        EUCLIDEAN,
        /**
         * Cells any part of which lies within Euclidean distance r of the centre's centre, the cell
         * being the unit square around its centre (MASON's radial neighbourhood with its default
         * rule, ANY, boundary included): radius 1.7 gives the 5 × 5 square less its corners (20
         * cells), radius 7 gives 184.
         */
        EUCLIDEAN_ANY_PART,
        /** Cells within r steps horizontally plus vertically (Manhattan distance). */
        VON_NEUMANN,
        /** Cells within r steps in each direction (Chebyshev distance). */
        MOORE
    }

    private final int width;
    private final int height;
    private final int[] cells;

    public TorusGrid(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("grid must be at least 1x1");
        }
        this.width = width;
        this.height = height;
        this.cells = new int[width * height];
        Arrays.fill(cells, EMPTY);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int cell(int x, int y) {
        return Math.floorMod(y, height) * width + Math.floorMod(x, width);
    }

    public int x(int cell) {
        return cell % width;
    }

    public int y(int cell) {
        return cell / width;
    }

    public int get(int cell) {
        return cells[cell];
    }

    public boolean isEmpty(int cell) {
        return cells[cell] == EMPTY;
    }

    public void put(int cell, int agent) {
        cells[cell] = agent;
    }

    public void clear(int cell) {
        cells[cell] = EMPTY;
    }

    /** The largest offset, in rows or columns, of a cell within {@code radius} under {@code shape}. */
    public static int reach(double radius, Neighbourhood shape) {
        // a cell straight along an axis at offset d has its nearest edge at d - 0.5
        return (int) Math.floor(shape == Neighbourhood.EUCLIDEAN_ANY_PART ? radius + 0.5 : radius);
    }

    /** Distance along one axis from the centre's centre to the nearest point of a cell at offset d. */
    private static double nearest(int d) {
        return Math.max(0, Math.abs(d) - 0.5);
    }

    /**
     * The cells within {@code radius} of {@code centre} (wrapping), excluding the centre itself, in a
     * fixed order (rows, then columns, relative offsets from -r to r).
     */
    public int[] neighbourhood(int centre, double radius, Neighbourhood shape) {
        int r = reach(radius, shape);
        int cx = x(centre);
        int cy = y(centre);
        int[] out = new int[(2 * r + 1) * (2 * r + 1)];
        int n = 0;
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                if (dx == 0 && dy == 0) {
                    continue;
                }
                boolean inside = switch (shape) {
                    case EUCLIDEAN -> dx * dx + dy * dy <= radius * radius;
                    case EUCLIDEAN_ANY_PART -> nearest(dx) * nearest(dx) + nearest(dy) * nearest(dy) <= radius * radius;
                    case VON_NEUMANN -> Math.abs(dx) + Math.abs(dy) <= r;
                    case MOORE -> true;
                };
                if (inside) {
                    int c = cell(cx + dx, cy + dy);
                    if (c != centre) {
                        out[n++] = c;
                    }
                }
            }
        }
        int[] result = Arrays.copyOf(out, n);
        // on a grid smaller than the neighbourhood, wrapped offsets can repeat a cell
        return Arrays.stream(result).distinct().toArray();
    }

    /** Writes the grid (its size and what each cell holds) to a checkpoint. */
    public void save(org.officialdom.engine.CheckpointWriter out) throws java.io.IOException {
        out.putInt("width", width);
        out.putInt("height", height);
        out.putInts("cells", cells);
    }

    /** The grid {@link #save} wrote; it must be {@code width} by {@code height}. */
    public static TorusGrid load(org.officialdom.engine.CheckpointReader in, int width, int height) throws java.io.IOException {
        in.getInt("width", width, width);
        in.getInt("height", height, height);
        long n = (long) width * height;
        TorusGrid g = new TorusGrid(width, height, in.getInts("cells", Math.toIntExact(n), 0));
        return g;
    }

    private TorusGrid(int width, int height, int[] cells) {
        this.width = width;
        this.height = height;
        this.cells = cells;
    }
}
