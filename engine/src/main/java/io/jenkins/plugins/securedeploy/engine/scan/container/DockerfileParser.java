package io.jenkins.plugins.securedeploy.engine.scan.container;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a Dockerfile as the Dockerfile reference describes it: parser directives ({@code # escape=`}), comments,
 * line continuations (comment and empty lines inside one are skipped), heredocs ({@code RUN <<EOF}, {@code <<-EOF},
 * quoted delimiters, several per line), stages ({@code FROM image [AS name]}), and ARG substitution in {@code FROM}
 * ({@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:+alt}} from ARGs declared before the first
 * {@code FROM}, overridable by build args). Never fails on content it does not understand: it keeps it as
 * instructions for rules to read.
 */
public final class DockerfileParser {
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?}"
            + "|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([a-zA-Z]+)\\s*=\\s*(\\S+)\\s*");

    private final Map<String, String> buildArgs;

    /** {@code buildArgs} are {@code --build-arg} values, which override ARG defaults. */
    public DockerfileParser(Map<String, String> buildArgs) {
        this.buildArgs = Map.copyOf(buildArgs);
    }

    public DockerfileParser() {
        this(Map.of());
    }

    public Dockerfile parse(String content, String file) {
        List<Instruction> instructions = instructions(content);
        List<Variable> globals = new ArrayList<>();
        Map<String, String> argValues = new HashMap<>();
        List<Builder> stages = new ArrayList<>();
        Builder current = null;
        for (Instruction i : instructions) {
            if (i.keyword().equals("FROM")) {
                current = from(i, argValues, stages, file);
                stages.add(current);
                continue;
            }
            if (current == null) {
                if (i.keyword().equals("ARG")) {
                    for (Variable v : variables(i, file)) {
                        globals.add(v);
                        String value = buildArgs.getOrDefault(v.name(), v.value());
                        argValues.put(v.name(), value);
                    }
                }
                continue;
            }
            current.add(i, file);
        }
        List<Stage> out = new ArrayList<>();
        for (int k = 0; k < stages.size(); k++) {
            out.add(stages.get(k).build(k, k == stages.size() - 1, stages.size(), out));
        }
        return new Dockerfile(file, globals, out);
    }

    private Builder from(Instruction i, Map<String, String> argValues, List<Builder> stages, String file) {
        List<String> words = new ArrayList<>();
        for (String w : i.args().trim().split("\\s+")) {
            if (!w.isEmpty() && !w.startsWith("--platform")) {
                words.add(w);
            }
        }
        String image = words.isEmpty() ? "" : words.get(0);
        String name = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2) : "";
        boolean[] unresolved = {false};
        String substituted = substitute(image, argValues, unresolved);
        Builder parent = null;
        for (Builder b : stages) {
            if (!b.name.isEmpty() && b.name.equalsIgnoreCase(substituted)) {
                parent = b;
            }
        }
        return new Builder(name.toLowerCase(Locale.ROOT), ImageRef.parse(substituted, parent != null, unresolved[0]),
                parent, file, i.line());
    }

    static String substitute(String text, Map<String, String> values, boolean[] unresolved) {
        Matcher m = VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            String value = values.get(name);
            boolean set = value != null && !value.isEmpty();
            String replacement;
            if ("-".equals(m.group(2))) {
                replacement = set ? value : m.group(3);
            } else if ("+".equals(m.group(2))) {
                replacement = set ? m.group(3) : "";
            } else {
                replacement = set ? value : "";
                if (!set) {
                    unresolved[0] = true;
                }
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The instructions, with continuations joined and heredoc bodies attached. */
    static List<Instruction> instructions(String content) {
        String[] lines = content.replace("\r\n", "\n").split("\n", -1);
        char escape = '\\';
        int i = 0;
        // parser directives: only at the very top, before any other line
        while (i < lines.length) {
            Matcher d = DIRECTIVE.matcher(lines[i]);
            if (!d.matches()) {
                break;
            }
            if (d.group(1).equalsIgnoreCase("escape") && !d.group(2).isEmpty()) {
                escape = d.group(2).charAt(0);
            }
            i++;
        }
        List<Instruction> out = new ArrayList<>();
        while (i < lines.length) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            StringBuilder text = new StringBuilder();
            String part = line;
            while (true) {
                String stripped = part.stripTrailing();
                if (!stripped.isEmpty() && stripped.charAt(stripped.length() - 1) == escape && i + 1 < lines.length) {
                    text.append(stripped, 0, stripped.length() - 1).append(' ');
                    i++;
                    while (i < lines.length && (lines[i].strip().isEmpty() || lines[i].strip().startsWith("#"))) {
                        i++;
                    }
                    if (i >= lines.length) {
                        break;
                    }
                    part = lines[i];
                } else {
                    text.append(part);
                    break;
                }
            }
            i++;
            String joined = text.toString().strip();
            int space = indexOfSpace(joined);
            String keyword = (space < 0 ? joined : joined.substring(0, space)).toUpperCase(Locale.ROOT);
            String args = space < 0 ? "" : joined.substring(space + 1).strip();
            Matcher h = HEREDOC.matcher(args);
            StringBuilder body = new StringBuilder();
            while (h.find() && !keyword.equals("ARG") && !keyword.equals("ENV")) {
                boolean stripTabs = !h.group(1).isEmpty();
                String delimiter = h.group(3);
                while (i < lines.length) {
                    String l = stripTabs ? lines[i].replaceFirst("^\t+", "") : lines[i];
                    i++;
                    if (l.equals(delimiter)) {
                        break;
                    }
                    body.append('\n').append(l);
                }
            }
            out.add(new Instruction(keyword, args + body, start));
        }
        return out;
    }

    private static int indexOfSpace(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (Character.isWhitespace(s.charAt(k))) {
                return k;
            }
        }
        return -1;
    }

    /** ARG {@code name[=default]} … and ENV {@code key=value} … or the legacy {@code ENV key value}. */
    static List<Variable> variables(Instruction i, String file) {
        List<Variable> out = new ArrayList<>();
        String args = i.args();
        List<String> words = words(args);
        if (i.keyword().equals("ENV") && !words.isEmpty() && !words.get(0).contains("=")) {
            String value = args.strip().substring(words.get(0).length()).strip();
            out.add(new Variable("ENV", words.get(0), unquote(value), false, file, i.line()));
            return out;
        }
        for (String w : words) {
            int eq = w.indexOf('=');
            String name = eq < 0 ? w : w.substring(0, eq);
            if (!name.isEmpty()) {
                out.add(new Variable(i.keyword(), name, eq < 0 ? "" : unquote(w.substring(eq + 1)), false, file,
                        i.line()));
            }
        }
        return out;
    }

    /** Splits on whitespace outside double or single quotes (quotes kept). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (quote != 0) {
                w.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                w.append(c);
            } else if (Character.isWhitespace(c)) {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** Collects one stage while its instructions stream past. */
    private static final class Builder {
        final String name;
        final ImageRef base;
        final Builder parent;
        final String file;
        final long line;
        final List<Instruction> instructions = new ArrayList<>();
        final List<Variable> variables = new ArrayList<>();
        String user = "";
        Boolean healthcheck;
        Stage built;

        Builder(String name, ImageRef base, Builder parent, String file, long line) {
            this.name = name;
            this.base = base;
            this.parent = parent;
            this.file = file;
            this.line = line;
        }

        void add(Instruction i, String file) {
            instructions.add(i);
            switch (i.keyword()) {
                case "USER" -> user = i.args().strip();
                case "HEALTHCHECK" -> healthcheck = !i.args().strip().equalsIgnoreCase("NONE");
                case "ARG", "ENV" -> variables.addAll(variables(i, file));
                default -> { }
            }
        }

        Stage build(long index, boolean last, long count, List<Stage> earlier) {
            String effectiveUser = user;
            boolean effectiveHealth = Boolean.TRUE.equals(healthcheck);
            if (parent != null && parent.built != null) {
                if (effectiveUser.isEmpty()) {
                    effectiveUser = parent.built.user();
                }
                if (healthcheck == null) {
                    effectiveHealth = parent.built.healthcheck();
                }
            }
            if (effectiveUser.isEmpty() && base.tag().contains("nonroot")) {
                effectiveUser = "nonroot";
            }
            built = new Stage(index, name, last, count, base, effectiveUser, effectiveHealth, instructions,
                    variables, file, line);
            return built;
        }
    }
}
