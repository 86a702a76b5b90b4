/**
 * The built-in secret scanner: no external tool. {@link io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretScanner}
 * walks a {@link io.jenkins.plugins.securedeploy.engine.host.Workspace}, prefilters every line with one keyword
 * automaton over all rule keywords, confirms candidates with the rule's regular expression only near keyword hits,
 * and reports {@link io.jenkins.plugins.securedeploy.engine.scan.Finding}s that carry a redacted preview and a
 * fingerprint (a hash) — never the secret itself.
 */
package io.jenkins.plugins.securedeploy.engine.scan.secrets;
