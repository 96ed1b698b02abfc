package dev.vigil.server.view;

import static dev.vigil.server.view.Representation.HTML;
import static dev.vigil.server.view.Representation.JSON;
import static dev.vigil.server.view.Representation.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NegotiationTest {

    private static final String CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
            + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
    private static final String FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String SAFARI = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static Optional<String> opt(String s) {
        return Optional.ofNullable(s);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                                        | format | accept                                        | user agent                           | expected
            no headers at all: the API's JSON              | -      | -                                             | -                                    | JSON
            curl's default */*                             | -      | */*                                           | curl/8.5.0                           | TEXT
            curl without Accept                            | -      | -                                             | curl/7.88.1                          | TEXT
            Wget                                           | -      | */*                                           | Wget/1.21.3                          | TEXT
            wget in lowercase                              | -      | */*                                           | wget/1.21.3                          | TEXT
            HTTPie's application/json, */*;q=0.5           | -      | 'application/json, */*;q=0.5'                 | HTTPie/3.2.2                         | TEXT
            the same Accept from a program: JSON           | -      | 'application/json, */*;q=0.5'                 | python-requests/2.31                 | JSON
            curl asking for JSON only gets JSON            | -      | application/json                              | curl/8.5.0                           | JSON
            curl refusing text/plain with q=0              | -      | 'text/plain;q=0, */*'                         | curl/8.5.0                           | JSON
            curl asking for HTML gets HTML                 | -      | text/html                                     | curl/8.5.0                           | HTML
            curl with text/* accepts text                  | -      | text/*                                        | curl/8.5.0                           | TEXT
            a UA merely containing curl is no terminal     | -      | */*                                           | Mozilla/5.0 (compatible; curlish)    | JSON
            Accept text/plain                              | -      | text/plain                                    | -                                    | TEXT
            Accept text/plain with charset and q           | -      | 'text/plain; charset=utf-8; q=0.8'            | -                                    | TEXT
            Accept text/plain in capitals                  | -      | TEXT/PLAIN                                    | -                                    | TEXT
            text/plain preferred over JSON by q            | -      | 'application/json;q=0.5, text/plain'          | -                                    | TEXT
            JSON preferred over text/plain by q            | -      | 'application/json, text/plain;q=0.5'          | -                                    | JSON
            text/plain with q=0 is refused                 | -      | 'text/plain;q=0'                              | -                                    | JSON
            text/plain with q=0.0 beside html              | -      | 'text/plain;q=0.0, text/html;q=0.1'           | -                                    | HTML
            text/html with q=0 is refused                  | -      | 'text/html;q=0, */*'                          | -                                    | JSON
            tie between named types: the first wins        | -      | 'text/html, application/json'                 | -                                    | HTML
            garbage q-value counts as not acceptable       | -      | 'text/html;q=abc'                             | -                                    | JSON
            malformed elements are skipped                 | -      | 'nonsense, /, text/, text/html'               | -                                    | HTML
            format json beats a browser                    | json   | text/html                                     | Mozilla/5.0                          | JSON
            format text beats a browser                    | text   | text/html                                     | Mozilla/5.0                          | TEXT
            format html beats curl                         | html   | */*                                           | curl/8.5.0                           | HTML
            format is case-insensitive                     | HTML   | -                                             | -                                    | HTML
            """)
    void decidesTheRepresentation(String what, String format, String accept, String userAgent, Representation expected) {
        assertThat(Negotiation.decide(opt(format), opt(accept), opt(userAgent))).as(what).isEqualTo(expected);
    }

    static Stream<Arguments> browsers() {
        return Stream.of(
                Arguments.of("Chrome", CHROME, "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36"),
                Arguments.of("Firefox", FIREFOX, "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"),
                Arguments.of("Safari", SAFARI, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
                        + "(KHTML, like Gecko) Version/18.1 Safari/605.1.15"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("browsers")
    void givesBrowsersHtml(String browser, String accept, String userAgent) {
        assertThat(Negotiation.decide(Optional.empty(), Optional.of(accept), Optional.of(userAgent))).isEqualTo(HTML);
        assertThat(Negotiation.decide(Optional.of("json"), Optional.of(accept), Optional.of(userAgent))).isEqualTo(JSON);
        assertThat(Negotiation.decide(Optional.of("text"), Optional.of(accept), Optional.of(userAgent))).isEqualTo(TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "", "jsonx", "yaml"})
    void rejectsAnUnknownFormatNamingTheAllowedValues(String format) {
        assertThatThrownBy(() -> Negotiation.decide(Optional.of(format), Optional.empty(), Optional.of("curl/8.5.0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + format + "'")
                .hasMessageContaining("json, text or html");
    }

    @ParameterizedTest
    @CsvSource({"JSON, application/json", "TEXT, text/plain; charset=utf-8", "HTML, text/html; charset=utf-8"})
    void namesItsContentType(Representation r, String contentType) {
        assertThat(r.contentType()).isEqualTo(contentType);
        assertThat(Representation.of(r.id())).isEqualTo(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"always", "NEVER"})
    void parsesColorModes(String text) {
        assertThat(ColorMode.of(text).name()).isEqualToIgnoringCase(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "yes"})
    void rejectsAnUnknownColorModeNamingTheAllowedValues(String text) {
        assertThatThrownBy(() -> ColorMode.of(text)).hasMessageContaining("always or never");
    }

}
