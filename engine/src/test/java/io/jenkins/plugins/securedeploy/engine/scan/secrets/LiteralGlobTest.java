package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Globs decided by string comparison decide exactly as the JDK's glob matcher, for every path. */
class LiteralGlobTest {
    private static final List<String> GLOBS = List.of("**", ".git/**", "**/.git/**", "**/.git", ".git", "a/b",
            "**/node_modules/**", "a.b/**", "**/x", "**/*.pem", "*.txt", "a/**/b", "**/**", "{a,b}/**", "a?/**");

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(".git", "a", "b", "x", "a.b", "node_modules",
                "k.pem", "f.txt", "", ".gitx", "xa"), Arbitraries.strings().withChars("ab/.\n\r\u2028x").ofMaxLength(4));
        return piece.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("/", l))
                .filter(p -> p.indexOf('\0') < 0);
    }

    @Provide
    Arbitrary<String> globs() {
        return Arbitraries.oneOf(Arbitraries.of(GLOBS), paths(), paths().map(p -> "**/" + p),
                paths().map(p -> p + "/**"), paths().map(p -> "**/" + p + "/**"));
    }

    @Property(tries = 3000)
    void shouldDecideAsTheJdkMatcher(@ForAll("globs") String glob, @ForAll("paths") String path) {
        Boolean jdk = jdk(glob, path);
        Globs ours;
        try {
            ours = Globs.compile("g", List.of(glob));
        } catch (RuntimeException e) {
            return; // an invalid glob is rejected either way
        }
        if (jdk == null) {
            return; // a path Path.of rejects
        }
        boolean expected = jdk || (glob.startsWith("**/") && Boolean.TRUE.equals(jdk(glob.substring(3), path)));
        assertThat(ours.matches(path)).as("%s ~ %s", glob, path).isEqualTo(expected);
    }

    @Test
    void shouldUseTheLiteralFormOnlyForLiteralShapes() {
        assertThat(LiteralGlob.of("**").shape()).isEqualTo(LiteralGlob.Shape.ANY);
        assertThat(LiteralGlob.of("**/.git/**").shape()).isEqualTo(LiteralGlob.Shape.INSIDE);
        assertThat(LiteralGlob.of(".git/**").shape()).isEqualTo(LiteralGlob.Shape.UNDER);
        assertThat(LiteralGlob.of("**/id_rsa").shape()).isEqualTo(LiteralGlob.Shape.NAMED);
        assertThat(LiteralGlob.of("a/b").shape()).isEqualTo(LiteralGlob.Shape.EXACT);
        assertThat(List.of("**/*.pem", "a/**/b", "**/**", "{a,b}", "a?", "[ab]", "a\\b")).allSatisfy(g ->
                assertThat(LiteralGlob.of(g)).as(g).isNull());
        assertThat(List.of("", "a/", "a//b", "a\nb", "a\u2028b")).allSatisfy(p ->
                assertThat(LiteralGlob.applies(p)).as(p).isFalse());
        Globs g = Globs.compile("excludes", List.of("**/.git/**"));
        assertThat(g.matches("src/.git/config")).isTrue();
        assertThat(g.matches(".git/config")).isTrue();
        assertThat(g.matches("src/.gitignore")).isFalse();
        assertThat(g.matches("src//.git/config")).isTrue(); // Path.of drops the doubled slash, as before
        assertThat(g.matches("x\n/.git/config")).isFalse(); // ** does not cross a line break, as before
    }

    private static Boolean jdk(String glob, String path) {
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(path));
        } catch (InvalidPathException e) {
            return null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
