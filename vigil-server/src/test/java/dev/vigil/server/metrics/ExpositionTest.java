package dev.vigil.server.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpositionTest {

    @Test
    void labelValuesAreEscapedAndParseBackToTheOriginal() {
        String nasty = "a \"quoted\" \\ back\nslash";
        String text = new Exposition().family("x_total", Exposition.Type.COUNTER, "help with \\ and\nnewline")
                .sample("x_total", Labels.of("route", nasty, "method", "GET"), 3).toString();

        assertThat(text).isEqualTo("""
                # HELP x_total help with \\\\ and\\nnewline
                # TYPE x_total counter
                x_total{route="a \\"quoted\\" \\\\ back\\nslash",method="GET"} 3
                """);
        assertThat(PrometheusText.parse(text).value("x_total", "route", nasty, "method", "GET")).isEqualTo(3);
    }

    @Test
    void numbersAreWrittenAsTheFormatSpellsThem() {
        assertThat(Exposition.format(42)).isEqualTo("42");
        assertThat(Exposition.format(0.25)).isEqualTo("0.25");
        assertThat(Exposition.format(1.5e-7)).isEqualTo("1.5E-7");
        assertThat(Exposition.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(Exposition.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(Exposition.format(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void labelNamesAreChecked() {
        assertThatThrownBy(() -> Labels.of("bad-name", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad-name");
        assertThatThrownBy(() -> Labels.of("odd")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The checker the HTTP tests rely on must itself reject what a scraper would. */
    @Test
    void parserRejectsWhatAScraperWould() {
        String type = "# TYPE h histogram\n";
        assertThatThrownBy(() -> PrometheusText.parse("x 1\n")).hasMessageContaining("outside its family");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE x gauge\nx{a=\"1\"} 1\nx{a=\"1\"} 2\n"))
                .hasMessageContaining("repeated");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE x gauge\nx{a=1} 1\n")).hasMessageContaining("labels");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE x gauge\nx one\n")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> PrometheusText.parse(type + "h_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\n"
                + "h_sum 1\nh_count 1\n")).hasMessageContaining("cumulative");
        assertThatThrownBy(() -> PrometheusText.parse(type + "h_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\n"
                + "h_sum 1\nh_count 3\n")).hasMessageContaining("_count");
        assertThatThrownBy(() -> PrometheusText.parse(type + "h_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n"))
                .hasMessageContaining("+Inf");
        assertThatThrownBy(() -> PrometheusText.parse(type + "h_bucket{le=\"1\"} 1\nh_bucket{le=\"2\"} 2\n"
                + "h_bucket{le=\"+Inf\"} 2\nh_sum 3.5\nh_count 2\n")).hasMessageContaining("_sum");
        assertThatThrownBy(() -> PrometheusText.parse(type + "h_bucket{le=\"1\"} 0\nh_bucket{le=\"2\"} 2\n"
                + "h_bucket{le=\"+Inf\"} 2\nh_sum 1.5\nh_count 2\n")).hasMessageContaining("_sum");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE x gauge\nx 1")).hasMessageContaining("newline");
    }
}
