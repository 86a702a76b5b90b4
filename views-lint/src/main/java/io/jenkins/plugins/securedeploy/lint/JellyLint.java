package io.jenkins.plugins.securedeploy.lint;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks a Jelly view for the mistakes that only show at render time in a real Jenkins (an HTTP 500 page) or that
 * break its security rules. Each file is parsed as XML (no DOCTYPE) and every {@code ${...}} expression in attribute
 * values and text is inspected:
 * <ul>
 *   <li>{@code ${%Key}}: Stapler's {@code InternationalizedStringExpression} reads everything from the first
 *       {@code (} as message arguments ({@code ${%Arguments (one per line)}} → "Unable to create expression: one per
 *       line"), and the key is a {@code MessageFormat} pattern, where quotes vanish; so a key holds no
 *       {@code ( ) ' "};</li>
 *   <li>JEXL reserved words ({@code empty}, {@code not}, {@code size}, ...) used as a property ({@code !trend.empty}
 *       → "Unable to create expression") or as a variable name; call the getter instead
 *       ({@code trend.isEmpty()});</li>
 *   <li>every file starts with {@code <?jelly escape-by-default='true'?>};</li>
 *   <li>no inline {@code <script>} body, no {@code on*=} event handler attribute and no {@code javascript:} URL
 *       (Jenkins' content security policy: script comes from adjunct files).</li>
 * </ul>
 */
public final class JellyLint {
    /** Words JEXL 1 (Jelly's expression language) reserves; none may be a property or variable name. */
    public static final Set<String> JEXL_RESERVED = Set.of("empty", "size", "not", "and", "or", "eq", "ne", "lt",
            "gt", "le", "ge", "div", "mod", "new", "null", "true", "false", "if", "else", "while", "foreach", "in");

    private static final Pattern ESCAPE_BY_DEFAULT = Pattern.compile("escape-by-default\\s*=\\s*(['\"])true\\1");
    private static final Pattern PROPERTY = Pattern.compile("\\.\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern EVENT_HANDLER = Pattern.compile("on[a-z]+", Pattern.CASE_INSENSITIVE);
    private static final Set<String> VARIABLE_ATTRIBUTES = Set.of("var", "indexVar", "varStatus");

    /** One problem: file, line (0 = unknown), rule id and what to do. */
    public record Problem(String file, int line, String rule, String message) {
        public String describe() {
            return file + ":" + line + ": [" + rule + "] " + message;
        }
    }

    /** Every problem of one Jelly file; {@code name} is how messages name it. */
    public List<Problem> lint(String name, InputStream in) throws IOException {
        Handler handler = new Handler(name);
        try {
            parser().parse(in, handler);
        } catch (SAXParseException e) {
            handler.problems.add(new Problem(name, Math.max(0, e.getLineNumber()), "xml.malformed",
                    "not well-formed XML (or a DOCTYPE, which is refused): " + e.getMessage()));
            return List.copyOf(handler.problems);
        } catch (SAXException e) {
            handler.problems.add(new Problem(name, 0, "xml.malformed", "cannot parse: " + e.getMessage()));
            return List.copyOf(handler.problems);
        }
        if (!handler.escapeByDefault) {
            handler.problems.add(new Problem(name, 1, "jelly.escape-by-default",
                    "the file must start with <?jelly escape-by-default='true'?> so every ${...} is HTML-escaped"));
        }
        return List.copyOf(handler.problems);
    }

    private static SAXParser parser() throws IOException {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot configure a hardened XML parser", e);
        }
    }

    /** The {@code ${...}} expressions in {@code text}, without the braces (quotes and nested braces respected). */
    static List<String> expressions(String text) {
        List<String> out = new ArrayList<>();
        int i = text.indexOf("${");
        while (i >= 0) {
            int depth = 0;
            char quote = 0;
            int end = -1;
            for (int j = i + 2; j < text.length() && end < 0; j++) {
                char c = text.charAt(j);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    if (depth == 0) {
                        end = j;
                    } else {
                        depth--;
                    }
                }
            }
            if (end < 0) {
                out.add(text.substring(i + 2));
                break;
            }
            out.add(text.substring(i + 2, end));
            i = text.indexOf("${", end + 1);
        }
        return out;
    }

    /** Problems of one expression (the text between {@code ${} and {@code }}). */
    static List<String> check(String expression) {
        List<String> out = new ArrayList<>();
        if (expression.startsWith("%")) {
            String key = expression.substring(1);
            for (char c : new char[] {'(', ')', '\'', '"'}) {
                if (key.indexOf(c) >= 0) {
                    out.add("jelly.message-arguments|${" + expression + "}: '" + c + "' in a ${%...} key is read as "
                            + (c == '(' || c == ')' ? "message arguments" : "MessageFormat quoting")
                            + "; write the key without it (put details in the help file)");
                    break;
                }
            }
            return out;
        }
        String code = withoutStrings(expression);
        Matcher m = PROPERTY.matcher(code);
        while (m.find()) {
            String word = m.group(1);
            String rest = code.substring(m.end()).stripLeading();
            if (JEXL_RESERVED.contains(word) && !rest.startsWith("(")) {
                out.add("jelly.jexl-reserved|${" + expression + "}: '" + word + "' is a JEXL reserved word and cannot "
                        + "be a property; call its getter instead (e.g. x.is" + capitalized(word) + "() or x.get"
                        + capitalized(word) + "())");
            }
        }
        return out;
    }

    private static String capitalized(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    /** The expression with string literals blanked, so their content is not taken for properties. */
    private static String withoutStrings(String expression) {
        StringBuilder sb = new StringBuilder(expression.length());
        char quote = 0;
        for (char c : expression.toCharArray()) {
            if (quote != 0) {
                sb.append(' ');
                if (c == quote) {
                    quote = 0;
                }
            } else {
                if (c == '\'' || c == '"') {
                    quote = c;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final class Handler extends DefaultHandler {
        final String file;
        final List<Problem> problems = new ArrayList<>();
        boolean escapeByDefault;
        private boolean rootSeen;
        private Locator locator;
        private final StringBuilder text = new StringBuilder();
        private int textLine;
        private final ArrayList<Boolean> scripts = new ArrayList<>();

        Handler(String file) {
            this.file = file;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }

        @Override
        public void processingInstruction(String target, String data) {
            if ("jelly".equals(target) && !rootSeen && ESCAPE_BY_DEFAULT.matcher(data).find()) {
                escapeByDefault = true;
            }
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            flushText();
            rootSeen = true;
            scripts.add("script".equalsIgnoreCase(localName));
            for (int i = 0; i < attributes.getLength(); i++) {
                String attr = attributes.getLocalName(i).isEmpty() ? attributes.getQName(i) : attributes.getLocalName(i);
                String value = attributes.getValue(i);
                if (EVENT_HANDLER.matcher(attr).matches()) {
                    add(line(), "html.event-handler", "<" + qName + " " + attr + "=...>: inline event handlers are "
                            + "refused by Jenkins' content security policy; bind the event in an adjunct script");
                }
                if (value.strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                    add(line(), "html.javascript-url", "<" + qName + " " + attr + "=\"javascript:...\">: script URLs "
                            + "are refused by Jenkins' content security policy");
                }
                if (VARIABLE_ATTRIBUTES.contains(attr) && JEXL_RESERVED.contains(value.strip())) {
                    add(line(), "jelly.reserved-var", "<" + qName + " " + attr + "=\"" + value + "\">: a JEXL reserved"
                            + " word cannot name a variable");
                }
                expressions(value, line());
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            boolean script = scripts.remove(scripts.size() - 1);
            if (script && !text.toString().isBlank()) {
                add(textLine, "html.inline-script", "<" + qName + "> with a body: inline script is refused by Jenkins'"
                        + " content security policy; use <st:adjunct> with a .js file");
            }
            flushText();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (text.length() == 0) {
                textLine = line();
            }
            text.append(ch, start, length);
        }

        private void flushText() {
            if (text.length() > 0) {
                expressions(text.toString(), textLine);
                text.setLength(0);
            }
        }

        private void expressions(String value, int line) {
            for (String e : JellyLint.expressions(value)) {
                for (String p : check(e)) {
                    int bar = p.indexOf('|');
                    add(line, p.substring(0, bar), p.substring(bar + 1));
                }
            }
        }

        private void add(int line, String rule, String message) {
            problems.add(new Problem(file, line, rule, message));
        }
    }
}
