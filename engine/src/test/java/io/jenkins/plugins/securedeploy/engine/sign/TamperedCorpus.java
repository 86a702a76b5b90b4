package io.jenkins.plugins.securedeploy.engine.sign;

import io.jenkins.plugins.securedeploy.engine.attest.Attestor;
import io.jenkins.plugins.securedeploy.engine.attest.Statement;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Writes the tampered corpus ({@code src/test/resources/.../engine/sign/tampered/}) from the test keys. Run once
 * when the corpus changes: {@code java -cp <engine test classpath> ...sign.TamperedCorpus <dir>}. The files are
 * committed; {@link TamperedCorpusTest} checks that each fails with its precise reason.
 */
public final class TamperedCorpus {
    private TamperedCorpus() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Attestor attestor = new Attestor();
        DsseEnvelopeWriter writer = new DsseEnvelopeWriter();
        DsseEnvelope valid = attestor.attest(SignFixtures.statement(SignFixtures.ARTIFACT), List.of(SignFixtures.signer()));
        byte[] validJson = writer.write(valid);
        DsseEnvelope.Signature sig = valid.signatures().get(0);

        byte[] otherPayload = SignFixtures.statement("another artifact".getBytes(StandardCharsets.UTF_8))
                .toCanonicalJson();
        write(dir, "tampered-payload.dsse.json", writer.write(new DsseEnvelope(valid.payloadType(), otherPayload,
                List.of(sig))));
        write(dir, "tampered-payload-type.dsse.json", writer.write(new DsseEnvelope("application/json",
                valid.payload(), List.of(sig))));
        byte[] otherSig = SignFixtures.otherSigner().sign(valid.pae());
        write(dir, "tampered-other-key.dsse.json", writer.write(new DsseEnvelope(valid.payloadType(), valid.payload(),
                List.of(new DsseEnvelope.Signature(sig.keyId(), otherSig)))));
        write(dir, "tampered-subject-digest.dsse.json", attestor.attestJson(
                SignFixtures.statement("another artifact".getBytes(StandardCharsets.UTF_8)),
                List.of(SignFixtures.signer())));
        write(dir, "tampered-truncated.dsse.json", Arrays.copyOf(validJson, validJson.length * 3 / 5));
        String json = new String(validJson, StandardCharsets.UTF_8);
        String payloadField = "\"payload\":\"" + Base64.getEncoder().encodeToString(valid.payload()) + "\"";
        write(dir, "tampered-duplicate-keys.dsse.json", json.replace(payloadField, payloadField + ",\"payload\":\""
                + Base64.getEncoder().encodeToString(otherPayload) + "\"").getBytes(StandardCharsets.UTF_8));
        String sigField = "\"sig\":\"" + Base64.getEncoder().encodeToString(sig.sig()) + "\"";
        write(dir, "tampered-bad-base64.dsse.json", json.replace(sigField, "\"sig\":\"" + "%%not*base64%%" + "\"")
                .getBytes(StandardCharsets.UTF_8));
        write(dir, "tampered-unsigned.dsse.json", writer.write(new DsseEnvelope(valid.payloadType(), valid.payload(),
                List.of())));
        write(dir, "tampered-unknown-field.dsse.json", json.replaceFirst("\\{", "{\"critical\":true,")
                .getBytes(StandardCharsets.UTF_8));
        List<DsseEnvelope.Signature> two = new ArrayList<>(valid.signatures());
        two.add(new DsseEnvelope.Signature(SignFixtures.otherSigner().keyId(), otherSig));
        write(dir, "tampered-second-signature.dsse.json", writer.write(new DsseEnvelope(valid.payloadType(),
                valid.payload(), two)));
        String statementJson = new String(valid.payload(), StandardCharsets.UTF_8);
        write(dir, "tampered-statement-type.dsse.json", signed(statementJson.replace(Statement.TYPE_V1,
                "https://in-toto.io/Statement/v9")));
        write(dir, "tampered-statement-duplicate-keys.dsse.json", signed(statementJson.replaceFirst("\\{",
                "{\"subject\":[{\"name\":\"evil\",\"digest\":{\"sha256\":\"" + Hashing.sha256(new byte[] {1}).hex()
                        + "\"}}],")));

        write(dir, "tampered-blob.cosign.sig", SignFixtures.cosignSignature(SignFixtures.signer(),
                "another blob".getBytes(StandardCharsets.UTF_8)));
        byte[] cosign = SignFixtures.cosignSignature(SignFixtures.signer(), SignFixtures.ARTIFACT);
        write(dir, "tampered-truncated.cosign.sig", Arrays.copyOf(cosign, 40));
        byte[] pgp = SignFixtures.resource("pgp/artifact.txt.sig");
        pgp[pgp.length - 5] ^= 0x5a;
        write(dir, "tampered-signature.pgp.sig", pgp);
        write(dir, "tampered-digest.sha256", (Hashing.sha256("another artifact".getBytes(StandardCharsets.UTF_8))
                + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] signed(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        byte[] s = SignFixtures.signer().sign(Pae.encode(Statement.PAYLOAD_TYPE, bytes));
        return new DsseEnvelopeWriter().write(new DsseEnvelope(Statement.PAYLOAD_TYPE, bytes,
                List.of(new DsseEnvelope.Signature(SignFixtures.signer().keyId(), s))));
    }

    private static void write(Path dir, String name, byte[] content) throws Exception {
        Files.write(dir.resolve(name), content);
    }
}
