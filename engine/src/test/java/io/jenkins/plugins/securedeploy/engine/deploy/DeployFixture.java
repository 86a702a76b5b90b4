package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.attest.AttestationService;
import io.jenkins.plugins.securedeploy.engine.audit.AuditLog;
import io.jenkins.plugins.securedeploy.engine.audit.AuditVerifier;
import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialBroker;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialExchangeException;
import io.jenkins.plugins.securedeploy.engine.credentials.Exchange;
import io.jenkins.plugins.securedeploy.engine.credentials.IdToken;
import io.jenkins.plugins.securedeploy.engine.credentials.Lease;
import io.jenkins.plugins.securedeploy.engine.credentials.TokenNeed;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
import io.jenkins.plugins.securedeploy.engine.host.BuildContext;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportSource;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.keys.PemKeys;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationService;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryEvidenceStore;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One deployment's world in memory, except the audit log (a real file): a token source that mints the canary as
 * the ID token, an exchange whose lease is revocable (or fails, or fails to revoke), the real gate, verifier,
 * attestation service, bundle writer and audit log, an in-memory approval store and evidence store.
 */
final class DeployFixture {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    static final byte[] ARTIFACT = "the release artifact\n".getBytes(StandardCharsets.UTF_8);

    final SecretCanary canary = SecretCanary.create();
    final List<SecretValue> masked = new CopyOnWriteArrayList<>();
    final AtomicInteger minted = new AtomicInteger();
    final AtomicInteger revoked = new AtomicInteger();
    final InMemoryEvidenceStore evidence = new InMemoryEvidenceStore();
    final Map<String, ApprovalLedger> ledgers = new ConcurrentHashMap<>();
    final Path auditFile;
    boolean exchangeFails;
    boolean revocationFails;
    Clock clock = CLOCK;

    DeployFixture(Path dir) {
        try {
            this.auditFile = java.nio.file.Files.createDirectories(dir).resolve("audit.log");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ApprovalStore approvals() {
        return new ApprovalStore() {
            @Override
            public Optional<ApprovalLedger> load(String id) {
                return Optional.ofNullable(ledgers.get(id));
            }

            @Override
            public void save(ApprovalLedger ledger) {
                ledgers.put(ledger.id(), ledger);
            }
        };
    }

    DeploymentServices services(AuditLog audit) {
        CredentialBroker broker = new CredentialBroker(need -> {
            minted.incrementAndGet();
            return new IdToken(SecretValue.of(canary.value()), need.audience(), "job:app", "jti-" + minted.get(),
                    "kid", clock.instant(), clock.instant().plus(Duration.ofMinutes(5)));
        }, masked::add, clock, new EngineLog("test: "));
        return new DeploymentServices(clock, SecretMasker.none(), VerificationService.standard(),
                new GateService(clock), broker, new AttestationService(clock), SignFixtures.signer(), audit,
                evidence, approvals());
    }

    AuditLog audit() {
        return AuditLog.open(auditFile, AuditLog.Options.signed(SignFixtures.signer(), clock, SecretMasker.none())
                .withInterval(1));
    }

    DeploymentHistory history() {
        return DeploymentHistory.read(auditFile, new AuditVerifier(List.copyOf(PemKeys.publicKeys(new EvidenceFile(
                "deploy.pub", SignFixtures.signer().publicKeyPem().getBytes(StandardCharsets.US_ASCII))))));
    }

    Exchange exchange() {
        return new Exchange() {
            @Override
            public String provider() {
                return "test";
            }

            @Override
            public TokenNeed tokenNeed() {
                return TokenNeed.audience("deploy-test");
            }

            @Override
            public List<Lease> exchange(IdToken token) {
                if (exchangeFails) {
                    throw new CredentialExchangeException("test", 403, "the provider refused the token");
                }
                return List.of(Lease.revocable("test", "deploy key", Map.of("DEPLOY_TOKEN", token.value()), Map.of(),
                        clock.instant().plus(Duration.ofMinutes(5)), () -> {
                            if (revocationFails) {
                                throw new IllegalStateException("revocation endpoint answered 500");
                            }
                            revoked.incrementAndGet();
                            return "DELETE /keys -> 204";
                        }));
            }
        };
    }

    static ArtifactSource artifact() {
        return ArtifactSource.of(ARTIFACT, "app.bin");
    }

    static GateRequest cleanGate() {
        return GateRequest.of(List.of()).withReports(List.of(findings("")));
    }

    static GateRequest failingGate() {
        return GateRequest.of(List.of()).withReports(List.of(findings(
                "{\"ruleId\": \"r1\", \"severity\": \"critical\", \"fingerprint\": \"one\", \"title\": \"rce\"}")));
    }

    static GateRequest crashedScanner() {
        return GateRequest.of(List.of()).withReports(List.of(ReportSource.ofBytes("zap.json", null,
                ("{\"format\": \"secure-deploy-findings\", \"version\": 1, \"results\": [{\"tool\": \"zap\", "
                        + "\"status\": \"ERROR\", \"findings\": [], \"problems\": [{\"code\": \"zap.crash\", "
                        + "\"message\": \"zap exited 139\"}]}]}").getBytes(StandardCharsets.UTF_8))));
    }

    private static ReportSource findings(String body) {
        return ReportSource.ofBytes("scan.json", null, ("{\"format\": \"secure-deploy-findings\", \"version\": 1, "
                + "\"results\": [{\"tool\": \"mytool\", \"findings\": [" + body + "]}]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    static BuildContext context() {
        return new BuildContext("app", "42", "", "", "https://ci.example/secure-deploy", CLOCK.instant());
    }

    DeploymentRequest request(Environment env, GateRequest gate, DeploymentBody body, List<Exchange> exchanges) {
        return new DeploymentRequest("carol", DeploymentKind.DEPLOY, env, artifact(), Optional.empty(),
                env.requires(), List.of(), gate, context(), exchanges, body, history());
    }

    static List<String> texts(DeploymentState s) {
        List<String> out = new ArrayList<>();
        s.results().forEach(r -> out.add(r.describe()));
        out.addAll(s.issued());
        return out;
    }
}
