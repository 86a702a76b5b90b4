package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SPDX 2.3 tag-value: a streaming line parser ({@code Tag: value}, multi-line values in {@code <text>...</text>})
 * that checks the required fields of the document (SPDXVersion, DataLicense, SPDXID, DocumentName,
 * DocumentNamespace, Creator, Created), of each package (SPDXID, PackageDownloadLocation) and file (SPDXID,
 * FileChecksum), plus the checks of {@link SpdxSemantics}. Locations are lines.
 */
final class SpdxTagValueParser {
    private static final List<String> DOCUMENT_REQUIRED = List.of("SPDXVersion", "DataLicense", "SPDXID",
            "DocumentName", "DocumentNamespace", "Creator", "Created");

    private static final class Section {
        final String kind;
        final int line;
        final Map<String, String> fields = new HashMap<>();
        final List<String[]> checksums = new ArrayList<>();
        final List<String> licenses = new ArrayList<>();
        String purl = "";

        Section(String kind, int line) {
            this.kind = kind;
            this.line = line;
        }
    }

    ValidationReport validate(SbomSource source, Digest sha256) throws IOException {
        String file = source.name();
        List<Problem> problems = new ArrayList<>();
        SpdxSemantics semantics = new SpdxSemantics(file, problems);
        Section document = new Section("document", 1);
        Section current = document;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                io.jenkins.plugins.securedeploy.engine.json.Json.strict().bounded(source.open()),
                StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    problems.add(Problem.of("spdx.tv.line", "expected Tag: value", Location.of(file, number, 1)));
                    continue;
                }
                String tag = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                int start = number;
                if (value.startsWith("<text>")) {
                    StringBuilder text = new StringBuilder(value.substring(6));
                    while (!text.toString().contains("</text>")) {
                        String next = r.readLine();
                        if (next == null) {
                            problems.add(Problem.of("spdx.tv.text", "<text> is never closed",
                                    Location.of(file, start, 0)));
                            break;
                        }
                        number++;
                        text.append('\n').append(next);
                    }
                    int end = text.indexOf("</text>");
                    value = end >= 0 ? text.substring(0, end) : text.toString();
                }
                switch (tag) {
                    case "PackageName" -> {
                        finish(current, semantics, problems, file);
                        current = new Section("package", start);
                    }
                    case "FileName" -> {
                        finish(current, semantics, problems, file);
                        current = new Section("file", start);
                    }
                    case "SnippetSPDXID" -> {
                        finish(current, semantics, problems, file);
                        current = new Section("snippet", start);
                        semantics.element(value, "SnippetSPDXID", start);
                    }
                    case "Relationship" -> {
                        String[] parts = value.split("\\s+");
                        if (parts.length < 3) {
                            problems.add(Problem.of("spdx.tv.relationship", "expected: Relationship: A TYPE B",
                                    Location.of(file, start, 0)));
                        } else {
                            semantics.reference(parts[0], "Relationship", start);
                            semantics.reference(parts[2], "Relationship", start);
                            if ("DESCRIBES".equals(parts[1])) {
                                semantics.describes(parts[2]);
                            }
                        }
                        continue;
                    }
                    case "ExternalRef" -> {
                        String[] parts = value.split("\\s+");
                        if (parts.length >= 3 && "purl".equals(parts[1])) {
                            current.purl = parts[2];
                            semantics.purl(parts[2], "ExternalRef", start);
                        }
                        continue;
                    }
                    case "PackageChecksum", "FileChecksum" -> {
                        int c = value.indexOf(':');
                        if (c > 0) {
                            current.checksums.add(new String[] {value.substring(0, c).strip(),
                                value.substring(c + 1).strip()});
                        }
                    }
                    case "PackageLicenseConcluded", "PackageLicenseDeclared" -> {
                        Optional<String> license = SpdxSemantics.license(value);
                        if (license.isPresent() && !current.licenses.contains(license.get())) {
                            current.licenses.add(license.get());
                        }
                    }
                    default -> { }
                }
                if ("SPDXID".equals(tag) && current != document) {
                    semantics.element(value, "SPDXID", start);
                }
                current.fields.putIfAbsent(tag, value);
                current.fields.putIfAbsent("#line:" + tag, String.valueOf(start));
            }
        }
        finish(current, semantics, problems, file);
        for (String tag : DOCUMENT_REQUIRED) {
            if (!document.fields.containsKey(tag)) {
                problems.add(Problem.of("spdx.tv.required", "document is missing required tag " + tag,
                        Location.of(file, 1, 0)));
            }
        }
        String version = document.fields.getOrDefault("SPDXVersion", "");
        if (document.fields.containsKey("SPDXVersion") && !"SPDX-2.3".equals(version)) {
            problems.add(Problem.of("spdx.version.unsupported", "SPDXVersion must be SPDX-2.3", Location.of(file,
                    Integer.parseInt(document.fields.get("#line:SPDXVersion")), 0)));
        }
        semantics.finish(document.fields.getOrDefault("SPDXID", "SPDXRef-DOCUMENT"));
        SbomSummary summary = new SbomSummary(file, SbomFormat.SPDX_TAG_VALUE, version,
                document.fields.getOrDefault("DocumentNamespace", ""), sha256, semantics.artifacts(),
                semantics.components());
        return new ValidationReport(file, SbomFormat.SPDX_TAG_VALUE, version, problems, Optional.of(summary));
    }

    private static void finish(Section s, SpdxSemantics semantics, List<Problem> problems, String file) {
        List<String> required = switch (s.kind) {
            case "package" -> List.of("SPDXID", "PackageDownloadLocation");
            case "file" -> List.of("SPDXID", "FileChecksum");
            default -> List.of();
        };
        for (String tag : required) {
            if (!s.fields.containsKey(tag)) {
                problems.add(Problem.of("spdx.tv.required", s.kind + " is missing required tag " + tag,
                        Location.of(file, s.line, 0)));
            }
        }
        if ("package".equals(s.kind)) {
            semantics.pkg(s.fields.getOrDefault("SPDXID", ""), s.fields.getOrDefault("PackageName", ""),
                    s.fields.getOrDefault("PackageVersion", ""), s.purl, s.licenses, s.checksums);
        } else if ("file".equals(s.kind)) {
            semantics.file(s.fields.getOrDefault("FileName", ""), s.checksums);
        }
    }
}
