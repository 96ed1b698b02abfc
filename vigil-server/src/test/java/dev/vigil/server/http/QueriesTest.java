package dev.vigil.server.http;

import org.eclipse.jetty.util.Fields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueriesTest {

    static Call call(String name, String value) {
        Fields f = new Fields();
        f.add(name, value);
        return new Call(null, Map.of(), f);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "24h, PT24H",      // short form, hours
            "90s, PT1M30S",    // short form, seconds
            "30m, PT30M",      // short form, minutes
            "7d, PT168H",      // short form, days
            "2w, PT336H",      // short form, weeks
            "PT24H, PT24H",    // ISO-8601
            "P1D, PT24H",      // ISO-8601 with days
            "0s, PT0S"})       // zero: every host not seen this instant
    void readsShortAndIsoDurations(String text, String expected) {
        assertThat(Queries.duration(call("stale", text), "stale")).contains(Duration.parse(expected));
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @CsvSource({"soon", "-PT1H", "24", "h", "1y", "PT"})
    void rejectsOtherDurationsNamingTheParameter(String text) {
        assertThatThrownBy(() -> Queries.duration(call("stale", text), "stale"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().extensions()).containsEntry("parameter", "stale");
                });
    }

    @ParameterizedTest(name = "If-None-Match {0} against \"abc\": {1}")
    @CsvSource(delimiter = '|', value = {
            "\"abc\"|true",            // the same tag
            "W/\"abc\"|true",          // weak comparison for GET
            "\"x\", \"abc\"|true",     // one of a list
            "*|true",                  // any
            "\"abd\"|false",           // another tag
            "abc|false"})              // unquoted is not the tag
    void matchesIfNoneMatch(String header, boolean matches) {
        assertThat(ResponseCache.matches(header, "\"abc\"")).isEqualTo(matches);
    }

    @ParameterizedTest(name = "an empty {0} is absent")
    @CsvSource({"q", "cursor"})
    void anEmptyParameterIsAbsent(String name) {
        assertThat(call(name, "").query(name)).isEqualTo(Optional.empty());
    }
}
