package io.jenkins.plugins.securedeploy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way a line can be malformed is named (never quoting its content); well-formed lines round-trip. */
class AuditEntryReaderTest {
    static final String ORDER = " (fields are seq, at, actor, action, refs, note, prev, hash in this order)";
    static final String H = "sha256:" + "0".repeat(64);

    /** A line whose prefix is {@code prefix}, with the correct hash appended. */
    static String line(String prefix) {
        Digest d = Hashing.sha256(prefix.getBytes(StandardCharsets.UTF_8));
        return prefix + ",\"hash\":\"" + d + "\"}";
    }

    static String parseError(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        try {
            new AuditEntryReader().parse(b, 0, b.length);
            return "parsed";
        } catch (AuditEntryReader.MalformedEntryException e) {
            return e.getMessage();
        }
    }

    @Test
    void shouldRoundTripWhatTheWriterWrites() throws Exception {
        AuditEntryWriter.Encoded enc = new AuditEntryWriter().encode(7, TestClocks.NOW, AuditEvent.of(
                AuditAction.OVERRIDE, "ops", "é \"quoted\" \\ note", AuditRef.build("a#1"),
                AuditRef.of(AuditRef.Kind.KEY, "sha256:abc")), Digest.parse(H));
        byte[] line = enc.line();
        AuditEntry e = new AuditEntryReader().parse(line, 0, line.length - 1);
        assertThat(e).isEqualTo(enc.entry());
        assertThat(e.knownAction()).isPresent();
        Digest sha512 = Hashing.bytes(new byte[] {1}).digests().get(io.jenkins.plugins.securedeploy.engine.core
                .DigestAlgorithm.SHA512);
        for (String at : new String[] {"2026-01-31T23:59:59.5Z", "2024-02-29T00:00:00Z", "2026-12-01T13:00:00.123456789Z"}) {
            AuditEntryWriter.Encoded odd = new AuditEntryWriter().encode(1, java.time.Instant.parse(at), AuditEvent.of(
                    AuditAction.ROLLBACK, "bob", "", AuditRef.artifact(sha512), new AuditRef("custom-kind", "x")),
                    Digest.parse(H));
            assertThat(new AuditEntryReader().parse(odd.line(), 0, odd.line().length - 1)).as(at)
                    .isEqualTo(odd.entry());
        }
        assertThat(new AuditEntry(1, TestClocks.NOW, "a", "future.action", java.util.List.of(), null,
                Digest.parse(H), Digest.parse(H)).knownAction()).isEmpty();
    }

