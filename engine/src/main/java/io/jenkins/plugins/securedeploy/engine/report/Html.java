package io.jenkins.plugins.securedeploy.engine.report;

/** Minimal HTML building with escaping of every text and attribute value (tool output is untrusted). */
final class Html {
    private final StringBuilder sb = new StringBuilder(64 * 1024);

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Appends trusted markup (only literals from this package). */
    Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** Appends escaped text. */
    Html text(String value) {
        sb.append(escape(value));
        return this;
    }

    /** {@code <tag class="cls">text</tag>} with escaped text. */
    Html el(String tag, String cls, String value) {
        sb.append('<').append(tag);
        if (cls != null && !cls.isEmpty()) {
            sb.append(" class=\"").append(escape(cls)).append('"');
        }
        sb.append('>').append(escape(value)).append("</").append(tag).append('>');
        return this;
    }

    /** {@code name="value"} with a leading space, escaped. */
    Html attr(String name, String value) {
        sb.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        return this;
    }

    /**
     * {@code <a href="url" rel="noopener noreferrer">text</a>}: only for URLs this package built from a fixed https
     * prefix ({@link Advisories}) or an in-page {@code #anchor}.
     */
    Html link(String href, String cls, String value) {
        if (!href.startsWith("https://") && !href.startsWith("#")) {
            throw new IllegalArgumentException("only https or in-page links are written");
        }
        sb.append("<a href=\"").append(escape(href)).append('"');
        if (cls != null && !cls.isEmpty()) {
            sb.append(" class=\"").append(escape(cls)).append('"');
        }
        if (href.startsWith("https://")) {
            sb.append(" rel=\"noopener noreferrer\"");
        }
        sb.append('>').append(escape(value)).append("</a>");
        return this;
    }

    int length() {
        return sb.length();
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
