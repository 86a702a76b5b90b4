/**
 * Signing and verification. The contract every verifier family implements ({@link
 * io.jenkins.plugins.securedeploy.engine.sign.Verifier}), its inputs ({@link
 * io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest}: evidence, streamed artifact, trust material,
 * {@link io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy} — strict by default) and its value result
 * ({@link io.jenkins.plugins.securedeploy.engine.sign.VerificationResult}: VERIFIED / FAILED / ERROR with reasons).
 * Families live in sub-packages, one each, and never import a sibling; Bouncy Castle stays under {@code sign..}.
 */
package io.jenkins.plugins.securedeploy.engine.sign;
