package io.jenkins.plugins.securedeploy.engine.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SbomValidatorTest {
    private final SbomValidator validator = new SbomValidator();

    private ValidationReport validate(String fixture) {
        return validator.validate(SbomSource.ofBytes(fixture, SbomFixtures.bytes(fixture)));
    }

    @ParameterizedTest
    @CsvSource({
        "valid/cyclonedx-1.6.json, CYCLONEDX_JSON, 1.6, 2",
        "valid/cyclonedx-1.4.json, CYCLONEDX_JSON, 1.4, 2",
        "valid/cyclonedx-1.5.xml, CYCLONEDX_XML, 1.5, 2",
        "valid/spdx-2.3.json, SPDX_JSON, SPDX-2.3, 2",
        "valid/spdx-2.3.spdx, SPDX_TAG_VALUE, SPDX-2.3, 1"})
    void shouldAcceptValidDocumentsOfEveryFormat(String fixture, SbomFormat format, String spec, int components) {
        ValidationReport report = validate(fixture);
        assertThat(report.problems()).isEmpty();
        assertThat(report.format()).isEqualTo(format);
        SbomSummary summary = report.summary().orElseThrow();
        assertThat(summary.specVersion()).isEqualTo(spec);
        assertThat(summary.componentCount()).isEqualTo(components);
        assertThat(summary.serialNumber()).isNotEmpty();
        assertThat(summary.artifacts()).singleElement().satisfies(a -> assertThat(a.digests().sha256().hex())
                .isEqualTo("8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4"));
        assertThat(summary.components()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("lodash");
            assertThat(c.version()).isEqualTo("4.17.21");
            assertThat(c.purl()).isEqualTo("pkg:npm/lodash@4.17.21");
            assertThat(c.licenses()).containsExactly("MIT");
        });
    }

    @ParameterizedTest
    @CsvSource({
        "invalid/invalid-spec-version.json, cyclonedx.spec-version.unsupported, /specVersion, 3",
        "invalid/invalid-missing-required.json, schema.required, /components/1, 35",
        "invalid/invalid-bad-purl.json, cyclonedx.purl, /components/0/purl, 26",
        "invalid/invalid-duplicate-bom-ref.json, cyclonedx.duplicate-bom-ref, /components/1/bom-ref, 40"})
    void shouldLocateTheProblemOfEachInvalidFixture(String fixture, String code, String pointer, int line) {
        ValidationReport report = validate(fixture);
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.location().file()).isEqualTo(fixture);
            assertThat(p.location().pointer()).isEqualTo(pointer);
            assertThat(p.location().line()).isEqualTo(line);
        });
    }

    @Test
    void shouldReportEveryProblemNotJustTheFirst() {
        assertThat(validate("invalid/invalid-several-problems.json").problems()).extracting(Problem::code)
                .contains("schema.required", "cyclonedx.purl", "cyclonedx.duplicate-bom-ref",
                        "cyclonedx.dependency-ref");
    }

    @Test
    void shouldReportEveryProblemOfAnXmlBomWithLines() {
        ValidationReport report = validate("invalid/invalid-several-problems.xml");
        assertThat(report.problems()).extracting(Problem::code)
                .contains("cyclonedx.purl", "cyclonedx.duplicate-bom-ref", "schema.xsd");
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.location().line()).isPositive());
    }

    @Test
    void shouldRefuseDoctypeSoNoEntityIsEverResolved() {
        ValidationReport report = validate("invalid/invalid-doctype.xml");
        assertThat(report.problems()).extracting(Problem::code).containsExactly("xml.doctype");
        assertThat(report.problems().get(0).location().line()).isEqualTo(2);
    }

    @Test
    void shouldReportEverySpdxJsonProblem() {
        ValidationReport report = validate("invalid/invalid-spdx-several-problems.json");
        assertThat(report.problems()).extracting(Problem::code).contains("spdx.version.unsupported",
                "schema.required", "spdx.purl", "spdx.duplicate-id", "spdx.relationship-ref");
        assertThat(report.problems()).filteredOn(p -> p.code().equals("schema.required")).singleElement()
                .satisfies(p -> assertThat(p.location().pointer()).isEqualTo("/packages/1"));
    }

    @Test
    void shouldReportEverySpdxTagValueProblemWithItsLine() {
        ValidationReport report = validate("invalid/invalid-spdx-tag-value.spdx");
        assertThat(report.problems()).extracting(p -> p.code() + "@" + p.location().line()).contains(
                "spdx.tv.required@1", "spdx.tv.required@8", "spdx.purl@11", "spdx.duplicate-id@14",
                "spdx.tv.line@16", "spdx.relationship-ref@17");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "<html/>", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": "})
    void shouldTurnUnreadableInputIntoOneLocatedProblem(String content) {
        ValidationReport report = validator.validate(SbomSource.ofBytes("x", content.getBytes(StandardCharsets.UTF_8)));
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.location().file()).isEqualTo("x"));
    }

    @Test
    void shouldIngestValidAndRefuseInvalidWithAllProblems() {
        SbomIngest ingest = new SbomIngest();
        assertThat(ingest.ingest(SbomSource.ofBytes("ok.json", SbomFixtures.bytes("valid/cyclonedx-1.6.json")))
                .componentCount()).isEqualTo(2);
        assertThatThrownBy(() -> ingest.ingest(SbomSource.ofBytes("bad.json",
                SbomFixtures.bytes("invalid/invalid-several-problems.json"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(4));
    }
}
