package io.jenkins.plugins.securedeploy.engine.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bundled cyclonedx-core-java must generate, parse and schema-validate on the Jackson Jenkins ships (2.15.3,
 * pinned in the root pom). A too-new release fails here with NoSuchMethodError / NoClassDefFoundError.
 */
class CycloneDxLibraryCompatibilityTest {

    @ParameterizedTest
    @EnumSource(value = Version.class, names = {"VERSION_14", "VERSION_15", "VERSION_16"})
    void shouldGenerateParseAndValidateOnJenkinsJackson(Version version) throws Exception {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + new UUID(1, 2));
        Component c = new Component();
        c.setType(Component.Type.LIBRARY);
        c.setName("lodash");
        c.setVersion("4.17.21");
        c.setBomRef("pkg:npm/lodash@4.17.21");
        c.setPurl("pkg:npm/lodash@4.17.21");
        c.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, "a".repeat(64))));
        License l = new License();
        l.setId("MIT");
        LicenseChoice lc = new LicenseChoice();
        lc.addLicense(l);
        c.setLicenses(lc);
        bom.addComponent(c);

        String json = BomGeneratorFactory.createJson(version, bom).toJsonString();
        assertThat(new JsonParser().validate(json.getBytes(StandardCharsets.UTF_8), version)).isEmpty();
        assertThat(new JsonParser().parse(json.getBytes(StandardCharsets.UTF_8)).getComponents()).hasSize(1);

        String xml = BomGeneratorFactory.createXml(version, bom).toXmlString();
        assertThat(new XmlParser().validate(xml.getBytes(StandardCharsets.UTF_8), version)).isEmpty();
        assertThat(new XmlParser().parse(xml.getBytes(StandardCharsets.UTF_8)).getComponents()).hasSize(1);

        String broken = json.replace("\"bomFormat\"", "\"bomFormatX\"");
        assertThat(new JsonParser().validate(broken.getBytes(StandardCharsets.UTF_8), version)).isNotEmpty();
    }
}
