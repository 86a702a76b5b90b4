package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.fields;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.scalar;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.string;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.strings;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A SARIF reportingDescriptor (rule): id, name, description, default level and properties. */
final class SarifRuleReader {
    private SarifRuleReader() {}

    /** The properties SARIF tools put severity and CWE tags in. */
    static final class Props {
        double securitySeverity = Double.NaN;
        /** A security-severity was given but is not a number from 0 to 10. */
        boolean unusableSecuritySeverity;
        /** Null until a tag is read (most results carry none: no list per result). */
        private List<String> tags;

        List<String> tags() {
            return tags == null ? List.of() : tags;
        }

        void addTag(String tag) {
            if (tags == null) {
                tags = new ArrayList<>();
            }
            tags.add(tag);
        }
    }

    /** One rule as read. */
    static final class Rule {
        String id;
        String name;
        String shortDescription;
        String level;
        final Props props = new Props();
        private List<String> cwes;

        /** CWE ids from the rule's tags, computed once per rule. */
        List<String> cwes() {
            if (cwes == null) {
                cwes = List.copyOf(SarifCategories.cwes(props.tags())); // immutable: findings share it
            }
            return cwes;
        }
    }

    static Rule rule(JsonParser p, String displayName) throws IOException {
        Rule r = new Rule();
        fields(p, displayName, "a rule", f -> {
            switch (f) {
                case "id" -> r.id = string(p, displayName, "rule.id");
                case "name" -> r.name = string(p, displayName, "rule.name");
                case "shortDescription" -> r.shortDescription = SarifTextReader.text(p, displayName);
                case "defaultConfiguration" -> fields(p, displayName, "defaultConfiguration", k -> {
                    if ("level".equals(k)) {
                        r.level = string(p, displayName, "defaultConfiguration.level");
                    }
                });
                case "properties" -> properties(p, displayName, r.props, null);
                default -> p.skipChildren();
            }
        });
        return r;
    }

    /**
     * A property bag; security-severity is read as any scalar and judged by {@link SarifSeverity}; a result's bag may
     * also hold our own exact values ({@code own}, null for a rule's bag).
     */
    static void properties(JsonParser p, String displayName, Props props, SarifOwnPropertiesReader own) throws IOException {
        fields(p, displayName, "properties", k -> {
            if (own != null && k.startsWith(SarifOwnPropertiesReader.PREFIX) && own.read(p, displayName, k)) {
                return;
            }
            if ("security-severity".equals(k)) {
                String value = scalar(p);
                props.securitySeverity = SarifSeverity.securitySeverity(value);
                props.unusableSecuritySeverity = Double.isNaN(props.securitySeverity)
                        && (value != null || p.currentToken().isStructStart());
            } else if ("tags".equals(k)) {
                strings(p, displayName, "properties.tags", props::addTag);
            } else {
                p.skipChildren();
            }
        });
    }
}
