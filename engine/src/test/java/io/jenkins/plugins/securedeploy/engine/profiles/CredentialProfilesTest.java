package io.jenkins.plugins.securedeploy.engine.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.credentials.Exchange;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.BuildClaims;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialProfilesTest {
    private static final BuildClaims BUILD = new BuildClaims("team/app", "42", "main", "abc", "user", "prod",
            "https://ci/job/app/42/");

    private static CredentialProfile profile(CredentialProfile.Provider provider, String text) {
        return new CredentialProfile("p1", provider, CredentialProfiles.parseSettings(text, "p1"));
    }

    private static List<String> problems(CredentialProfile p) {
        return CredentialProfiles.check(p).stream().map(Problem::describe).toList();
    }

    @Test
    void shouldParseKeyValueLinesIgnoringCommentsAndBlanks() {
        Map<String, String> m = CredentialProfiles.parseSettings("# aws prod\nroleArn = arn:aws:iam::123456789012:role/d"
                + "\n\nregion=eu-west-1\r\n", "p1");
        assertThat(m).containsExactly(Map.entry("roleArn", "arn:aws:iam::123456789012:role/d"),
                Map.entry("region", "eu-west-1"));
    }

    @Test
    void shouldNameTheLineOfABadOrRepeatedSettingWithoutItsValue() {
        assertThatThrownBy(() -> CredentialProfiles.parseSettings("region=x\nnot-a-pair-s3cr3t\nregion=y", "p1"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::describe).anySatisfy(d -> assertThat(d)
                            .contains("line 2").doesNotContain("s3cr3t"));
                    assertThat(e.problems()).extracting(Problem::code).containsExactly("profile.settings.syntax",
                            "profile.settings.duplicate");
                });
    }

    @Test
    void shouldMapAnAwsProfileOntoStsWithItsAudienceAndTags() {
        Exchange e = CredentialProfiles.exchange(profile(CredentialProfile.Provider.AWS,
                "roleArn=arn:aws:iam::123456789012:role/deploy\nregion=eu-west-1\nsessionTags=team=pay,env=prod"),
                BUILD, Clock.systemUTC());
        assertThat(e.provider()).isEqualTo("aws");
        assertThat(e.tokenNeed().audience()).isEqualTo("sts.amazonaws.com");
        assertThat(e.tokenNeed().extraClaims()).containsKey("https://aws.amazon.com/tags");
    }

    @Test
    void shouldRefuseUnknownKeysAndMissingRequiredOnesNamingProfileAndKey() {
        List<String> p = problems(profile(CredentialProfile.Provider.AWS, "roleArm=arn\nregion=eu-west-1"));
        assertThat(p).anySatisfy(d -> assertThat(d).contains("p1").contains("unknown key roleArm"))
                .anySatisfy(d -> assertThat(d).contains("needs roleArn"));
    }

    @Test
    void shouldReportTheProvidersOwnRefusal() {
        assertThat(problems(profile(CredentialProfile.Provider.AWS, "roleArn=arn:aws:iam::1:role/x\nregion=r")))
                .singleElement().asString().contains("roleArn must be an IAM role ARN");
    }

    @Test
    void shouldMapVaultDynamicAndKvSecrets() {
        Exchange dynamic = CredentialProfiles.exchange(profile(CredentialProfile.Provider.VAULT,
                "address=https://vault:8200\nrole=deploy\nsecret=database/creds/app\nenv=DB_USER=username"), BUILD,
                Clock.systemUTC());
        assertThat(dynamic.provider()).isEqualTo("vault");
        assertThat(dynamic.tokenNeed().audience()).isEqualTo("https://vault:8200");
        assertThat(problems(profile(CredentialProfile.Provider.VAULT, "address=https://vault:8200\nrole=deploy")))
                .singleElement().asString().contains("needs secret");
        assertThat(problems(profile(CredentialProfile.Provider.VAULT,
                "address=https://vault:8200\nrole=r\nkv=secret/app\naudience=vault-prod"))).isEmpty();
    }

    @Test
    void shouldMapGcpAzureAndLocal() {
        assertThat(CredentialProfiles.exchange(profile(CredentialProfile.Provider.GCP,
                "provider=projects/1/locations/global/workloadIdentityPools/p/providers/r"), BUILD, Clock.systemUTC())
                .provider()).isEqualTo("gcp");
        assertThat(CredentialProfiles.exchange(profile(CredentialProfile.Provider.AZURE, "tenant=t1\nclientId=c-1"),
                BUILD, Clock.systemUTC()).tokenNeed().audience()).isEqualTo("api://AzureADTokenExchange");
        Exchange local = CredentialProfiles.exchange(profile(CredentialProfile.Provider.LOCAL,
                "audience=demo\nlifetime=2m"), BUILD, Clock.systemUTC());
        assertThat(local.tokenNeed().lifetime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(problems(profile(CredentialProfile.Provider.LOCAL, "variable=X"))).singleElement().asString()
                .contains("needs audience");
    }

    @Test
    void shouldRefuseBadDurationsUrlsAndAttempts() {
        List<String> p = problems(profile(CredentialProfile.Provider.AZURE,
                "tenant=t\nclientId=c\nauthority=not a url\nreadTimeout=soon\nattempts=99"));
        assertThat(p).hasSize(3).anySatisfy(d -> assertThat(d).contains("authority"))
                .anySatisfy(d -> assertThat(d).contains("readTimeout")).anySatisfy(d -> assertThat(d).contains("attempts"));
    }

    @Test
    void shouldParseDurationForms() {
        assertThat(Settings.parseDuration("90s")).contains(Duration.ofSeconds(90));
        assertThat(Settings.parseDuration("15m")).contains(Duration.ofMinutes(15));
        assertThat(Settings.parseDuration("1h")).contains(Duration.ofHours(1));
        assertThat(Settings.parseDuration("2d")).contains(Duration.ofDays(2));
        assertThat(Settings.parseDuration("30")).contains(Duration.ofSeconds(30));
        assertThat(Settings.parseDuration("PT15M")).contains(Duration.ofMinutes(15));
        assertThat(Settings.parseDuration("pt-x")).isEmpty();
        assertThat(Settings.parseDuration("15 minutes")).isEmpty();
    }

    @Test
    void shouldKnowProvidersByIdAndValidateNames() {
        assertThat(CredentialProfile.Provider.parse(" AWS ")).contains(CredentialProfile.Provider.AWS);
        assertThat(CredentialProfile.Provider.parse("s3")).isEmpty();
        assertThat(CredentialProfile.Provider.parse(null)).isEmpty();
        assertThatThrownBy(() -> new CredentialProfile("bad name", CredentialProfile.Provider.AWS, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CredentialProfiles.knownKeys(CredentialProfile.Provider.LOCAL)).contains("audience", "variable");
    }
}
