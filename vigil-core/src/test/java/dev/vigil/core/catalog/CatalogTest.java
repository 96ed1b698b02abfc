package dev.vigil.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.OsFamily;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled catalog: it loads, it is complete for every control, and it survives the codec unchanged. */
class CatalogTest {

    private static final String CIS_CONTROLS_V8 = "CIS Controls v8";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");
    private static final Pattern SAFEGUARD = Pattern.compile("[1-9][0-9]?\\.[1-9][0-9]?");
    private static final Pattern SECTION = Pattern.compile("[1-9][0-9]*(\\.[1-9][0-9]*)+");
    private static final Set<String> ENTRY_KEYS = Set.of(
            "id", "title", "domain", "severity", "platforms", "rationale", "remediation", "caveats", "references");
    private static final Set<String> REFERENCE_KEYS = Set.of("standard", "id", "title");

    static List<CatalogEntry> entries() {
        return Catalog.bundled().entries();
    }

    /** Control ids, so that each parameterized case is named after its control. */
    static Stream<String> ids() {
        return entries().stream().map(CatalogEntry::id);
    }

    private static CatalogEntry entry(String id) {
        return Catalog.bundled().require(id);
    }

    @Test
    void bundledCatalogLoadsEveryControl() {
        assertThat(entries()).hasSize(31);
    }

    @Test
    void idsAreUniqueInTheBundledJson() throws IOException {
        List<String> ids = new ArrayList<>();
        bundledTree().forEach(e -> ids.add(e.get("id").asText()));
        assertThat(ids).doesNotHaveDuplicates().hasSize(entries().size());
    }

    @Test
    void titlesAreUnique() {
        assertThat(entries()).extracting(CatalogEntry::title).doesNotHaveDuplicates();
    }

    @Test
    void aReferenceHasTheSameTitleWhereverItIsCited() {
        Map<String, Set<String>> titles = entries().stream()
                .flatMap(e -> e.references().stream())
                .collect(Collectors.groupingBy(r -> r.standard() + " " + r.id(), Collectors.mapping(Reference::title,
                        Collectors.toCollection(TreeSet::new))));
        assertThat(titles).allSatisfy((ref, distinct) -> assertThat(distinct).as(ref).hasSize(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void idIsALowercaseDottedSlugWhoseFirstSegmentIsTheDomain(String id) {
        CatalogEntry e = entry(id);
        assertThat(e.id()).matches(SLUG);
        assertThat(e.id()).startsWith(e.domain() + ".");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void titleIsShortText(String id) {
        CatalogEntry e = entry(id);
        assertThat(e.title()).isNotBlank().isNotEqualTo(e.id()).hasSizeLessThanOrEqualTo(48);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void rationaleNamesTheThreat(String id) {
        CatalogEntry e = entry(id);
        assertThat(e.rationale()).hasSizeGreaterThan(80).doesNotContainIgnoringCase("placeholder");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void everyPlatformHasRemediationStepsAndNoOtherPlatformHas(String id) {
        CatalogEntry e = entry(id);
        assertThat(e.platforms()).isNotEmpty().doesNotHaveDuplicates();
        assertThat(e.remediation().keySet()).containsExactlyInAnyOrderElementsOf(e.platforms());
        for (OsFamily p : e.platforms()) {
            assertThat(e.remediationFor(p)).as(p.id()).isNotEmpty()
                    .allSatisfy(step -> assertThat(step).isNotBlank().doesNotContainIgnoringCase("placeholder"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void caveatsSayWhatTheCheckCannotSee(String id) {
        CatalogEntry e = entry(id);
        assertThat(e.caveats()).isNotEmpty().allSatisfy(c -> assertThat(c).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void citesAtLeastOneCisControlsV8SafeguardNumberedLikeNDotN(String id) {
        CatalogEntry e = entry(id);
        List<Reference> safeguards = e.references().stream().filter(r -> r.standard().equals(CIS_CONTROLS_V8)).toList();
        assertThat(safeguards).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.id()).matches(SAFEGUARD);
                    assertThat(r.title()).isNotBlank();
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void benchmarkReferencesGiveASectionNumberAndItsTitle(String id) {
        CatalogEntry e = entry(id);
        e.references().stream().filter(r -> !r.standard().equals(CIS_CONTROLS_V8)).forEach(r -> {
            assertThat(r.standard()).startsWith("CIS ");
            assertThat(r.id()).matches(SECTION);
            assertThat(r.title()).isNotBlank().doesNotEndWith(")");
        });
        assertThat(e.references()).extracting(r -> r.standard() + " " + r.id()).doesNotHaveDuplicates();
    }

    @Test
    void bundledJsonUsesTheSnakeCaseKeysTheCodecExpects() throws IOException {
        Set<String> os = Arrays.stream(OsFamily.values()).map(OsFamily::id).collect(Collectors.toSet());
        for (JsonNode e : bundledTree()) {
            assertThat(fieldNames(e)).as(e.get("id").asText()).isEqualTo(ENTRY_KEYS);
            assertThat(fieldNames(e.get("remediation"))).isSubsetOf(os);
            e.get("references").forEach(r -> assertThat(fieldNames(r)).isEqualTo(REFERENCE_KEYS));
        }
    }

    @Test
    void bundledJsonIsIndentedWithTwoSpaces() throws IOException {
        String text = bundledText();
        assertThat(text).doesNotContain("\t").endsWith("\n");
        text.lines().forEach(line -> {
            int indent = line.length() - line.stripLeading().length();
            assertThat(indent % 2).as(line).isZero();
        });
    }

    @Test
    void catalogRoundTripsThroughTheCodecWithLowercasePlatformKeys() throws IOException {
        Catalog bundled = Catalog.bundled();
        String written = ReportCodec.instance().writeValue(bundled.entries());

        Set<String> remediationKeys = new HashSet<>();
        ReportCodec.instance().tree(written).forEach(e -> remediationKeys.addAll(fieldNames(e.get("remediation"))));
        assertThat(remediationKeys).containsExactlyInAnyOrder("linux", "macos", "windows");

        Catalog back = Catalog.parse(new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8)));
        assertThat(back.entries()).isEqualTo(bundled.entries());
    }

    @Test
    void readsPlatformKeysWhateverTheirCase() throws IOException {
        String json = """
                [{"id": "x.y", "title": "T", "domain": "x", "severity": "low", "platforms": ["linux", "windows"],
                  "rationale": "r", "remediation": {"LINUX": ["a"], "Windows": ["b"]}, "caveats": [], "references": []}]
                """;
        CatalogEntry e = Catalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))).require("x.y");
        assertThat(e.remediation().keySet()).isEqualTo(EnumSet.of(OsFamily.LINUX, OsFamily.WINDOWS));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> bundledTree() throws IOException {
        JsonNode root = ReportCodec.instance().tree(bundledText());
        assertThat(root.isArray()).isTrue();
        List<JsonNode> list = new ArrayList<>();
        root.forEach(list::add);
        return list;
    }

    private static String bundledText() throws IOException {
        try (InputStream in = Catalog.class.getResourceAsStream(Catalog.RESOURCE)) {
            assertThat(in).as(Catalog.RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
