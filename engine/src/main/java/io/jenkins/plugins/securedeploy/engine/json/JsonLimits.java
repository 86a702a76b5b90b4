package io.jenkins.plugins.securedeploy.engine.json;

/**
 * Limits every parse applies. Defaults are generous for real reports and stop hostile ones: 64 MiB per string,
 * nesting 500 deep, 1000-digit numbers, 1 GiB per document.
 */
public record JsonLimits(int maxStringLength, int maxNestingDepth, int maxNumberLength, long maxDocumentBytes) {
    public static final JsonLimits DEFAULT = new JsonLimits(64 * 1024 * 1024, 500, 1000, 1024L * 1024 * 1024);

    public JsonLimits {
        if (maxStringLength <= 0 || maxNestingDepth <= 0 || maxNumberLength <= 0 || maxDocumentBytes <= 0) {
            throw new IllegalArgumentException("JSON limits must be positive");
        }
    }
}
