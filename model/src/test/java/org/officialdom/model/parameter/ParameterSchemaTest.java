package org.officialdom.model.parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The lever and size marks of {@link Param}, as the schema carries them. */
class ParameterSchemaTest {

    record Police(
            @Param(value = "Cops per cell.", unit = "share of cells", min = 0, max = 1, lever = true) double density,
            @Param(value = "Whether cops move.") boolean movement,
            @Param(value = "Jail terms by level.", unit = "periods", lever = true) List<Double> terms) implements Serializable {
    }

    record Town(
            @Param(value = "Legitimacy.", unit = "share", min = 0, max = 1, lever = true) double legitimacy,
            @Param(value = "People.", unit = "people", min = 1, size = true) int people,
            @Param("The police.") Police police,
            @Param(value = "Threshold.", min = 0, max = 1) double threshold) implements Serializable {
        public static final Town DEFAULTS = new Town(0.8, 100, new Police(0.04, true, List.of(1.0, 2.0)), 0.1);
    }

    record NoMarks(@Param(value = "Width.", min = 1) int width) implements Serializable {
        public static final NoMarks DEFAULTS = new NoMarks(3);
    }

    record TwoSizes(@Param(value = "A.", size = true) int a, @Param(value = "B.", size = true) long b) implements Serializable {
        public static final TwoSizes DEFAULTS = new TwoSizes(1, 2);
    }

    record SwitchLever(@Param(value = "On.", lever = true) boolean on) implements Serializable {
        public static final SwitchLever DEFAULTS = new SwitchLever(true);
    }

    record GroupLever(@Param(value = "Group.", lever = true) Police police) implements Serializable {
        public static final GroupLever DEFAULTS = new GroupLever(new Police(0, false, List.of()));
    }

    record ShareSize(@Param(value = "Density.", size = true) double density) implements Serializable {
        public static final ShareSize DEFAULTS = new ShareSize(0.5);
    }

    record SizeLever(@Param(value = "N.", size = true, lever = true) int n) implements Serializable {
        public static final SizeLever DEFAULTS = new SizeLever(5);
    }

    @Test
    void marksAreWrittenOnlyWhenTrue() {
        ObjectNode schema = ParameterSchema.of(Town.class);
        JsonNode props = schema.get("properties");
        assertThat(props.get("legitimacy").get("x-lever").asBoolean()).isTrue();
        assertThat(props.get("legitimacy").has("x-size")).isFalse();
        assertThat(props.get("people").get("x-size").asBoolean()).isTrue();
        assertThat(props.get("people").has("x-lever")).isFalse();
        assertThat(props.get("threshold").has("x-lever")).isFalse();
        assertThat(props.get("threshold").has("x-size")).isFalse();
        assertThat(props.get("police").get("properties").get("density").get("x-lever").asBoolean()).isTrue();
        assertThat(props.get("police").get("properties").get("movement").has("x-lever")).isFalse();
        assertThat(schema.toString()).doesNotContain("false,\"x-");
    }

    @Test
    void leversComeInDeclarationOrderAndTheSizeIsOne() {
        assertThat(ParameterSchema.leverPaths(Town.class)).containsExactly("legitimacy", "police.density", "police.terms");
        assertThat(ParameterSchema.sizePath(Town.class)).isEqualTo("people");
        assertThat(ParameterSchema.marked(ParameterSchema.of(Town.class), ParameterSchema.SIZE)).containsExactly("people");
        assertThat(ParameterSchema.leverPaths(NoMarks.class)).isEmpty();
        assertThat(ParameterSchema.sizePath(NoMarks.class)).isNull();
    }

    @Test
    void marksThePageCouldNotUseAreRefused() {
        assertThatThrownBy(() -> ParameterSchema.of(TwoSizes.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than one size: a, b");
        assertThatThrownBy(() -> ParameterSchema.of(SwitchLever.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SwitchLever.on is marked lever");
        assertThatThrownBy(() -> ParameterSchema.of(GroupLever.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GroupLever.police is marked lever");
        assertThatThrownBy(() -> ParameterSchema.of(ShareSize.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ShareSize.density is marked size");
        assertThatThrownBy(() -> ParameterSchema.of(SizeLever.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("or is also a lever");
    }
}
