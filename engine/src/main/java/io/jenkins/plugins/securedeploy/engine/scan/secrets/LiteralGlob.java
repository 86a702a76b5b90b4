package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;

/**
 * A glob of one of the shapes {@code **}, {@code LIT}, {@code LIT/**}, {@code **}{@code /LIT} and
 * {@code **}{@code /LIT/**}, where {@code LIT} holds no glob syntax, decided by string comparison. The JDK turns
 * {@code **} into {@code .*}, which matches no line terminator, and matches against the path as {@code Path.of}
 * rewrites it (no doubled or trailing {@code /}); so the comparison decides exactly as the JDK's matcher only for
 * paths {@link #applies} accepts, and the caller uses {@link #matcher()} for the others.
 */
record LiteralGlob(Shape shape, String literal, PathMatcher matcher) {
    // literal: what the path must equal (EXACT), start with (UNDER: "LIT/"), end with (NAMED: "/LIT") or contain
    // (INSIDE: "/LIT/")

    enum Shape { ANY, EXACT, UNDER, NAMED, INSIDE }

    private static final String GLOB_SYNTAX = "*?[]{}\\,";

    /** The literal form of {@code glob}, or null when it has another shape. */
    static LiteralGlob of(String glob) {
        Shape shape;
        String lit;
        if (glob.equals("**")) {
            shape = Shape.ANY;
            lit = "";
        } else if (glob.startsWith("**/") && glob.endsWith("/**") && glob.length() > 6) {
            shape = Shape.INSIDE;
            lit = glob.substring(3, glob.length() - 3);
        } else if (glob.startsWith("**/")) {
            shape = Shape.NAMED;
            lit = glob.substring(3);
        } else if (glob.endsWith("/**")) {
            shape = Shape.UNDER;
            lit = glob.substring(0, glob.length() - 3);
        } else {
            shape = Shape.EXACT;
            lit = glob;
        }
        if (shape != Shape.ANY && !isLiteral(lit)) {
            return null;
        }
        String needle = switch (shape) {
            case UNDER -> lit + "/";
            case NAMED -> "/" + lit;
            case INSIDE -> "/" + lit + "/";
            default -> lit;
        };
        return new LiteralGlob(shape, needle, FileSystems.getDefault().getPathMatcher("glob:" + glob));
    }

    private static boolean isLiteral(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (GLOB_SYNTAX.indexOf(s.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether string comparison decides for {@code path} as the JDK's matcher does. */
    static boolean applies(String path) {
        if (path.isEmpty() || path.endsWith("/") || path.contains("//")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == 0) {
                return false;
            }
        }
        return true;
    }

    /** The decision for a path {@link #applies} accepts. */
    boolean matches(String path) {
        return switch (shape) {
            case ANY -> true;
            case EXACT -> path.equals(literal);
            case UNDER -> path.startsWith(literal);
            case NAMED -> path.endsWith(literal);
            case INSIDE -> path.contains(literal);
        };
    }
}
