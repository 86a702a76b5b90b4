package io.jenkins.plugins.securedeploy.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** manifest.json is read strictly: every malformed part is a located problem naming the field. */
class ManifestReaderTest {
    static final String SHA = "a".repeat(64);
    static final String FILE = "{\"path\":\"sbom/s.json\",\"role\":\"sbom\",\"mediaType\":\"application/json\","
            + "\"size\":2,\"sha256\":\"" + SHA + "\"}";
    static final String VALID = "{\"format\":\"secure-deploy-evidence-bundle\",\"formatVersion\":1,"
            + "\"deploymentId\":\"d\",\"environment\":\"prod\",\"artifact\":{\"name\":\"a.bin\",\"digest\":{\"sha256\":\""
            + SHA + "\"},\"size\":3},\"createdAt\":\"2026-12-01T10:00:00Z\",\"files\":[" + FILE + "]}";

    static List<Problem> problems(String json) {
        try {
            new ManifestReader().read(json.getBytes(StandardCharsets.UTF_8), "manifest.json");
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void shouldReadAValidManifest() {
        BundleManifest m = new ManifestReader().read(VALID.getBytes(StandardCharsets.UTF_8), "manifest.json");
        assertThat(m.files()).singleElement().satisfies(f -> {
            assertThat(f.role()).isEqualTo(BundleRole.SBOM);
            assertThat(f.size()).isEqualTo(2);
        });
        assertThat(m.artifact().size()).isEqualTo(3);
        assertThat(m.describe()).isEqualTo("deployment d to prod of a.bin (sha256:" + SHA + ")");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "\"formatVersion\":1|\"formatVersion\":2|manifest.version|/formatVersion",
        "\"format\":\"secure-deploy-evidence-bundle\"|\"format\":\"other\"|manifest.format|/format",
        "\"environment\":\"prod\"|\"environment\":\"prod\",\"extra\":1|manifest.unknown-field|/extra",
        "\"deploymentId\":\"d\"|\"deploymentId\":7|manifest.type|/deploymentId",
        "\"createdAt\":\"2026-12-01T10:00:00Z\"|\"createdAt\":\"yesterday\"|manifest.time|/createdAt",
        "\"path\":\"sbom/s.json\"|\"path\":\"../s.json\"|manifest.path|/files/0/path",
        "\"path\":\"sbom/s.json\"|\"path\":\"manifest.json\"|manifest.path|/files/0/path",
        "\"role\":\"sbom\"|\"role\":\"malware\"|manifest.role|/files/0/role",
        "\"role\":\"sbom\"|\"role\":\"trust\"|manifest.trust|/files/0/trust",
        "\"mediaType\":\"application/json\"|\"mediaType\":\"json please\"|manifest.media-type|/files/0/mediaType",
        "\"size\":2|\"size\":-2|manifest.size|/files/0/size",
        "\"size\":2|\"size\":2.5|manifest.size|/files/0/size",
        "\"size\":3|\"size\":\"3\"|manifest.size|/artifact/size",
        "{\"sha256\":|{\"md5\":|manifest.digest|/artifact/digest/md5",
        "\"files\":[|\"files\":[7,|manifest.files|/files/0",
        "]}|],\"identities\":[{\"subject\":\"s\",\"issuer\":\"i\"}]}|manifest.identities|/identities/0/subjectIsRegex"
    })
    void shouldLocateEveryProblem(String from, String to, String code, String pointer) {
        List<Problem> problems = problems(VALID.replace(from, to));
        assertThat(problems).anyMatch(p -> p.code().equals(code) && p.location().pointer().equals(pointer)
                && p.location().file().equals("manifest.json"));
    }

    @Test
    void shouldRefuseDuplicatePathsDuplicateKeysAndNonObjects() {
        String twice = VALID.replace("[" + FILE + "]", "[" + FILE + "," + FILE.replace("sbom/s.json", "SBOM/S.json")
                + "]");
        assertThat(problems(twice)).extracting(Problem::code).contains("manifest.duplicate");
        assertThatThrownBy(() -> new ManifestReader().read("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8), "m"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(problems("[]")).extracting(Problem::code).containsExactly("manifest.not-object");
        assertThat(problems(VALID.replace("\"files\":[" + FILE + "]", "\"files\":{}")))
                .extracting(Problem::code).contains("manifest.files");
        assertThat(problems(VALID.replace("{\"name\":\"a.bin\"", "{\"nom\":\"a.bin\"")))
                .extracting(Problem::code).contains("manifest.missing", "manifest.unknown-field");
        assertThat(problems(VALID.replace("\"digest\":{\"sha256\":\"" + SHA + "\"}", "\"digest\":{}")))
                .extracting(Problem::code).contains("manifest.digest");
        assertThat(problems(VALID.replace("\"digest\":{\"sha256\":\"" + SHA + "\"}", "\"digest\":{\"sha256\":\"AB\"}")))
                .extracting(Problem::code).contains("manifest.digest");
    }
}
