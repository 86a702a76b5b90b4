package io.jenkins.plugins.securedeploy.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

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
}
