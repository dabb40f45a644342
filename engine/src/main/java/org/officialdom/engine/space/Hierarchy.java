package org.officialdom.engine.space;

import java.util.Arrays;

/**
 * A tree of groups (units of an organisation, say), stored as arrays: each group's parent and
 * depth, and its children in compressed form (children of g are {@code childIds[childStart[g] ..
 * childStart[g+1]-1]}). Group 0 is the root. Groups must be added parents first.
 */
public final class Hierarchy {

    private int[] parent;
    private int[] depth;
    private int size;
    private int[] childStart;
    private int[] childIds;

    private Hierarchy(int[] parent, int size) {
        this.parent = parent;
        this.size = size;
        this.depth = new int[size];
        for (int g = 1; g < size; g++) {
            int p = parent[g];
            if (p < 0 || p >= g) {
                throw new IllegalArgumentException("group " + g + " has parent " + p + "; parents must come first");
            }
            depth[g] = depth[p] + 1;
        }
        index();
    }

    /** A tree from a parent array ({@code parent[0]} is ignored: group 0 is the root). */
    public static Hierarchy fromParents(int[] parent) {
        if (parent.length == 0) {
            throw new IllegalArgumentException("a hierarchy needs at least a root");
        }
        int[] p = parent.clone();
        p[0] = -1;
        return new Hierarchy(p, p.length);
    }

    /** A regular tree: {@code branching[d]} children under each group at depth d. */
    public static Hierarchy regular(int... branching) {
        long total = 1;
        long atDepth = 1;
        for (int b : branching) {
            atDepth *= b;
            total += atDepth;
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tree too large: " + total + " groups");
        }
        int[] parent = new int[(int) total];
        parent[0] = -1;
        int next = 1;
        int levelStart = 0;
        int levelEnd = 1;
        for (int b : branching) {
            for (int g = levelStart; g < levelEnd; g++) {
                for (int c = 0; c < b; c++) {
                    parent[next++] = g;
                }
            }
            levelStart = levelEnd;
            levelEnd = next;
        }
        return new Hierarchy(parent, parent.length);
    }

    private void index() {
        childStart = new int[size + 1];
        for (int g = 1; g < size; g++) {
            childStart[parent[g] + 1]++;
        }
        for (int g = 0; g < size; g++) {
            childStart[g + 1] += childStart[g];
        }
        childIds = new int[Math.max(0, size - 1)];
        int[] fill = Arrays.copyOf(childStart, size);
        for (int g = 1; g < size; g++) {
            childIds[fill[parent[g]]++] = g;
        }
    }

    public int size() {
        return size;
    }

    /** Parent of a group, -1 for the root. */
    public int parent(int group) {
        return parent[group];
    }

    /** Depth of a group: 0 for the root. */
    public int depth(int group) {
        return depth[group];
    }

    public int childCount(int group) {
        return childStart[group + 1] - childStart[group];
    }

    /** The i-th child of a group. */
    public int child(int group, int i) {
        return childIds[childStart[group] + i];
    }

    /** True if {@code ancestor} is {@code group} or lies on its path to the root. */
    public boolean isAncestor(int ancestor, int group) {
        for (int g = group; g >= 0; g = parent[g]) {
            if (g == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Number of groups at each depth. */
    public int[] countByDepth() {
        int max = 0;
        for (int g = 0; g < size; g++) {
            max = Math.max(max, depth[g]);
        }
        int[] counts = new int[max + 1];
        for (int g = 0; g < size; g++) {
            counts[depth[g]]++;
        }
        return counts;
    }
}
