package io.jenkins.plugins.securedeploy.engine.policy.rules;

/** The package a finding is about; all empty strings when it is about none ({@code finding.pkg.name == ""}). */
public record PackageView(String name, String version, String fixedVersion, String purl) {
    public static final PackageView NONE = new PackageView("", "", "", "");

    public PackageView {
        name = name == null ? "" : name;
        version = version == null ? "" : version;
        fixedVersion = fixedVersion == null ? "" : fixedVersion;
        purl = purl == null ? "" : purl;
    }
}
