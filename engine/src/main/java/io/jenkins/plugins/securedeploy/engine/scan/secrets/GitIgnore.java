package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of one {@code .gitignore} file (gitignore(5)): blank lines and {@code #} comments are skipped, trailing
 * spaces dropped unless escaped, {@code !} negates, a trailing {@code /} matches folders only, a pattern with a
 * {@code /} before its end is anchored to the file's folder (otherwise it matches a name at any depth), {@code *}
 * and {@code ?} stop at {@code /}, {@code **} spans folders, {@code [...]} is a class and {@code \} escapes. Within a
 * file the last matching rule decides; {@link #decide} returns {@code null} when none matches, so the caller asks the
 * next file up (a deeper file overrides a shallower one). Immutable.
 */
final class GitIgnore {
    private record Rule(Pattern pattern, boolean negated, boolean folderOnly) {}

    private final List<Rule> rules;

    private GitIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    static GitIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\r?\n", -1)) {
            String line = trimTrailingSpaces(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = line.startsWith("!");
            if (negated || line.startsWith("\\!") || line.startsWith("\\#")) {
                line = line.substring(1);
            }
            boolean folderOnly = line.endsWith("/") && !line.endsWith("\\/");
            if (folderOnly) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            boolean anchored = line.indexOf('/') >= 0;
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            String regex = (anchored ? "" : "(?:.*/)?") + translate(line);
            rules.add(new Rule(Pattern.compile(regex, Pattern.DOTALL), negated, folderOnly));
        }
        return new GitIgnore(List.copyOf(rules));
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Whether this file ignores {@code path} (relative to the file's folder, {@code /}-separated): TRUE or FALSE when
     * a rule matches (the last one decides), null when none does.
     */
    Boolean decide(String path, boolean folder) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule r = rules.get(i);
            if ((folder || !r.folderOnly()) && r.pattern().matcher(path).matches()) {
                return !r.negated();
            }
        }
        return null;
    }

    private static String trimTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
            end--;
        }
        return line.substring(0, end);
    }

    /** A gitignore glob as a regular expression over the whole relative path. */
    static String translate(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = glob.length();
        while (i < n) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*'
                    && (i == 0 || glob.charAt(i - 1) == '/') && (i + 2 == n || glob.charAt(i + 2) == '/')) {
                if (i + 2 == n) {
                    re.append(".*"); // trailing "**": everything inside
                    i += 2;
                } else {
                    re.append("(?:.*/)?"); // leading or inner "**/": zero or more folders
                    i += 3;
                }
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else if (c == '[') {
                int close = classEnd(glob, i);
                if (close < 0) {
                    re.append("\\[");
                    i++;
                } else {
                    re.append(characterClass(glob.substring(i + 1, close)));
                    i = close + 1;
                }
            } else if (c == '\\' && i + 1 < n) {
                re.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
                i += 2;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return re.toString();
    }

    private static int classEnd(String glob, int open) {
        int i = open + 1;
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++;
        }
        int close = glob.indexOf(']', i);
        return close;
    }

    private static String characterClass(String body) {
        StringBuilder sb = new StringBuilder("[");
        int i = 0;
        if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
            sb.append('^');
            i = 1;
        }
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' || c == '[' || c == ']' || c == '&' || c == '^') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append("&&[^/]]").toString();
    }
}
