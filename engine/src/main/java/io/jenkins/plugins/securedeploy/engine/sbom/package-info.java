/**
 * Software bills of materials: generate CycloneDX 1.6 (1.5 on request) from lockfiles and build artifacts
 * ({@link io.jenkins.plugins.securedeploy.engine.sbom.SbomGenerator}), ingest and validate SBOMs made by other tools
 * — CycloneDX JSON/XML 1.4–1.7, SPDX 2.3 JSON and tag-value
 * ({@link io.jenkins.plugins.securedeploy.engine.sbom.SbomIngest}) — and summarise them for evidence, gate reports
 * and the policy package ({@link io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary#components()}).
 * cyclonedx-core-java is used only here (ArchUnit); Jackson only in the *Reader/*Parser/*Writer classes.
 */
package io.jenkins.plugins.securedeploy.engine.sbom;
