package org.officialdom.model.bureaucracy;

import java.io.IOException;
import java.util.List;
import org.officialdom.engine.CheckpointReader;
import org.officialdom.engine.CheckpointWriter;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.engine.random.RandomStreams;
import org.officialdom.engine.space.Hierarchy;
import org.officialdom.model.parameter.Param;
import org.officialdom.model.parameter.ParameterProblem;

/**
 * The organisation: a tree of units at five administrative levels, each unit with a sector, a budget
 * health and a pyramid of posts by rank, and the count of officials holding each post.
 *
 * <p><b>Generator.</b> A unit at level ℓ (0 = central … 4 = township) holds posts at ranks 0..top(ℓ)
 * (township: section; county: division; prefecture: bureau; province and centre: ministerial):
 * {@code posts(ℓ, r) = leaders · ratio^(top(ℓ) − r)}. Each unit has on average b children at the
 * next level, so level ℓ has {@code U_ℓ = round(b^ℓ)} units and the organisation
 * {@code Σ_ℓ U_ℓ · Σ_r posts(ℓ, r)} posts. The branching b is found by bisection so that
 * {@code fill × posts} matches the requested number of officials: any size from 1e3 to 1e8 comes
 * from four shape numbers (officials, leaders, ratio, fill). A unit's children are the contiguous
 * block {@code floor(i · U_ℓ / U_ℓ+1)} = its index at ℓ. Sectors are drawn from {@code sectorShares};
 * budget health is uniform on [0, 1] ("one of the best units in her city where salaries remained
 * unaffected by the pandemic", 000: a few units are rich enough to shield their staff).
 *
 * <p>With {@code customPosts} set (bottom rank first), the organisation is one unit with that
 * pyramid: Pluchino et al.'s 160 posts are {@code [81, 41, 21, 11, 5, 1]}.
 */
public final class Organisation {

    /** Shape of the organisation. */
    public record Parameters(
            @Param(value = "Number of officials to generate (approximately: posts × fill).", unit = "officials", min = 1, max = 2_000_000_000, size = true)
            long officials,
            @Param(value = "Posts at a unit's top rank (the head and deputies).", unit = "posts", min = 1, max = 100)
            int leaders,
            @Param(value = "Posts at each rank per post at the rank above, within a unit.", unit = "ratio", min = 1, max = 20)
            double ratio,
            @Param(value = "Share of posts filled at the start.", unit = "share", min = 0, max = 1)
            double fill,
            @Param(value = "Shares of units by sector: party committee, government bureau, people's congress, university, state enterprise.", unit = "shares",
                    min = 0, max = 1_000_000, entries = 5)
            List<Double> sectorShares,
            @Param(value = "Posts by rank of a single-unit pyramid, bottom rank first (empty: the five-level party-state).", unit = "posts",
                    min = 1, max = 2_000_000_000)
            List<Integer> customPosts,
            @Param(value = "Budget health at or above which a unit shields its staff from pay cuts.", unit = "share", min = 0, max = 1)
            double protectedBudget) {

        public static final Parameters DEFAULTS = new Parameters(20_000, 2, 3.0, 0.95,
                List.of(0.25, 0.45, 0.10, 0.10, 0.10), List.of(), 0.85);

        public Parameters {
            sectorShares = sectorShares == null ? List.of() : List.copyOf(sectorShares);
            customPosts = customPosts == null ? List.of() : List.copyOf(customPosts);
            if (sectorShares.size() != Sector.values().length) {
                throw new ParameterProblem("sector_shares", Sector.values().length + " shares", "a list of " + sectorShares.size());
            }
            if (!(sectorShares.stream().mapToDouble(Double::doubleValue).sum() > 0)) {
                throw new ParameterProblem("sector_shares", "shares of which at least one is above 0", sectorShares.toString());
            }
        }
    }

    private final int ranks;
    private final int levels;
    private final int[] topRankOfLevel;
    private final int[][] postsByLevel; // [level][rank]
    private final int[] levelStart;     // units of level l are levelStart[l] .. levelStart[l+1]-1
    private final byte[] level;
    private final byte[] sector;
    private final float[] budget;
    private final Hierarchy tree;
    private final int[] occupied;       // [unit * ranks + rank]

