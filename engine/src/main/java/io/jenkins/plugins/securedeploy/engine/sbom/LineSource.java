package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The lines of a bounded UTF-8 text file (lockfiles are small; the JSON document limit applies). */
final class LineSource {
    private LineSource() {}

    static List<String> lines(InputStream in) throws IOException {
        byte[] content = Json.strict().bounded(in).readAllBytes();
        return new String(content, StandardCharsets.UTF_8).lines().toList();
    }

    /** PEP 503 normal form of a Python project name. */
    static String pythonName(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
