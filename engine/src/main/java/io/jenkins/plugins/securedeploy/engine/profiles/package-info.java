/**
 * Named credential profiles: what an admin configures once (provider, role, region, Vault path, ...) and a
 * Jenkinsfile names ({@code withShortLivedCredentials(profile: 'aws-prod')}), mapped onto the provider settings of
 * {@code engine.credentials.<provider>}. The only package that lists every provider, as {@code sign.registry} lists
 * every verifier family; the providers never import it. Settings arrive as {@code key=value} text (a form text box,
 * a JCasC string) and every problem names the profile, the key and the line.
 */
package io.jenkins.plugins.securedeploy.engine.profiles;