    private Organisation(int ranks, int[] topRankOfLevel, int[][] postsByLevel, int[] unitsPerLevel) {
        this.ranks = ranks;
        this.levels = unitsPerLevel.length;
        this.topRankOfLevel = topRankOfLevel;
        this.postsByLevel = postsByLevel;
        this.levelStart = new int[levels + 1];
        for (int l = 0; l < levels; l++) {
            levelStart[l + 1] = levelStart[l] + unitsPerLevel[l];
        }
        int units = levelStart[levels];
        level = new byte[units];
        int[] parent = new int[units];
        for (int l = 0; l < levels; l++) {
            for (int i = 0; i < unitsPerLevel[l]; i++) {
                int u = levelStart[l] + i;
                level[u] = (byte) l;
                parent[u] = l == 0 ? -1 : levelStart[l - 1] + (int) ((long) i * unitsPerLevel[l - 1] / unitsPerLevel[l]);
            }
        }
        tree = Hierarchy.fromParents(parent);
        sector = new byte[units];
        budget = new float[units];
        occupied = new int[units * ranks];
    }

    /** Builds the units and their posts (no officials yet); sectors and budgets from stream "organisation". */
    public static Organisation generate(Parameters p, RandomStreams streams) {
        Organisation org;
        if (!p.customPosts().isEmpty()) {
            int r = p.customPosts().size();
            int[][] posts = {p.customPosts().stream().mapToInt(Integer::intValue).toArray()};
            org = new Organisation(r, new int[] {r - 1}, posts, new int[] {1});
        } else {
            int ranks = Rank.values().length;
            Level[] lv = Level.values();
            int[] top = new int[lv.length];
            int[][] posts = new int[lv.length][ranks];
            for (int l = 0; l < lv.length; l++) {
                top[l] = lv[l].top().ordinal();
                for (int r = 0; r <= top[l]; r++) {
                    posts[l][r] = (int) Math.round(p.leaders() * Math.pow(p.ratio(), top[l] - r));
                }
            }
            double b = branching(p.officials() / Math.max(1e-9, p.fill()), posts);
            int[] units = unitsPerLevel(b, lv.length);
            org = new Organisation(ranks, top, posts, units);
        }
        RandomStream draw = streams.stream("organisation");
        double[] cum = new double[Sector.values().length];
        double total = 0;
        for (int s = 0; s < cum.length; s++) {
            total += p.sectorShares().get(s);
            cum[s] = total;
        }
        for (int u = 0; u < org.units(); u++) {
            double x = draw.uniform(u, 0, 0) * total;
            int s = 0;
            while (s < cum.length - 1 && x >= cum[s]) {
                s++;
            }
            org.sector[u] = (byte) (u == 0 ? Sector.PARTY_COMMITTEE.ordinal() : s);
            org.budget[u] = (float) draw.uniform(u, 0, 1);
        }
        return org;
    }

    /**
     * The units and posts {@link #generate} would make, counted without allocating anything (and
     * without its limits, so that an impossible size is reported, not thrown): {units, posts}.
     */
    static long[] plan(Parameters p) {
        if (!p.customPosts().isEmpty()) {
            long posts = 0;
            for (int n : p.customPosts()) {
                posts += n;
            }
            return new long[] {1, posts};
        }
        Level[] lv = Level.values();
        int[][] posts = new int[lv.length][Rank.values().length];
        for (int l = 0; l < lv.length; l++) {
            int top = lv[l].top().ordinal();
            for (int r = 0; r <= top; r++) {
                posts[l][r] = (int) Math.round(p.leaders() * Math.pow(p.ratio(), top - r));
            }
        }
        double b = branching(p.officials() / Math.max(1e-9, p.fill()), posts);
        double units = 0;
        for (int l = 0; l < lv.length; l++) {
            units += Math.max(1, Math.round(Math.pow(b, l)));
        }
        return new long[] {(long) Math.min(Long.MAX_VALUE, units), (long) Math.min(Long.MAX_VALUE, postsFor(b, posts))};
    }

