package io.jenkins.plugins.securedeploy.engine.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of ids or paths (scanner ids, lockfiles, credentials ids) as a host receives it: typed into one text box,
 * one per line or comma-separated, or given as a list whose items may themselves hold several lines (an old snippet
 * such as {@code tools: ['''bandit\nshellcheck''']}). Normalised the same way everywhere: split on line breaks and
 * commas, trimmed, blanks dropped (so an empty box is an empty list, never {@code ['']}), duplicates dropped, first
 * order kept.
 */
public final class TextLists {
    private TextLists() {}

    /** The items of a text box. {@code null} is empty. */
    public static List<String> parse(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> items = new LinkedHashSet<>();
        for (String part : text.split("[\\r\\n,]+")) {
            String item = part.strip();
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return List.copyOf(items);
    }

    /** Every item of {@code items} parsed as a text box, joined in order. {@code null} (and null items) are empty. */
    public static List<String> normalise(Collection<String> items) {
        if (items == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String item : items) {
            out.addAll(parse(item));
        }
        return List.copyOf(out);
    }

    /** The text box showing {@code items}: one per line ({@link #parse} reads it back to the same list). */
    public static String format(Collection<String> items) {
        return String.join("\n", normalise(items == null ? List.of() : new ArrayList<>(items)));
    }
}
