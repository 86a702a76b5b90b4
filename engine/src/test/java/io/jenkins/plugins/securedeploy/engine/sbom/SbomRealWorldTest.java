package io.jenkins.plugins.securedeploy.engine.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SBOM defects issue 19 found in real documents, each on a document that follows the specification. */
class SbomRealWorldTest {
    private final SbomValidator validator = new SbomValidator();

    private ValidationReport validate(String fixture) {
        return validator.validate(SbomSource.ofBytes(fixture, SbomFixtures.bytes(fixture)));
    }

    private ValidationReport validateText(String name, String content) {
        return validator.validate(SbomSource.ofBytes(name, content.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource({
        "valid/cyclonedx-1.6-saasbom.json, CYCLONEDX_JSON, 1.6, 1",
        "valid/cyclonedx-1.6-saasbom.xml, CYCLONEDX_XML, 1.6, 1",
        "valid/cyclonedx-1.6-formulation.xml, CYCLONEDX_XML, 1.6, 1",
        "valid/cyclonedx-1.6-model-card.xml, CYCLONEDX_XML, 1.6, 1",
        "valid/cyclonedx-1.7.json, CYCLONEDX_JSON, 1.7, 2",
        "valid/cyclonedx-1.7.xml, CYCLONEDX_XML, 1.7, 1"})
    void shouldAcceptWhatTheSpecificationAllows(String fixture, SbomFormat format, String spec, int components) {
        ValidationReport report = validate(fixture);
        assertThat(report.problems()).as("problems of %s", fixture).isEmpty();
        assertThat(report.format()).isEqualTo(format);
        assertThat(report.specVersion()).isEqualTo(spec);
        assertThat(report.summary().orElseThrow().components()).hasSize(components);
    }

    @Test
    void shouldStillRejectADependencyOnANameNoComponentOrServiceHas() {
        ValidationReport report = validate("invalid/invalid-dependency-unknown-ref.json");
        assertThat(report.problems()).extracting(Problem::code).containsExactly("cyclonedx.dependency-ref");
        assertThat(report.problems().get(0).location().pointer()).isEqualTo("/dependencies/0/dependsOn/1");
    }

    @Test
    void shouldRejectAServiceThatReusesAComponentsBomRef() {
        String xml = new String(SbomFixtures.bytes("valid/cyclonedx-1.6-saasbom.xml"), StandardCharsets.UTF_8)
                .replace("<service bom-ref=\"payments-webhooks\">", "<service bom-ref=\"shop\">");
        assertThat(validateText("dup.xml", xml).problems()).extracting(Problem::code)
                .contains("cyclonedx.duplicate-bom-ref");
    }

    @Test
    void shouldLocateXsdProblemsByElementPathAndLine() {
        ValidationReport report = validate("invalid/invalid-xsd-element-path.xml");
        assertThat(report.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.code()).isEqualTo("schema.xsd"));
        Problem first = report.problems().get(0);
        assertThat(first.location().pointer()).isEqualTo("/bom/components/component[2]/flavour");
        assertThat(first.location().line()).isEqualTo(8);
    }

    @Test
    void shouldCheckModelCardsWithTheFixedSchemaOnly() {
        // 1.6.2 fixed users/useCases to maxOccurs=unbounded; a second <modelCard> is still one too many
        String twice = new String(SbomFixtures.bytes("valid/cyclonedx-1.6-model-card.xml"), StandardCharsets.UTF_8)
                .replace("</modelCard>", "</modelCard><modelCard/>");
        assertThat(validateText("ml.xml", twice).problems()).extracting(Problem::code).contains("schema.xsd");
        // and the fixture does bite: cyclonedx-core-java's 1.6.1 schema rejects the two users
        javax.xml.validation.Validator old;
        try {
            old = new org.cyclonedx.parsers.XmlParser().getXmlSchema(org.cyclonedx.Version.VERSION_16).newValidator();
            old.validate(new javax.xml.transform.stream.StreamSource(new java.io.ByteArrayInputStream(
                    SbomFixtures.bytes("valid/cyclonedx-1.6-model-card.xml"))));
            org.assertj.core.api.Assertions.fail("the 1.6.1 schema accepted two <user> elements");
        } catch (org.xml.sax.SAXException | java.io.IOException expected) {
            assertThat(expected.getMessage()).contains("user");
        }
    }

    @Test
    void shouldValidateCycloneDx17AgainstItsSchema() {
        String json = new String(SbomFixtures.bytes("valid/cyclonedx-1.7.json"), StandardCharsets.UTF_8)
                .replace("\"type\": \"library\", \"name\": \"golang.org/x/net\"",
                        "\"type\": \"librarry\", \"name\": \"golang.org/x/net\"");
        ValidationReport report = validateText("bad-1.7.json", json);
        assertThat(report.problems()).extracting(Problem::code).contains("schema.enum");
        String xml = new String(SbomFixtures.bytes("valid/cyclonedx-1.7.xml"), StandardCharsets.UTF_8)
                .replace("<version>4.17.21</version>", "<version>4.17.21</version><colour>red</colour>");
        assertThat(validateText("bad-1.7.xml", xml).problems()).extracting(Problem::code).contains("schema.xsd");
    }

    @Test
    void shouldSpellTheSpdxOperatingSystemPurposeAsTheOfficialSchema() {
        String base = new String(SbomFixtures.bytes("valid/spdx-2.3.json"), StandardCharsets.UTF_8);
        String valid = base.replace("\"SPDXID\": \"SPDXRef-app\",",
                "\"SPDXID\": \"SPDXRef-app\", \"primaryPackagePurpose\": \"OPERATING_SYSTEM\",");
        assertThat(valid).isNotEqualTo(base);
        assertThat(validateText("os.spdx.json", valid).problems()).isEmpty();
        String invalid = valid.replace("OPERATING_SYSTEM", "OPERATING-SYSTEM");
        assertThat(validateText("os-bad.spdx.json", invalid).problems()).extracting(Problem::code)
                .contains("schema.enum");
    }
}