    /** Total posts of an organisation with branching b. */
    static double postsFor(double b, int[][] posts) {
        double total = 0;
        for (int l = 0; l < posts.length; l++) {
            long perUnit = 0;
            for (int n : posts[l]) {
                perUnit += n;
            }
            total += Math.max(1, Math.round(Math.pow(b, l))) * (double) perUnit;
        }
        return total;
    }

    /** The branching factor giving {@code targetPosts} posts (bisection; at least 1). */
    static double branching(double targetPosts, int[][] posts) {
        double lo = 1;
        double hi = 2;
        while (postsFor(hi, posts) < targetPosts && hi < 1e6) {
            hi *= 2;
        }
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (postsFor(mid, posts) < targetPosts) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    static int[] unitsPerLevel(double b, int levels) {
        int[] u = new int[levels];
        for (int l = 0; l < levels; l++) {
            long n = Math.max(1, Math.round(Math.pow(b, l)));
            if (n > Integer.MAX_VALUE / 8) {
                throw new IllegalArgumentException("organisation too large: " + n + " units at one level");
            }
            u[l] = (int) n;
        }
        return u;
    }

    public int units() {
        return level.length;
    }

    public int ranks() {
        return ranks;
    }

    public int levels() {
        return levels;
    }

    public int levelOf(int unit) {
        return level[unit];
    }

    /** The first unit of a level: the units of level l are {@code firstUnit(l) .. firstUnit(l + 1) - 1}. */
    public int firstUnit(int level) {
        return levelStart[level];
    }

    /** The highest rank a unit of this level holds. */
    public int topRankOfLevel(int level) {
        return topRankOfLevel[level];
    }

    /** A unit's budget health in [0, 1]: at or above {@code organisation.protected_budget} it shields its staff from pay cuts. */
    public float budget(int unit) {
        return budget[unit];
    }

    /** A unit's sector as its ordinal in {@link Sector}. */
    public int sectorIndex(int unit) {
        return sector[unit];
    }

    public Sector sectorOf(int unit) {
        return Sector.values()[sector[unit]];
    }

    public int topRank(int unit) {
        return topRankOfLevel[level[unit]];
    }

    /** Posts at a rank in a unit. */
    public int posts(int unit, int rank) {
        return postsByLevel[level[unit]][rank];
    }

    public int occupied(int unit, int rank) {
        return occupied[unit * ranks + rank];
    }

    /** Officials in post in a unit, all ranks. */
    public int headcount(int unit) {
        int s = 0;
        for (int r = 0; r < ranks; r++) {
            s += occupied[unit * ranks + r];
        }
        return s;
    }

    /** Sets the officials holding a unit's posts of a rank (at the start). */
    void staff(int unit, int rank, int officials) {
        occupied[unit * ranks + rank] = officials;
    }

    /** An official takes a post. */
    void occupy(int unit, int rank) {
        occupied[unit * ranks + rank]++;
    }

    /** An official leaves a post. */
    void vacate(int unit, int rank) {
        occupied[unit * ranks + rank]--;
    }

    /** An official moves from one post to another (a promotion, a transfer). */
    void move(int fromUnit, int fromRank, int toUnit, int toRank) {
        vacate(fromUnit, fromRank);
        occupy(toUnit, toRank);
    }

    public int vacancies(int unit, int rank) {
        return posts(unit, rank) - occupied(unit, rank);
    }

    /** Total posts at a rank over the organisation. */
    public long postsAtRank(int rank) {
        long n = 0;
        for (int l = 0; l < levels; l++) {
            n += (long) postsByLevel[l][rank] * (levelStart[l + 1] - levelStart[l]);
        }
        return n;
    }

    public long totalPosts() {
        long n = 0;
        for (int r = 0; r < ranks; r++) {
            n += postsAtRank(r);
        }
        return n;
    }

    public Hierarchy tree() {
        return tree;
    }

    /** A short description of a unit for biographies: "county government bureau no. 812". */
    public String describe(int unit) {
        String lv = levels == Level.values().length ? Level.values()[level[unit]].label() + " " : "";
        return lv + sectorOf(unit).label() + " no. " + unit;
    }

    /**
     * Writes the organisation to a checkpoint: its shape (ranks, top rank and posts of each level,
     * the units of each level, each unit's level, sector, budget and parent) and the officials
     * holding each post. The shape is written, not regenerated, so that a calendar entry that changes
     * the shape's parameters cannot change a resumed run's organisation.
     */
    void save(CheckpointWriter out) throws IOException {
        out.putInt("ranks", ranks);
        out.putInts("top_rank_of_level", topRankOfLevel);
        int[] posts = new int[levels * ranks];
        for (int l = 0; l < levels; l++) {
            System.arraycopy(postsByLevel[l], 0, posts, l * ranks, ranks);
        }
        out.putInts("posts_by_level_and_rank", posts);
        out.putInts("level_start", levelStart);
        out.putBytes("level", level);
        out.putBytes("sector", sector);
        out.putFloats("budget", budget);
        int[] parent = new int[units()];
        for (int u = 0; u < parent.length; u++) {
            parent[u] = tree.parent(u);
        }
        out.putInts("parent", parent);
        out.putInts("occupied", occupied);
    }

    /** The organisation {@link #save} wrote; every array's length and every level and sector are checked. */
    static Organisation load(CheckpointReader in) throws IOException {
        int ranks = in.getInt("ranks", 1, 1 << 16);
        int[] top = in.getInts("top_rank_of_level");
        int levels = top.length;
        if (levels == 0) {
            throw in.refused("top_rank_of_level", "one value per level, at least one", "none");
        }
        for (int t : top) {
            if (t < 0 || t >= ranks) {
                throw in.refused("top_rank_of_level", "ranks from 0 to " + (ranks - 1), String.valueOf(t));
            }
        }
        int[] posts = in.getInts("posts_by_level_and_rank", Math.multiplyExact(levels, ranks), 0);
        int[] start = in.getInts("level_start", levels + 1, 0);
        byte[] level = in.getBytes("level");
        int units = level.length;
        for (int l = 0; l < levels; l++) {
            if (start[0] != 0 || start[l + 1] < start[l] || start[levels] != units) {
                throw in.refused("level_start", "ascending first units of each level, from 0 to " + units,
                        java.util.Arrays.toString(start));
            }
        }
        byte[] sector = in.getBytes("sector", units, 0);
        float[] budget = in.getFloats("budget", units, 0);
        int[] parent = in.getInts("parent", units, 0);
        int[] occupied = in.getInts("occupied", Math.multiplyExact(units, ranks), 0);
        for (int u = 0; u < units; u++) {
            if (level[u] < 0 || level[u] >= levels || sector[u] < 0 || sector[u] >= Sector.values().length) {
                throw in.refused("level", "levels below " + levels + " and sectors below " + Sector.values().length,
                        "level " + level[u] + ", sector " + sector[u] + " at unit " + u);
            }
        }
        int[][] byLevel = new int[levels][];
        for (int l = 0; l < levels; l++) {
            byLevel[l] = java.util.Arrays.copyOfRange(posts, l * ranks, (l + 1) * ranks);
        }
        return new Organisation(ranks, top, byLevel, start, level, sector, budget, Hierarchy.fromParents(parent), occupied);
    }

    private Organisation(int ranks, int[] topRankOfLevel, int[][] postsByLevel, int[] levelStart, byte[] level, byte[] sector,
                         float[] budget, Hierarchy tree, int[] occupied) {
        this.ranks = ranks;
        this.levels = topRankOfLevel.length;
        this.topRankOfLevel = topRankOfLevel;
        this.postsByLevel = postsByLevel;
        this.levelStart = levelStart;
        this.level = level;
        this.sector = sector;
        this.budget = budget;
        this.tree = tree;
        this.occupied = occupied;
    }
}
