/**
 * The built-in container and Kubernetes hardening scanner: parses Dockerfiles ({@link
 * io.jenkins.plugins.securedeploy.engine.scan.container.DockerfileParser}: multi-stage, ARG-substituted FROM,
 * heredocs, line continuations, the escape directive) and Kubernetes manifests ({@link
 * io.jenkins.plugins.securedeploy.engine.scan.container.ManifestParser}: multi-document YAML, Helm output rendered
 * beforehand) into a model ({@link io.jenkins.plugins.securedeploy.engine.scan.container.ContainerModel}) that
 * rules written in CEL read. The rules are not Java: they are a rule file evaluated through the {@link
 * io.jenkins.plugins.securedeploy.engine.scan.container.ContainerRules} port (implemented by {@code policy.rules}),
 * so users can read, copy and change them (docs/hardening.md).
 */
package io.jenkins.plugins.securedeploy.engine.scan.container;
