package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceRef;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelope;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelopeWriter;
import io.jenkins.plugins.securedeploy.engine.sign.Pae;
import io.jenkins.plugins.securedeploy.engine.sign.Signer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Seals and records one deployment's evidence bundle (the service the deployment flow calls in its "record evidence"
 * phase, and {@code secure-deploy bundle create}): masks every unsigned file with the build's secrets; refuses — never
 * masks — a signed or hash-chained file (attestation, signed approval, audit excerpt, trust material) or a manifest
 * that holds a secret, since masking would break it; adds the signer's public key as
 * {@value #SIGNER_KEY}; writes {@code manifest.json} (canonical JSON listing every file's role, media type, size
 * and SHA-256) and signs it into {@code manifest.dsse.json}; then stores the directory and the reproducible archive
 * through the host's {@link io.jenkins.plugins.securedeploy.engine.host.EvidenceStore}. Content is only ever the
 * bytes the caller handed over.
 */
public final class BundleWriter {
    /** The signer's public key, added to every bundle so a verifier can pin it by id. */
    public static final String SIGNER_KEY = "trust/manifest-signer.pem";

    private final Signer signer;
    private final SecretMasker masker;

    public BundleWriter(Signer signer, SecretMasker masker) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.masker = Objects.requireNonNull(masker, "masker");
    }

    /** Seals and stores the bundle; see {@link BundleTarget#in} for the usual layout. */
    public WrittenBundle write(EvidenceBundle bundle, BundleTarget target) {
        return store(seal(bundle), target);
    }

    /** Masks, lists, signs: the bundle as a value, ready for {@link #store}. */
    public SealedBundle seal(EvidenceBundle bundle) {
        List<BundleEntry> entries = new ArrayList<>();
        List<String> masked = new ArrayList<>();
        for (BundleEntry e : bundle.entries()) {
            if (e.path().equalsIgnoreCase(SIGNER_KEY)) {
                throw new IllegalArgumentException(SIGNER_KEY + " is written by the bundle writer itself");
            }
            byte[] content = e.bytes();
            byte[] result = masker.mask(content);
            if (result == content) {
                entries.add(e);
            } else if (mustNotChange(e)) {
                throw new SecurityViolationException(e.path() + " contains a secret value; it is " + (e.role()
                        == BundleRole.AUDIT ? "hash-chained" : "signed") + ", so masking would break it, and the "
                        + "bundle is not written (the value itself is not shown)");
            } else {
                masked.add(e.path());
                entries.add(e.withContent(result));
            }
        }
        entries.add(new BundleEntry(SIGNER_KEY, BundleRole.TRUST, MediaTypes.PEM, Optional.of(TrustKind.PUBLIC_KEY),
                signer.publicKeyPem().getBytes(StandardCharsets.US_ASCII)));
        entries.sort(Comparator.comparing(BundleEntry::path));
        List<BundleManifest.File> files = new ArrayList<>();
        for (BundleEntry e : entries) {
            files.add(new BundleManifest.File(e.path(), e.role(), e.mediaType(), e.bytes().length,
                    Hashing.sha256(e.bytes()), e.trust()));
        }
        BundleManifest manifest = new BundleManifest(bundle.deploymentId(), bundle.environment(), bundle.artifact(),
                bundle.createdAt(), files, bundle.identities());
        byte[] json = manifest.toCanonicalJson();
        if (masker.mask(json) != json) {
            throw new SecurityViolationException("the bundle manifest would contain a secret value (in the deployment "
                    + "id, environment, artifact name or a file name); the bundle is not written");
        }
        DsseEnvelope envelope = new DsseEnvelope(MediaTypes.MANIFEST, json, List.of(new DsseEnvelope.Signature(
                signer.keyId(), signer.sign(Pae.encode(MediaTypes.MANIFEST, json)))));
        return new SealedBundle(manifest, json, new DsseEnvelopeWriter().write(envelope), entries, signer.keyId(),
                masked);
    }

    /** Stores a sealed bundle's files (manifest files first) and, when the target names one, its archive. */
    public static WrittenBundle store(SealedBundle sealed, BundleTarget target) {
        List<EvidenceRef> refs = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : sealed.filesView().entrySet()) {
            refs.add(put(target.directory(), target.nameOf(f.getKey()), mediaType(sealed, f.getKey()), f.getValue()));
        }
        Optional<EvidenceRef> archive = target.archive().map(store -> put(store, target.archiveName(),
                MediaTypes.TAR_GZIP, sealed.archive()));
        return new WrittenBundle(sealed.manifest(), sealed.manifestDigest(), sealed.signerKeyId(), refs, archive,
                sealed.masked());
    }

    private static String mediaType(SealedBundle sealed, String path) {
        if (path.equals(BundlePaths.MANIFEST)) {
            return MediaTypes.JSON;
        }
        if (path.equals(BundlePaths.MANIFEST_DSSE)) {
            return MediaTypes.DSSE;
        }
        return sealed.manifest().file(path).orElseThrow().mediaType();
    }

    private static EvidenceRef put(io.jenkins.plugins.securedeploy.engine.host.EvidenceStore store, String name,
            String mediaType, byte[] content) {
        try {
            return store.store(name, mediaType, content);
        } catch (IOException e) {
            throw new EnvironmentException("cannot store evidence bundle file " + name + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** Signed (its signature covers the bytes) or chained (its hashes do): a secret in it cannot be masked. */
    static boolean mustNotChange(BundleEntry e) {
        return e.role() == BundleRole.ATTESTATION || e.role() == BundleRole.AUDIT || e.role() == BundleRole.TRUST
                || MediaTypes.isSigned(e.mediaType());
    }
}
