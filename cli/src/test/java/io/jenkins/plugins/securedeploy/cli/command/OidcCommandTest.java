package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.cli.CliRun;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IdTokenVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oidc rotate|token|jwks|discovery} in-process, the way docs/credentials.md shows them. */
class OidcCommandTest {
    static final String ISSUER = "https://ci.example.com/oidc";

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        OidcCommand.environment = System.getenv();
    }

    private Path keys() {
        return dir.resolve("keys.json");
    }

    @Test
    void shouldCreateKeysMintATokenAndPublishWhatVerifiesIt() throws Exception {
        CliRun rotate = CliRun.of("oidc", "rotate", "--issuer", ISSUER, "--keys", keys().toString());
        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        assertThat(rotate.out()).startsWith("created ES256 signing key ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys()))).isEqualTo("rw-------");
        String kid = rotate.out().trim().replaceAll(".* ", "");
        assertThat(rotate.out()).doesNotContain("\"d\"");

        CliRun again = CliRun.of("oidc", "rotate", "--issuer", ISSUER, "--keys", keys().toString());
        assertThat(again.out()).contains("no rotation due; signing key " + kid);

        CliRun token = CliRun.of("oidc", "token", "--issuer", ISSUER, "--keys", keys().toString(), "--audience",
                "sts.amazonaws.com", "--job", "folder/app", "--branch", "main", "--build", "7");
        assertThat(token.exitCode()).as(token.err()).isZero();
        CliRun jwks = CliRun.of("oidc", "jwks", "--issuer", ISSUER, "--keys", keys().toString());
        assertThat(jwks.out()).contains(kid).doesNotContain("\"d\"");
        var check = IdTokenVerifier.of(jwks.out().trim(), ISSUER).verify(token.out().trim(), "sts.amazonaws.com",
                Instant.now());
        assertThat(check.verified()).as(check.reasons().toString()).isTrue();
        assertThat(check.claims()).containsEntry("sub", "job:folder/app:ref:main").containsEntry("build_number", "7");

        CliRun discovery = CliRun.of("oidc", "discovery", "--issuer", ISSUER, "--keys", keys().toString());
        assertThat(discovery.out()).contains("\"issuer\":\"" + ISSUER + "\"",
                "\"jwks_uri\":\"" + ISSUER + "/jwks\"");

        CliRun forced = CliRun.of("oidc", "rotate", "--issuer", ISSUER, "--keys", keys().toString(), "--force",
                "--algorithm", "RS256");
        assertThat(forced.out()).contains("retired key " + kid, "created RS256 signing key");
        CliRun both = CliRun.of("oidc", "jwks", "--issuer", ISSUER, "--keys", keys().toString());
        assertThat(both.out()).contains(kid, "\"kty\":\"RSA\"");
    }

    @Test
    void shouldRefuseAnAudienceOutsideTheAllowListWithTheReason() {
        CliRun.of("oidc", "rotate", "--issuer", ISSUER, "--keys", keys().toString());
        CliRun refused = CliRun.of("oidc", "token", "--issuer", ISSUER, "--keys", keys().toString(), "--audience",
                "https://evil.example.com", "--allow-audience", "sts.amazonaws.com");
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("audience 'https://evil.example.com' is not in the admin's audience"
                + " allow-list");
        CliRun tooLong = CliRun.of("oidc", "token", "--issuer", ISSUER, "--keys", keys().toString(), "--audience",
                "a", "--lifetime", "1h");
        assertThat(tooLong.err()).contains("exceeds the admin maximum PT10M");
    }

    @Test
    void shouldReadKeysFromTheEnvironmentAndWriteATokenFileForTheOwnerOnly() throws Exception {
        CliRun.of("oidc", "rotate", "--issuer", ISSUER, "--keys", keys().toString());
        OidcCommand.environment = Map.of("OIDC_KEYS", Files.readString(keys()), "JOB_NAME", "env-job");
        Path out = dir.resolve("token.jwt");
        CliRun token = CliRun.of("oidc", "token", "--issuer", ISSUER, "--keys-env", "OIDC_KEYS", "--audience", "x",
                "--out", out.toString());
        assertThat(token.exitCode()).as(token.err()).isZero();
        assertThat(token.out()).isEmpty();
        assertThat(token.err()).contains("aud=x", "sub=job:env-job:ref:-");
        assertThat(Files.readString(out)).startsWith("eyJ").doesNotContain(token.err());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");

        CliRun missing = CliRun.of("oidc", "jwks", "--issuer", ISSUER, "--keys-env", "NOPE");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("--keys-env NOPE: environment variable is not set");
        CliRun garbled = CliRun.of("oidc", "jwks", "--issuer", ISSUER, "--keys", out.toString());
        assertThat(garbled.err()).contains("not a JSON object").doesNotContain("eyJ");
    }
}