    @Test
    void shouldNameEachMalformation() {
        String ok = "{\"seq\":1,\"at\":\"2026-01-15T10:00:00Z\",\"actor\":\"a\",\"action\":\"rollback\",\"refs\":[],"
                + "\"note\":\"\",\"prev\":\"" + H + "\"";
        assertThat(parseError(line(ok))).isEqualTo("parsed");
        Map<String, String> cases = Map.ofEntries(
                Map.entry("x", "not an audit entry (too short or not a JSON object)"),
                Map.entry(line(ok).replace(",\"hash\"", ",\"hush\""), "the line does not end with its hash field"),
                Map.entry(line(ok).replace("\"}", "\"]"), "the line does not end with its hash field"),
                Map.entry(line(ok).substring(0, line(ok).length() - 3) + "X\"}", "the hash is not 64 lower-case hex "
                        + "digits"),
                Map.entry(line(ok.replace("\"seq\":1", "\"seq\":\"1\"")), "'seq' must be an integer"),
                Map.entry(line(ok.replace("\"seq\":1", "\"seq\":0")), "'seq' must be >= 1"),
                Map.entry(line(ok.replace("\"at\":\"2026-01-15T10:00:00Z\"", "\"at\":\"yesterday\"")),
                        "'at' is not an RFC 3339 UTC time"),
                Map.entry(line(ok.replace("\"actor\":\"a\"", "\"actor\":1")), "'actor' must be a string"),
                Map.entry(line(ok.replace("\"actor\":\"a\",\"action\"", "\"action\"")), "expected field 'actor' here"
                        + ORDER),
                Map.entry(line(ok.replace("\"refs\":[]", "\"refs\":{}")), "expected field 'refs' here" + ORDER),
                Map.entry(line(ok.replace("\"refs\":[]", "\"refs\":[1]")), "'refs' must be a list of references"),
                Map.entry(line(ok.replace("\"refs\":[]", "\"refs\":[{}]")), "'reference kind' must be a string"),
                Map.entry(line(ok.replace("\"refs\":[]", "\"refs\":[{\"build\":1}]")), "'reference value' must be a "
                        + "string"),
                Map.entry(line(ok.replace("\"refs\":[]", "\"refs\":[{\"build\":\"a\",\"x\":\"b\"}]")),
                        "a reference is one {\"kind\": \"value\"} pair"),
                Map.entry(line(ok.replace("\"refs\":[]", "\"refs\":[{\"build\":\"a b\"}]")), "bad reference: a build "
                        + "reference is 1-256 characters of letters, digits and ._:/#@+=~*- (no spaces): references "
                        + "are identifiers, not text"),
                Map.entry(line(ok.replace(H, "md5:00")), "expected field 'prev' (a sha256 digest) here" + ORDER),
                Map.entry("[" + line(ok).substring(1), "not an audit entry (too short or not a JSON object)"),
                Map.entry(line(ok.replace("{\"seq\"", "{ \"seq\"")).replace("\"}", "\"} "), "the line does not end "
                        + "with its hash field"),
                Map.entry(line(ok.replace("\"seq\":1,", "\"seq\":1,,")), "expected field 'at' here" + ORDER),
                Map.entry(line(ok.replace("\"note\":\"\"", "\"note\":\"a\\qb\"")), "malformed JSON: bad escape in "
                        + "'note'"),
                Map.entry(line(ok.replace("\"note\":\"\"", "\"note\":\"a\tb\"")), "malformed JSON: control character "
                        + "in 'note'"),
                Map.entry(line(ok.replace("\"refs\":[]", "\"refs\":[{\"build\":\"a\\/b\"}]")), "bad reference: "
                        + "escapes are not written in references"),
                Map.entry(line(ok.replace("\"seq\":1", "\"seq\":1234567890123456789")), "'seq' is too large"));
        java.util.Map<String, String> actual = new java.util.HashMap<>();
        cases.keySet().forEach(text -> actual.put(text, parseError(text)));
        assertThat(actual).isEqualTo(cases);
    }

    @Test
    void shouldLocateAMalformedCheckpointWithoutQuotingIt() {
        AuditCheckpointReader r = new AuditCheckpointReader();
        String good = "{\"entries\":5,\"interval\":5,\"head\":\"" + H + "\",\"at\":\"2026-01-15T10:00:00Z\","
                + "\"keyId\":\"k\",\"algorithm\":\"ecdsa-p256-sha256\",\"signature\":\""
                + Base64.getEncoder().encodeToString(new byte[] {1, 2}) + "\"}";
        assertThat(parse(r, good).entries()).isEqualTo(5);
        Map<String, String> cases = Map.of(
                good.replace(",\"keyId\":\"k\"", ""), "a checkpoint has exactly the fields",
                good.replace("\"keyId\"", "\"keyID\""), "unknown checkpoint field",
                good.replace("\"entries\":5", "\"entries\":\"5\""), "'entries' and 'interval' must be integers",
                good.replace("2026-01-15T10:00:00Z", "secret-ish"), "'at' is not an RFC 3339 UTC time",
                good.replace("\"signature\":\"AQI=\"", "\"signature\":\"***\""), "'signature' is not base64",
                good.replace("\"keyId\":\"k\"", "\"keyId\":1"), "'keyId' must be a string",
                good.replace("\"entries\":5", "\"entries\":0"), "a checkpoint covers at least one entry");
        cases.forEach((text, message) -> assertThatThrownBy(() -> parse(r, text)).as(text)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("cp:3: not a well-formed checkpoint: " + message)
                .hasMessageNotContaining("secret-ish"));
        byte[] header = "{\"format\":\"other\",\"version\":1,\"interval\":5}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> r.header(header, 0, header.length, Location.of("cp", 1, 0)))
                .hasMessageContaining("the first line must be the header");
    }

    static AuditCheckpoint parse(AuditCheckpointReader r, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return r.parse(b, 0, b.length, Location.of("cp", 3, 0));
    }
}
