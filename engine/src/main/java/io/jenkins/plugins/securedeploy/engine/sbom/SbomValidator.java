package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates an SBOM of any supported format and reports every problem with its location: CycloneDX JSON and XML
 * 1.4–1.7 (schema + semantic checks), SPDX 2.3 JSON (official schema + semantic checks) and SPDX tag-value
 * (required fields + semantic checks). The format is recognised from the content. A document that cannot be
 * parsed at all is a report with that one located problem; I/O failures are {@link EnvironmentException}s.
 */
public final class SbomValidator {
    private static final int SNIFF_BYTES = 64 * 1024;

    public ValidationReport validate(SbomSource source) {
        try {
            Digest sha256;
            try (InputStream in = source.open()) {
                sha256 = Hashing.stream(in, Set.of(DigestAlgorithm.SHA256)).sha256();
            }
            Optional<SbomFormat> format = detect(source);
            if (format.isEmpty()) {
                return new ValidationReport(source.name(), null, "", List.of(Problem.of("sbom.format-unknown",
                        "not a CycloneDX (JSON/XML 1.4-1.7) or SPDX 2.3 (JSON/tag-value) document",
                        Location.ofFile(source.name()))), Optional.empty());
            }
            try {
                return switch (format.get()) {
                    case CYCLONEDX_JSON -> new CycloneDxJsonReader().validate(source, sha256);
                    case CYCLONEDX_XML -> new CycloneDxXmlReader().validate(source, sha256);
                    case SPDX_JSON -> new SpdxJsonReader().validate(source, sha256);
                    case SPDX_TAG_VALUE -> new SpdxTagValueParser().validate(source, sha256);
                };
            } catch (InvalidInputException e) {
                return new ValidationReport(source.name(), format.get(), "", e.problems(), Optional.empty());
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return new ValidationReport(source.name(), null, "", List.of(Problem.of("file.missing",
                    "file does not exist", Location.ofFile(source.name()))), Optional.empty());
        } catch (IOException e) {
            throw new EnvironmentException("cannot read " + source.name() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Recognises the format from the first 64 KiB. */
    static Optional<SbomFormat> detect(SbomSource source) throws IOException {
        String head;
        try (InputStream in = source.open()) {
            head = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
        }
        String start = head.startsWith("\uFEFF") ? head.substring(1).stripLeading() : head.stripLeading();
        if (start.startsWith("{")) {
            if (head.contains("\"spdxVersion\"") || head.contains("\"SPDXID\"")) {
                return Optional.of(SbomFormat.SPDX_JSON);
            }
            return Optional.of(SbomFormat.CYCLONEDX_JSON);
        }
        if (start.startsWith("<")) {
            return head.contains("cyclonedx.org/schema/bom") ? Optional.of(SbomFormat.CYCLONEDX_XML)
                    : Optional.empty();
        }
        if (start.lines().anyMatch(l -> l.startsWith("SPDXVersion:"))) {
            return Optional.of(SbomFormat.SPDX_TAG_VALUE);
        }
        return Optional.empty();
    }
}
