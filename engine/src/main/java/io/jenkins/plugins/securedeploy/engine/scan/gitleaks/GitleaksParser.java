package io.jenkins.plugins.securedeploy.engine.scan.gitleaks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import io.jenkins.plugins.securedeploy.engine.scan.FindingSink;
import io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ReportEnd;
import java.io.IOException;

/**
 * Streams a Gitleaks JSON array. Every leak is a CRITICAL {@link Category#SECRET} finding. The {@code Secret},
 * {@code Match}, {@code Line} and commit {@code Message} fields are skipped unread: the secret never enters the heap
 * as a string, a finding, a log line or an exception.
 */
public final class GitleaksParser extends JsonReportParser {
    static final String TOOL = "gitleaks";

    @Override
    protected ReportEnd read(JsonParser p, String displayName, FindingSink sink) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw missing(p, displayName, TOOL, "the report must be a JSON array of leaks");
        }
        elements(p, displayName, "leaks", i -> sink.accept(leak(p, displayName)));
        return new ReportEnd(TOOL, "");
    }

    private static Finding leak(JsonParser p, String displayName) throws IOException {
        Leak leak = new Leak();
        fields(p, displayName, "a leak", name -> {
            switch (name) {
                case "RuleID" -> leak.rule = string(p, displayName, "RuleID");
                case "Description" -> leak.description = string(p, displayName, "Description");
                case "File" -> leak.file = string(p, displayName, "File");
                case "StartLine" -> leak.line = position(p, displayName, "StartLine");
                case "StartColumn" -> leak.column = position(p, displayName, "StartColumn");
                case "Fingerprint" -> leak.fingerprint = string(p, displayName, "Fingerprint");
                case "Commit" -> leak.commit = string(p, displayName, "Commit");
                default -> p.skipChildren(); // Secret, Match, Line, Message, Author...: never read
            }
        });
        if (leak.rule == null || leak.rule.isBlank()) {
            throw missing(p, displayName, TOOL, "a leak has no RuleID");
        }
        if (leak.file == null) {
            throw missing(p, displayName, TOOL, "a leak has no File");
        }
        FindingBuilder b = Finding.builder(TOOL, leak.rule)
                .title(leak.description == null || leak.description.isBlank() ? leak.rule : leak.description)
                .severity(Severity.CRITICAL)
                .category(Category.SECRET)
                .location(Location.of(leak.file, leak.line, leak.column))
                .toolFingerprint(leak.fingerprint)
                .fingerprintHint((leak.commit == null ? "" : leak.commit) + ":" + leak.line + ":" + leak.column);
        return b.build();
    }

    private static final class Leak {
        String rule;
        String description;
        String file;
        String fingerprint;
        String commit;
        int line;
        int column;
    }
}
