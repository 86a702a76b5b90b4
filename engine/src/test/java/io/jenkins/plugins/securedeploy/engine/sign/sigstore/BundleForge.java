package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test support: forges a complete keyless sigstore bundle (v0.3, message signature, hashedrekord 0.0.1 entry with SET,
 * inclusion proof and signed checkpoint; Fulcio-style leaf with SAN, OIDC issuer extensions, code-signing EKU and an
 * embedded SCT) together with the trusted root that verifies it, from fresh keys. Knobs change one fact at a time
 * (the signing time, the SCT), so attacks that need a signed-but-wrong fact (a certificate expired at signing time)
 * can be built; sigstore-js checks the forged bundles too, so the forge itself is checked by an independent verifier.
 */
final class BundleForge {
    static final Instant NOT_BEFORE = Instant.parse("2025-03-01T10:00:00Z");
    static final String SAN = "forge@example.com";
    static final String ISSUER = "https://issuer.forge.example";
    private static final ObjectMapper JSON = Json.strict().mapper();

    private final KeyPair ca = ecKey();
    private final KeyPair leaf = ecKey();
    private final KeyPair rekor = ecKey();
    private final KeyPair ct = ecKey();
    private Instant integratedTime = NOT_BEFORE.plusSeconds(60);
    private boolean sct = true;
    private final byte[] artifact = "a forged artifact\n".getBytes(StandardCharsets.UTF_8);

    /** A forged bundle, the trusted root that verifies it, and its artifact. */
    record Forged(EvidenceFile bundle, EvidenceFile trustedRoot, EvidenceFile artifact) {}

    BundleForge signedAt(Instant time) {
        this.integratedTime = time;
        return this;
    }

    BundleForge withoutSct() {
        this.sct = false;
        return this;
    }

    Forged forge(String name) {
        try {
            X509Certificate caCert = caCertificate();
            X509Certificate leafCert = leafCertificate(caCert);
            byte[] signature = sign(leaf.getPrivate(), artifact);
            byte[] digest = Hashing.sha256(artifact).bytes();
            ObjectNode body = JSON.createObjectNode().put("apiVersion", "0.0.1").put("kind", "hashedrekord");
            ObjectNode spec = body.putObject("spec");
            spec.putObject("data").putObject("hash").put("algorithm", "sha256").put("value",
                    HexFormat.of().formatHex(digest));
            ObjectNode sig = spec.putObject("signature").put("content", b64(signature));
            sig.putObject("publicKey").put("content", b64(pem(leafCert.getEncoded()).getBytes(StandardCharsets.US_ASCII)));
            byte[] canonicalBody = JSON.writeValueAsBytes(body);
            byte[] logId = Hashing.sha256(rekor.getPublic().getEncoded()).bytes();
            long logIndex = 7;
            String set = "{\"body\":\"" + b64(canonicalBody) + "\",\"integratedTime\":" + integratedTime.getEpochSecond()
                    + ",\"logID\":\"" + HexFormat.of().formatHex(logId) + "\",\"logIndex\":" + logIndex + "}";
            byte[] leafHash = node((byte) 0, canonicalBody, new byte[0]);
            byte[] sibling = node((byte) 0, "another entry".getBytes(StandardCharsets.UTF_8), new byte[0]);
            byte[] root = node((byte) 1, leafHash, sibling);
            String note = "forge.example - 42\n2\n" + b64(root) + "\n";
            byte[] noteSig = sign(rekor.getPrivate(), note.getBytes(StandardCharsets.UTF_8));
            String checkpoint = note + "\n\u2014 forge.example " + b64(concat(Arrays.copyOf(logId, 4), noteSig)) + "\n";

            ObjectNode bundle = JSON.createObjectNode().put("mediaType", "application/vnd.dev.sigstore.bundle.v0.3+json");
            ObjectNode vm = bundle.putObject("verificationMaterial");
            vm.putObject("certificate").put("rawBytes", b64(leafCert.getEncoded()));
            ObjectNode entry = vm.putArray("tlogEntries").addObject();
            entry.put("logIndex", String.valueOf(logIndex));
            entry.putObject("logId").put("keyId", b64(logId));
            entry.putObject("kindVersion").put("kind", "hashedrekord").put("version", "0.0.1");
            entry.put("integratedTime", String.valueOf(integratedTime.getEpochSecond()));
            entry.putObject("inclusionPromise").put("signedEntryTimestamp",
                    b64(sign(rekor.getPrivate(), set.getBytes(StandardCharsets.UTF_8))));
            ObjectNode proof = entry.putObject("inclusionProof").put("logIndex", "0").put("rootHash", b64(root))
                    .put("treeSize", "2");
            proof.putArray("hashes").add(b64(sibling));
            proof.putObject("checkpoint").put("envelope", checkpoint);
            entry.put("canonicalizedBody", b64(canonicalBody));
            ObjectNode ms = bundle.putObject("messageSignature");
            ms.putObject("messageDigest").put("algorithm", "SHA2_256").put("digest", b64(digest));
            ms.put("signature", b64(signature));
            return new Forged(new EvidenceFile(name, JSON.writeValueAsBytes(bundle)),
                    new EvidenceFile("forged_trusted_root.json", JSON.writeValueAsBytes(trustedRoot(caCert, logId))),
                    new EvidenceFile("forged-artifact.txt", artifact));
        } catch (Exception e) {
            throw new IllegalStateException("cannot forge a bundle", e);
        }
    }

