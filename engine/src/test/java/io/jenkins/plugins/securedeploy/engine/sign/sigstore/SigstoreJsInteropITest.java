package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sigstore-js (sigstore 4.1.1 / @sigstore/verify 3.1.1, installed by {@code .ci/install-peers}) verifies, offline
 * with {@code toTrustMaterial(TrustedRoot.fromJSON(...))}, every bundle we verify: the real corpus, the forged bundle
 * and the whole tampered corpus, and must reach our outcome. Where sigstore-js is knowingly laxer than our strict
 * defaults (it accepts a SET-only v0.1 bundle, does not compare an artifact with in-toto subjects, tolerates duplicate
 * keys and unknown fields), the attack says so ({@code jsAccepts}) and the test checks that too, so a change on
 * either side shows. A summary table is written to {@code target/sigstore-js-interop.txt}.
 */
class SigstoreJsInteropITest {
    private static final Path NODE_MODULES = Path.of(System.getProperty("user.home"), ".cache", "secure-deploy",
            "interop-npm", "node_modules");

    @TempDir
    Path dir;

    private record Expected(SigstoreCorpus.Case c, boolean ours, boolean js, String note) {}

    @Test
    void shouldReachTheSameOutcomesAsSigstoreJs() throws Exception {
        assertThat(NODE_MODULES.resolve("@sigstore/verify/package.json"))
                .as("sigstore-js is missing: run .ci/install-peers").isRegularFile();
        List<Expected> expected = new ArrayList<>();
        SigstoreCorpus.cases().forEach(c -> expected.add(new Expected(c, true, true, "real bundle")));
        expected.add(new Expected(TamperedBundles.forgedValid(), true, true, "forged, valid"));
        TamperedBundles.attacks().forEach(a -> expected.add(new Expected(rename(a), false, a.jsAccepts(),
                a.jsAccepts() ? "sigstore-js is laxer: " + a.name() : "attack " + a.name())));

        ArrayNode jobs = Json.strict().mapper().createArrayNode();
        for (int i = 0; i < expected.size(); i++) {
            jobs.add(job(i, expected.get(i).c()));
        }
        Path casesFile = dir.resolve("cases.json");
        Files.write(casesFile, Json.strict().mapper().writeValueAsBytes(jobs));
        Map<String, JsonNode> js = runSigstoreJs(casesFile);

        SigstoreBundleVerifier ours = new SigstoreBundleVerifier();
        StringBuilder table = new StringBuilder("case | ours | sigstore-js | note\n");
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            VerificationResult r = ours.verify(e.c().request());
            JsonNode j = js.get(String.valueOf(i));
            boolean jsVerified = j.get("verified").booleanValue();
            table.append(e.c().name()).append(" | ").append(r.status()).append(" | ")
                    .append(jsVerified ? "VERIFIED" : "FAILED (" + j.get("error").textValue() + ")")
                    .append(" | ").append(e.note()).append('\n');
            if (r.isVerified() != e.ours() || jsVerified != e.js()) {
                mismatches.add(e.c().name() + ": ours " + r.headline() + ", sigstore-js " + j);
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "sigstore-js-interop.txt"), table, StandardCharsets.UTF_8);
        assertThat(mismatches).as(table.toString()).isEmpty();
    }

    private static SigstoreCorpus.Case rename(TamperedBundles.Attack a) {
        return a.target().with("attack " + a.name() + " (" + a.target().bundle().name() + ")", a.target().bundle());
    }

    private ObjectNode job(int index, SigstoreCorpus.Case c) throws IOException {
        Path caseDir = Files.createDirectories(dir.resolve(String.valueOf(index)));
        ObjectNode job = Json.strict().mapper().createObjectNode().put("name", String.valueOf(index));
        job.put("bundle", write(caseDir, "bundle.json", c.bundle()));
        job.put("trustedRoot", write(caseDir, "trusted_root.json", c.trustedRoot()));
        if (c.artifact().isPresent()) {
            job.put("artifact", write(caseDir, "artifact", c.artifact().get()));
        }
        c.digest().ifPresent(d -> job.putObject("digest").put("alg", d.algorithm().id()).put("hex", d.hex()));
        c.identity().ifPresent(i -> job.put("san", i.subject()).put("issuer", i.issuer()));
        if (c.publicKey().isPresent()) {
            job.put("key", write(caseDir, "key.pem", c.publicKey().get()));
        }
        return job;
    }

    private static String write(Path caseDir, String name, EvidenceFile file) throws IOException {
        Path p = caseDir.resolve(name);
        Files.write(p, file.content());
        return p.toAbsolutePath().toString();
    }

    private Map<String, JsonNode> runSigstoreJs(Path casesFile) throws Exception {
        Path script = dir.resolve("sigstore-js-verify.js");
        try (InputStream in = SigstoreJsInteropITest.class.getResourceAsStream("sigstore-js-verify.js")) {
            Files.copy(in, script);
        }
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), casesFile.toString())
                .redirectError(dir.resolve("node.err").toFile());
        pb.environment().put("NODE_PATH", NODE_MODULES.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("sigstore-js finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("node.err"))).isZero();
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode r : Json.strict().readTree(new ByteArrayInputStream(out), "sigstore-js output")) {
            byName.put(r.get("name").textValue(), r);
        }
        return byName;
    }
}
