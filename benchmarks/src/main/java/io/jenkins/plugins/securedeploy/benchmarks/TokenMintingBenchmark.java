package io.jenkins.plugins.securedeploy.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.securedeploy.engine.credentials.IdToken;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.AudienceRule;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.BuildClaims;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.ClaimTemplate;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IdTokenIssuer;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerKeys;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerSettings;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.KeyRotation;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.RotationPolicy;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.SigningAlgorithm;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.TokenRequest;
import io.jenkins.plugins.securedeploy.engine.sign.keys.Es256JwsSigner;
import java.security.Security;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ES256 ID tokens on one thread (tokens/s/core): the issuer's whole path (allow-list and template checks, build
 * claims, jti, sign, serialize) against nimbus signing an equivalent claims set with a cached signer on the JDK's
 * SunEC ({@code baselineNimbusSign}, the issue's baseline). {@code issueToken} is the default issuer (ES256 through
 * {@code Es256JwsSigner}: Bouncy Castle's ECDSA directly, RFC 6979 nonces); {@code issueTokenSunEc} the issuer as it
 * was before (nimbus over SunEC, what a host gets by passing the SunEC provider); {@code issueTokenBc} through Bouncy
 * Castle's JCA provider; {@code nimbusSignFast} nimbus signing alone with the fast signer (the new ceiling).
 * Target: issuer ≥ 5,000 tokens/s/core. {@link TokenMintingCpuRate} times the same methods in CPU time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class TokenMintingBenchmark {
    private IdTokenIssuer issuer;
    private IdTokenIssuer issuerBc;
    private IdTokenIssuer issuerSunEc;
    private Es256JwsSigner fastSigner;
    private TokenRequest request;
    private ECDSASigner signer;
    private ECDSASigner signerBc;
    private JWSHeader header;

    @Setup
    public void setUp() throws JOSEException {
        IssuerKeys keys = KeyRotation.rotate(IssuerKeys.empty(), RotationPolicy.defaults(), SigningAlgorithm.ES256,
                Instant.now()).keys();
        IssuerSettings settings = IssuerSettings.of("https://jenkins.example.com/oidc", List.of(
                AudienceRule.of("https://vault.example.com"), AudienceRule.of("sts.amazonaws.com"),
                new AudienceRule("api://AzureADTokenExchange", List.of("folder/*"))),
                List.of(new ClaimTemplate("deploy_target", List.of("eu-*"))));
        issuer = new IdTokenIssuer(settings, () -> keys, Clock.systemUTC());
        BouncyCastleProvider bc = new BouncyCastleProvider();
        issuerBc = new IdTokenIssuer(settings, () -> keys, Clock.systemUTC(), bc);
        issuerSunEc = new IdTokenIssuer(settings, () -> keys, Clock.systemUTC(), Security.getProvider("SunEC"));
        request = TokenRequest.of(new BuildClaims("folder/app", "42", "main",
                "0123456789abcdef0123456789abcdef01234567", "push", "production",
                "https://jenkins.example.com/job/folder/job/app/42/"), "sts.amazonaws.com");
        ECKey key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        signer = new ECDSASigner(key);
        signerBc = new ECDSASigner(key);
        signerBc.getJCAContext().setProvider(bc);
        fastSigner = Es256JwsSigner.of(key);
        header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
    }

    @Benchmark
    public IdToken issueToken() {
        return issuer.issue(request);
    }

    /** The issuer as it was before: nimbus' ECDSASigner over the JDK's SunEC. */
    @Benchmark
    public IdToken issueTokenSunEc() {
        return issuerSunEc.issue(request);
    }

    /** The issuer signing through Bouncy Castle's JCA provider (what Jenkins' bouncycastle-api makes available). */
    @Benchmark
    public IdToken issueTokenBc() {
        return issuerBc.issue(request);
    }

    @Benchmark
    public String baselineNimbusSign() throws JOSEException {
        return sign(signer);
    }

    @Benchmark
    public String baselineNimbusSignBc() throws JOSEException {
        return sign(signerBc);
    }

    /** Nimbus signing alone with the issuer's signer: the ceiling for {@code issueToken}. */
    @Benchmark
    public String nimbusSignFast() throws JOSEException {
        return sign(fastSigner);
    }

    private String sign(JWSSigner with) throws JOSEException {
        Date now = new Date();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://jenkins.example.com/oidc")
                .subject("job:folder/app:ref:main").audience("sts.amazonaws.com").issueTime(now).notBeforeTime(now)
                .expirationTime(new Date(now.getTime() + 300_000)).jwtID(UUID.randomUUID().toString())
                .claim("job", "folder/app").claim("build_number", "42").claim("branch", "main")
                .claim("commit", "0123456789abcdef0123456789abcdef01234567").claim("trigger", "push")
                .claim("environment", "production")
                .claim("run_url", "https://jenkins.example.com/job/folder/job/app/42/").build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(with);
        return jwt.serialize();
    }
}
