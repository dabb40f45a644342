package org.officialdom.model.bureaucracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.officialdom.engine.random.RandomStreams;

class OrganisationTest {

    /** The four shape numbers (officials, leaders 2, ratio 3, fill 0.95) the expected numbers below are worked out from. */
    private static Organisation.Parameters shape(long officials) {
        return BureaucracyParameters.DEFAULTS.with("organisation.officials", officials).with("organisation.leaders", 2)
                .with("organisation.ratio", 3.0).with("organisation.fill", 0.95).organisation();
    }

    @Test
    void postsFormAPyramidUnderEachLevelsTopRank() {
        Organisation org = Organisation.generate(shape(1000), new RandomStreams(1));
        int township = org.firstUnit(4);
        int county = org.firstUnit(3);
        // leaders 2, ratio 3: a township (top: section) has 6 clerks and 2 section posts
        assertThat(new int[] {org.posts(township, 0), org.posts(township, 1), org.posts(township, 2)}).containsExactly(6, 2, 0);
        // a county (top: division): 18, 6, 2
        assertThat(new int[] {org.posts(county, 0), org.posts(county, 1), org.posts(county, 2), org.posts(county, 3)})
                .containsExactly(18, 6, 2, 0);
        // the centre: 162, 54, 18, 6, 2
        assertThat(new int[] {org.posts(0, 0), org.posts(0, 1), org.posts(0, 2), org.posts(0, 3), org.posts(0, 4)})
                .containsExactly(162, 54, 18, 6, 2);
        assertThat(org.topRank(township)).isEqualTo(Rank.SECTION.ordinal());
        assertThat(org.topRank(0)).isEqualTo(Rank.MINISTERIAL.ordinal());
    }

    @Test
    void postsForBranchingTwoByHand() {
        int[][] posts = {{162, 54, 18, 6, 2}, {162, 54, 18, 6, 2}, {54, 18, 6, 2, 0}, {18, 6, 2, 0, 0}, {6, 2, 0, 0, 0}};
        // units 1, 2, 4, 8, 16 with 242, 242, 80, 26, 8 posts: 242 + 484 + 320 + 208 + 128 = 1382
        assertThat(Organisation.postsFor(2.0, posts)).isEqualTo(1382.0);
    }

    @Test
    void everyUnitButTheCentreHasAParentOneLevelUp() {
        Organisation org = Organisation.generate(shape(20_000), new RandomStreams(3));
        for (int u = 1; u < org.units(); u++) {
            assertThat(org.levelOf(org.tree().parent(u))).isEqualTo(org.levelOf(u) - 1);
        }
        assertThat(org.tree().parent(0)).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(longs = {1_000, 10_000, 100_000, 1_000_000, 10_000_000})
    void sizeFollowsTheRequestedNumberOfOfficials(long officials) {
        Organisation org = Organisation.generate(shape(officials), new RandomStreams(7));
        double filled = 0.95 * org.totalPosts();
        assertThat(filled / officials).isBetween(0.7, 1.4);
    }

    @Test
    void nationalSizeArithmetic() {
        // 1e8 officials: the branching found gives posts within 1% of the target, with no unit arrays built
        Level[] lv = Level.values();
        int[][] posts = new int[5][5];
        for (int l = 0; l < 5; l++) {
            for (int r = 0; r <= lv[l].top().ordinal(); r++) {
                posts[l][r] = (int) Math.round(2 * Math.pow(3, lv[l].top().ordinal() - r));
            }
        }
        double target = 1e8 / 0.95;
        double b = Organisation.branching(target, posts);
        assertThat(Organisation.postsFor(b, posts) / target).isCloseTo(1.0, within(0.01));
        int[] units = Organisation.unitsPerLevel(b, 5);
        assertThat(units[4]).isGreaterThan(units[3]);
    }

    @Test
    void customPyramidIsOneUnit() {
        var p = BureaucracyParameters.DEFAULTS.with("organisation.custom_posts", List.of(81, 41, 21, 11, 5, 1)).organisation();
        Organisation org = Organisation.generate(p, new RandomStreams(1));
        assertThat(org.units()).isEqualTo(1);
        assertThat(org.ranks()).isEqualTo(6);
        assertThat(org.totalPosts()).isEqualTo(160);
        assertThat(org.topRank(0)).isEqualTo(5);
    }
}
