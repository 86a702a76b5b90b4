package io.jenkins.plugins.securedeploy.engine.policy.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A message with {@code {{expression}}} parts: literal text and CEL expressions (compiled and type-checked with the
 * rule, rendered only for violations). {@code {{} and {@code }}} cannot be escaped; a message without them is plain.
 */
final class MessageTemplate {
    /** One part: literal text, or an expression's source. */
    record Part(String text, boolean expression) {}

    private MessageTemplate() {}

    /** Splits {@code template}; an unclosed {@code {{} is a problem the caller reports (returns null). */
    static List<Part> parse(String template) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                parts.add(new Part(template.substring(i), false));
                break;
            }
            if (open > i) {
                parts.add(new Part(template.substring(i, open), false));
            }
            int close = template.indexOf("}}", open + 2);
            if (close < 0) {
                return null;
            }
            parts.add(new Part(template.substring(open + 2, close).trim(), true));
            i = close + 2;
        }
        return parts;
    }
}
