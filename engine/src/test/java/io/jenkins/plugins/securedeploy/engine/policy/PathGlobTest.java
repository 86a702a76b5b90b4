package io.jenkins.plugins.securedeploy.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathGlobTest {
    @Test
    void shouldMatchGlobsLikeGitignoreStyleWaivers() {
        assertThat(PathGlob.of("test/**").matches("test/a/b.txt")).isTrue();
        assertThat(PathGlob.of("test/**").matches("src/test/a.txt")).isFalse();
        assertThat(PathGlob.of("**/fixtures/*.pem").matches("a/b/fixtures/key.pem")).isTrue();
        assertThat(PathGlob.of("**/fixtures/*.pem").matches("fixtures/key.pem")).isTrue();
        assertThat(PathGlob.of("**/fixtures/*.pem").matches("fixtures/sub/key.pem")).isFalse();
        assertThat(PathGlob.of("src/*.js").matches("./src/app.js")).isTrue();
        assertThat(PathGlob.of("src/*.js").matches("src\\app.js")).isTrue();
        assertThat(PathGlob.of("src/a?.js").matches("src/ab.js")).isTrue();
        assertThat(PathGlob.of("a.b").matches("axb")).isFalse();
        assertThat(PathGlob.of("a.b").matches("a.b")).isTrue();
        assertThat(PathGlob.of("./pom.xml").matches("pom.xml")).isTrue();
        assertThat(PathGlob.of("(x)[y]+*").matches("(x)[y]+z")).isTrue();
        assertThat(PathGlob.of("test/**").firstSegment()).isEqualTo("test");
        assertThat(PathGlob.of("**/x").firstSegment()).isEmpty();
        assertThat(PathGlob.of("pom.xml").firstSegment()).isEqualTo("pom.xml");
        assertThat(PathGlob.of("src*/x").firstSegment()).isEmpty();
    }

    /** A waiver glob that matches too much waives findings it should not: the edges must hold. */
    @Test
    void shouldNeverMatchMoreThanTheGlobSays() {
        assertThat(PathGlob.of("pom.xml").matches("pom.xml.bak")).as("a literal glob is not a prefix").isFalse();
        assertThat(PathGlob.of("src/*.js").matches("src/lib/app.js")).as("* stays in one directory").isFalse();
        assertThat(PathGlob.of("src/a?.js").matches("src/a/.js")).as("? is not a separator").isFalse();
        assertThat(PathGlob.of("src/a?.js").matches("src/abc.js")).as("? is exactly one character").isFalse();
        assertThat(PathGlob.of("dist/**").matches("dist")).as("dist/** needs something under dist").isFalse();
        assertThat(PathGlob.of("docs/**/*.md").matches("other/docs/x.md")).isFalse();
        assertThat(PathGlob.of("a*c").matches("abxc")).isTrue();
        assertThat(PathGlob.of("a*c").matches("ab/c")).isFalse();
    }

    @Test
    void shouldMatchAcrossDirectoriesOnlyWithDoubleStar() {
        assertThat(PathGlob.of("docs/**/*.md").matches("docs/x.md")).as("**/ may match no directory").isTrue();
        assertThat(PathGlob.of("docs/**/*.md").matches("docs/a/b/x.md")).isTrue();
        assertThat(PathGlob.of("**").matches("any/thing/at/all")).isTrue();
        assertThat(PathGlob.of("src\\main\\*.java").matches("src/main/A.java")).isTrue();
    }

    @Test
    void shouldIndexByTheFirstLiteralSegment() {
        assertThat(PathGlob.of("src/main/**").firstSegment()).isEqualTo("src");
        assertThat(PathGlob.of("a*").firstSegment()).isEmpty();
        assertThat(PathGlob.firstSegmentOf("a/b/c")).isEqualTo("a");
        assertThat(PathGlob.firstSegmentOf("a")).isEqualTo("a");
    }

    @Test
    void shouldRefuseBlankGlobsAndShareCompiledOnes() {
        assertThatThrownBy(() -> PathGlob.of(" ")).hasMessage("a path glob must not be blank");
        assertThatThrownBy(() -> new PathGlob(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PathGlob.of("x/**")).isSameAs(PathGlob.of("x/**"));
        assertThat(PathGlob.of("x/**").glob()).isEqualTo("x/**");
        assertThat(PathGlob.of("x/**")).hasToString("x/**");
    }
}
