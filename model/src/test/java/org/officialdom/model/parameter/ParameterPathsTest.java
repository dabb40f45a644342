package org.officialdom.model.parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialdom.model.bureaucracy.BureaucracyParameters;
import org.officialdom.model.bureaucracy.Tournament;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class ParameterPathsTest {

    private static final BureaucracyParameters D = BureaucracyParameters.DEFAULTS;

    @Test
    void setsOneParameterByItsPathAndLeavesTheRest() {
        BureaucracyParameters p = D.with("evln.reconsider", 0).with("study.study_hours", 6.5);
        assertThat(p.evln().reconsider()).isZero();
        assertThat(p.study().studyHours()).isEqualTo(6.5);
        assertThat(p.evln().stickiness()).isEqualTo(D.evln().stickiness());
        assertThat(p.with("evln.reconsider", D.evln().reconsider()).with("study.study_hours", D.study().studyHours())).isEqualTo(D);
    }

    @Test
    void takesEnumsListsAndWholeNumbers() {
        BureaucracyParameters p = D.with("tournament.strategy", Tournament.Strategy.RANDOM)
                .with("pay.cut_by_level", List.of(0.0, 0.1, 0.2, 0.3, 0.4))
                .with("careers.transfer_tries", 3)
                .with("track_every", 0);
        assertThat(p.tournament().strategy()).isEqualTo(Tournament.Strategy.RANDOM);
        assertThat(p.pay().cutByLevel()).containsExactly(0.0, 0.1, 0.2, 0.3, 0.4);
        assertThat(p.careers().transferTries()).isEqualTo(3);
        assertThat(p.trackEvery()).isZero();
    }

    @Test
    void refusesAPathThatNamesNoParameterAndAValueThatDoesNotFit() {
        assertThatThrownBy(() -> D.with("evln.reconsidr", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no parameter 'evln.reconsidr'");
        assertThatThrownBy(() -> D.with("evln.reconsider", "often")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evln.reconsider");
        assertThatThrownBy(() -> D.with("tournament.strategy", "cheapest")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsAndWritesTrees() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        ParameterPaths.set(tree, "study.study_hours", JsonNodeFactory.instance.numberNode(3));
        assertThat(ParameterPaths.at(tree, "study.study_hours").asInt()).isEqualTo(3);
        assertThat(ParameterPaths.at(tree, "study.quizzes").isMissingNode()).isTrue();
        assertThat(ParameterPaths.reaches(tree, "study")).isTrue();
        assertThat(ParameterPaths.reaches(tree, "study.study_hours.x")).isTrue(); // within a leaf
        assertThat(ParameterPaths.reaches(tree, "pay")).isFalse();
    }
}
