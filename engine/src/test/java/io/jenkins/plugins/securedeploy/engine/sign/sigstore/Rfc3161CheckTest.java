package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RFC 3161 part on its own, with sigstore-java's real staging TSA responses (shared/interop/rfc3161). */
class Rfc3161CheckTest {
    private final TrustedRoot staging = TrustedRootReader.read(SigstoreCorpus.root("staging"));
    private final byte[] message = SigstoreCorpus.file("rfc3161/message.txt").content();

    @Test
    void shouldVerifyAResponseWithEmbeddedCertificates() {
        Rfc3161Check.Outcome o = Rfc3161Check.check(SigstoreCorpus.file(
                "rfc3161/sigstage_tsa_response_with_embedded_certs.tsr").content(), message,
                staging.timestampAuthorities());
        assertThat(o.problem()).isEmpty();
        assertThat(o.time()).contains(Instant.parse("2025-05-28T15:15:55Z"));
    }

    @Test
    void shouldVerifyAResponseWithoutCertificatesFromTheTrustedRootsLeaf() {
        Rfc3161Check.Outcome o = Rfc3161Check.check(SigstoreCorpus.file(
                "rfc3161/sigstage_tsa_response_without_embedded_certs.tsr").content(), message,
                staging.timestampAuthorities());
        assertThat(o.time()).contains(Instant.parse("2025-05-28T15:17:58Z"));
    }

    @Test
    void shouldRefuseAnotherMessageAnotherAuthorityAndGarbage() {
        byte[] tsr = SigstoreCorpus.file("rfc3161/sigstage_tsa_response_with_embedded_certs.tsr").content();
        assertThat(Rfc3161Check.check(tsr, "test2\n".getBytes(StandardCharsets.UTF_8), staging.timestampAuthorities())
                .problem()).hasValueSatisfying(p -> assertThat(p).contains("message imprint"));
        TrustedRoot production = TrustedRootReader.read(SigstoreCorpus.root("production"));
        assertThat(Rfc3161Check.check(tsr, message, production.timestampAuthorities()).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("not signed by a timestamp authority"));
        assertThat(Rfc3161Check.check(tsr, message, List.of()).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("lists no timestamp authority"));
        assertThat(Rfc3161Check.check(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}, message,
                staging.timestampAuthorities()).problem()).hasValueSatisfying(p -> assertThat(p).contains("not a DER"));
    }
}
