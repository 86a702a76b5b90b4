/**
 * Secret masking: {@link io.jenkins.plugins.securedeploy.engine.mask.EncodedForms} lists every form of a secret to
 * hide, {@link io.jenkins.plugins.securedeploy.engine.mask.SecretMasker} finds all of them in one pass over bytes
 * (Aho-Corasick with a Wu-Manber skip), {@link io.jenkins.plugins.securedeploy.engine.mask.MaskingOutputStream} keeps
 * masking correct across arbitrary write boundaries, {@link io.jenkins.plugins.securedeploy.engine.mask.FileMasker}
 * rewrites files before they are archived. Depends on {@code core} only.
 */
package io.jenkins.plugins.securedeploy.engine.mask;
