/**
 * Ports: what the engine needs from its host (Jenkins, the CLI, tests). Time comes from {@link java.time.Clock},
 * injected wherever a service reads it, so tests use a fixed clock.
 */
package io.jenkins.plugins.securedeploy.engine.host;
