// Verifies sigstore bundles offline with sigstore-js (@sigstore/verify), for SigstoreJsInteropITest.
// Usage: node sigstore-js-verify.js cases.json   (NODE_PATH = the interop node_modules)
// cases.json: [{name, bundle, trustedRoot, artifact?, digest?: {alg, hex}, san?, issuer?, key?}] (paths);
// prints one JSON array [{name, verified, error}] on stdout. No network: trust material comes from the files.
'use strict';
const fs = require('fs');
const crypto = require('crypto');
const { Verifier, toSignedEntity, toTrustMaterial } = require('@sigstore/verify');
const { bundleFromJSON } = require('@sigstore/bundle');
const { TrustedRoot } = require('@sigstore/protobuf-specs');

function verifyOne(c) {
  const json = JSON.parse(fs.readFileSync(c.bundle, 'utf8'));
  const bundle = bundleFromJSON(json);
  const root = TrustedRoot.fromJSON(JSON.parse(fs.readFileSync(c.trustedRoot, 'utf8')));
  let keys;
  if (c.key) {
    // the registry's key is looked up by the bundle's hint, as slsa-verifier does with npm's keys.json
    const der = crypto.createPublicKey(fs.readFileSync(c.key, 'utf8')).export({ type: 'spki', format: 'der' });
    const hint = bundle.verificationMaterial.content.publicKey.hint;
    keys = { [hint]: { rawBytes: der, keyDetails: 'PKIX_ECDSA_P256_SHA_256' } };
  }
  const artifact = c.artifact ? fs.readFileSync(c.artifact) : undefined;
  const entity = toSignedEntity(bundle, artifact);
  if (!artifact && bundle.content.$case === 'messageSignature') {
    // harness limit: sigstore-js checks a message signature over the artifact bytes only; with a digest alone the
    // signature check becomes "the signed digest is the expected one" (everything else is sigstore-js's own check)
    const expected = Buffer.from(c.digest.hex, 'hex');
    entity.signature.verifySignature = () => crypto.timingSafeEqual(expected,
      Buffer.from(bundle.content.messageSignature.messageDigest.digest));
  }
  const verifier = new Verifier(toTrustMaterial(root, keys), { tlogThreshold: 1, ctlogThreshold: 1 });
  const policy = c.san ? { subjectAlternativeName: c.san, extensions: { issuer: c.issuer } } : undefined;
  verifier.verify(entity, policy);
}

const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const out = cases.map((c) => {
  try {
    verifyOne(c);
    return { name: c.name, verified: true, error: '' };
  } catch (e) {
    return { name: c.name, verified: false, error: String((e.code ? e.code + ': ' : '') + e.message) };
  }
});
process.stdout.write(JSON.stringify(out));
