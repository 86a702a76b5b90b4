/**
 * The evidence bundle: one deployment's evidence (gate report, SBOMs, signed attestations, masked scan reports, the
 * audit excerpt, the approval, credential revocation records and the trust material to check them) in one directory
 * and one reproducible {@code .tar.gz}, listed by a signed manifest ({@link
 * io.jenkins.plugins.securedeploy.engine.bundle.BundleWriter}), and verified fully offline against a key the
 * verifier's user pins ({@link io.jenkins.plugins.securedeploy.engine.bundle.BundleVerifier}). Only hosts and the
 * deployment flow depend on this package.
 */
package io.jenkins.plugins.securedeploy.engine.bundle;
