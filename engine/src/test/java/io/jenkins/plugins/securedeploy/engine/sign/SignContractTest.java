package io.jenkins.plugins.securedeploy.engine.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.testing.InteropData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignContractTest {
    @Test
    void shouldEncodePaeByteForByteAsTheDsseSpecVector() throws Exception {
        byte[] expected = Files.readAllBytes(InteropData.file("dsse/spec-hello-world.pae.txt"));
        byte[] pae = Pae.encode("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));
        assertThat(pae).isEqualTo(expected);
        assertThat(new DsseEnvelope("http://example.com/HelloWorld",
                "hello world".getBytes(StandardCharsets.UTF_8), List.of()).pae()).isEqualTo(expected);
    }

    @Test
    void shouldCountPaeLengthsInBytesNotChars() {
        byte[] pae = Pae.encode("t", "é".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo("DSSEv1 1 t 2 é");
    }

    @Test
    void shouldBeVerifiedExactlyWhenThereIsNoReason() {
        Problem p = Problem.of("sign.bad", "signature does not verify", Location.ofFile("a.sig"));
        assertThat(VerificationResult.failed("dsse", "a.sig", List.of(p)).isVerified()).isFalse();
        assertThatThrownBy(() -> VerificationResult.failed("dsse", "a.sig", List.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> VerificationResult.verified("dsse", "a.sig", List.of(), null, null, List.of()))
                .isInstanceOf(IllegalStateException.class);
        VerificationResult ok = VerificationResult.verified("dsse", "a.sig", List.of("sha256:ab"), null, null,
                List.of());
        assertThat(ok.headline()).isEqualTo("VERIFIED dsse a.sig (signed by sha256:ab)");
        assertThat(VerificationResult.error("pgp", "x.asc", List.of(p, p)).headline())
                .isEqualTo("ERROR pgp x.asc: a.sig: signature does not verify [sign.bad] (+1 more)");
    }

    @Test
    void shouldListEveryRelaxationAndNoneForStrict() {
        assertThat(VerificationPolicy.STRICT.relaxations()).isEmpty();
        VerificationPolicy weak = VerificationPolicy.STRICT.allowingAnySignature().withoutArtifact()
                .withoutTransparencyLog().allowingUnknownFields();
        assertThat(weak.relaxations()).hasSize(4);
    }

    @Test
    void shouldMatchIdentitiesExactlyOrByWholeRegexAndAlwaysByIssuer() {
        IdentityRule exact = IdentityRule.exact("a@tny.town", "https://github.com/login/oauth");
        assertThat(exact.matches("a@tny.town", "https://github.com/login/oauth")).isTrue();
        assertThat(exact.matches("a@tny.town", "https://accounts.google.com")).isFalse();
        assertThat(exact.matches("xa@tny.town", "https://github.com/login/oauth")).isFalse();
        IdentityRule regex = IdentityRule.regex("https://github\\.com/org/.*", "https://token.actions.githubusercontent.com");
        assertThat(regex.matches("https://github.com/org/repo/.github/workflows/r.yml@refs/tags/v1",
                "https://token.actions.githubusercontent.com")).isTrue();
        assertThat(regex.matches("https://evil.example/https://github.com/org/x",
                "https://token.actions.githubusercontent.com")).isFalse();
    }

    @Test
    void shouldCopyEvidenceBytesAndNeverPrintThem() {
        byte[] content = "secret-ish".getBytes(StandardCharsets.UTF_8);
        EvidenceFile f = new EvidenceFile("e.json", content);
        content[0] = 'X';
        assertThat(f.content()[0]).isEqualTo((byte) 's');
        assertThat(f.toString()).isEqualTo("e.json (10 bytes)");
        assertThat(new DsseEnvelope("t", content, List.of(new DsseEnvelope.Signature("k", content))).toString())
                .doesNotContain("secret");
    }
}