    private ObjectNode trustedRoot(X509Certificate caCert, byte[] logId) throws Exception {
        ObjectNode root = JSON.createObjectNode().put("mediaType", "application/vnd.dev.sigstore.trustedroot+json;version=0.1");
        log(root.putArray("tlogs").addObject(), "https://forge.example", rekor, logId);
        ObjectNode ca = root.putArray("certificateAuthorities").addObject();
        ca.putObject("subject").put("organization", "forge").put("commonName", "forge");
        ca.put("uri", "https://ca.forge.example");
        ca.putObject("certChain").putArray("certificates").addObject().put("rawBytes", b64(caCert.getEncoded()));
        ca.putObject("validFor").put("start", "2020-01-01T00:00:00Z");
        log(root.putArray("ctlogs").addObject(), "https://ct.forge.example", ct,
                Hashing.sha256(ct.getPublic().getEncoded()).bytes());
        root.putArray("timestampAuthorities");
        return root;
    }

    private static void log(ObjectNode log, String url, KeyPair key, byte[] logId) {
        log.put("baseUrl", url).put("hashAlgorithm", "SHA2_256");
        ObjectNode pk = log.putObject("publicKey").put("rawBytes", b64(key.getPublic().getEncoded()))
                .put("keyDetails", "PKIX_ECDSA_P256_SHA_256");
        pk.putObject("validFor").put("start", "2020-01-01T00:00:00Z");
        log.putObject("logId").put("keyId", b64(logId));
    }

    private X509Certificate caCertificate() throws Exception {
        X500Name name = new X500Name("O=forge,CN=forge-root");
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(Instant.parse("2020-01-01T00:00:00Z")), Date.from(Instant.parse("2040-01-01T00:00:00Z")),
                name, ca.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new JcaX509CertificateConverter().getCertificate(b.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
    }

    private X509Certificate leafCertificate(X509Certificate caCert) throws Exception {
        X509Certificate precert = leafBuilder(caCert, null);
        if (!sct) {
            return precert;
        }
        return leafBuilder(caCert, sctList(precert.getTBSCertificate(), caCert));
    }

    private X509Certificate leafBuilder(X509Certificate caCert, byte[] sctList) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, BigInteger.valueOf(4242),
                Date.from(NOT_BEFORE), Date.from(NOT_BEFORE.plusSeconds(600)), new X500Name(new org.bouncycastle.asn1.x500.RDN[0]),
                leaf.getPublic());
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
        b.addExtension(Extension.subjectAlternativeName, true, new GeneralNames(new GeneralName(GeneralName.rfc822Name, SAN)));
        b.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier(FulcioIdentity.OID_ISSUER_LEGACY), false,
                ISSUER.getBytes(StandardCharsets.UTF_8));
        b.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier(FulcioIdentity.OID_ISSUER), false,
                new DERUTF8String(ISSUER));
        if (sctList != null) {
            b.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier(SctCheck.OID_SCT_LIST), false,
                    new DEROctetString(sctList));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
    }

    private byte[] sctList(byte[] tbs, X509Certificate caCert) throws GeneralSecurityException {
        long timestamp = NOT_BEFORE.plusSeconds(1).toEpochMilli();
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.write(0);
        signed.write(0);
        signed.writeBytes(ByteBuffer.allocate(8).putLong(timestamp).array());
        signed.write(0);
        signed.write(1);
        signed.writeBytes(Hashing.sha256(caCert.getPublicKey().getEncoded()).bytes());
        signed.write((tbs.length >>> 16) & 0xff);
        signed.write((tbs.length >>> 8) & 0xff);
        signed.write(tbs.length & 0xff);
        signed.writeBytes(tbs);
        signed.write(0);
        signed.write(0);
        byte[] sig = sign(ct.getPrivate(), signed.toByteArray());
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        one.write(0);
        one.writeBytes(Hashing.sha256(ct.getPublic().getEncoded()).bytes());
        one.writeBytes(ByteBuffer.allocate(8).putLong(timestamp).array());
        one.write(0);
        one.write(0);
        one.write(4);
        one.write(3);
        one.write(sig.length >>> 8);
        one.write(sig.length & 0xff);
        one.writeBytes(sig);
        byte[] sct1 = one.toByteArray();
        ByteBuffer list = ByteBuffer.allocate(4 + sct1.length);
        list.putShort((short) (sct1.length + 2)).putShort((short) sct1.length).put(sct1);
        return list.array();
    }

    static KeyPair ecKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no P-256", e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] node(byte prefix, byte[] left, byte[] right) {
        return Hashing.sha256(concat(new byte[] {prefix}, concat(left, right))).bytes();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
