package org.officialdom.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.officialdom.engine.Metric.ChartStyle;

class MetricSetTest {

    private static MetricSet twoMetrics() {
        return new MetricSet()
                .chart("Crowd", ChartStyle.STACKED)
                .add("active", "people", "Active", () -> 1)
                .add("quiet", "people", "Quiet", () -> 2)
                .alone()
                .add("arrests", "arrests per step", "Arrests", () -> 3);
    }

    @Test
    void pageChartsKeepTheirDeclarationOrderAndResolveTheirMetrics() {
        MetricSet s = twoMetrics()
                .page("Arrests", ChartStyle.LINES, "arrests")
                .page("Crowd now", ChartStyle.BARS, "quiet", "active");
        assertThat(s.pages()).extracting(MetricSet.PageChart::title).containsExactly("Arrests", "Crowd now");
        MetricSet.PageChart bars = s.pages().get(1);
        assertThat(bars.style()).isEqualTo(ChartStyle.BARS);
        assertThat(bars.metrics()).extracting(Metric::name).containsExactly("quiet", "active");
        assertThat(bars.metrics().get(0).unit()).isEqualTo("people");
        assertThat(new MetricSet().pages()).isEmpty();
    }

    @Test
    void aPageChartMayComeBeforeItsMetricsButMustNameDeclaredOnes() {
        MetricSet s = new MetricSet().page("Later", ChartStyle.LINES, "later");
        assertThatThrownBy(s::pages).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("page chart 'Later' names metric 'later', which is not declared");
        s.add("later", "", "Declared after the page chart", () -> 0);
        assertThat(s.pages().get(0).metrics()).extracting(Metric::name).containsExactly("later");
    }

    @Test
    void aPageChartNamingAnUndeclaredMetricThrows() {
        MetricSet s = twoMetrics().page("Crowd", ChartStyle.LINES, "active", "actve");
        assertThatThrownBy(s::pages).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'actve'");
        // and so does every run of a model declaring it
        Model broken = new Model() {
            @Override
            public void init(Simulation sim) {
            }

            @Override
            public void save(CheckpointWriter out) {
            }

            @Override
            public void load(CheckpointReader in, Simulation sim) {
            }

            @Override
            public java.util.List<Pass> passes() {
                return java.util.List.of();
            }

            @Override
            public MetricSet metrics() {
                return twoMetrics().page("Crowd", ChartStyle.LINES, "actve");
            }

            @Override
            public long agents() {
                return 0;
            }

            @Override
            public long bytesPerAgent() {
                return 0;
            }

            @Override
            public java.util.List<String> summary(MetricTable table) {
                return java.util.List.of();
            }
        };
        assertThatThrownBy(() -> new Simulation(broken, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'actve'");
    }

    @Test
    void malformedPageChartsAreRefusedAtDeclaration() {
        assertThatThrownBy(() -> twoMetrics().page("Empty", ChartStyle.LINES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> twoMetrics().page(" ", ChartStyle.LINES, "active")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> twoMetrics().page("Twice", ChartStyle.LINES, "active", "active"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> twoMetrics().page("A", ChartStyle.LINES, "active").page("A", ChartStyle.BARS, "quiet"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("page chart declared twice: A");
    }

    @Test
    void barsAreForThePageOnlyNotForReportCharts() {
        assertThatThrownBy(() -> new MetricSet().chart("Now", ChartStyle.BARS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Metric("x", "", "", () -> 0, "Now", ChartStyle.BARS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNamesOfAReportChart() {
        assertThat(twoMetrics().inChart("Crowd")).containsExactly("active", "quiet");
        assertThat(twoMetrics().inChart("arrests")).containsExactly("arrests");
        assertThat(twoMetrics().inChart("none")).isEmpty();
    }
}
