package io.jenkins.plugins.securedeploy.engine.scan.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

    @Test
    void shouldJoinContinuationsSkippingCommentsAndHonourTheEscapeDirective() {
        List<Instruction> i = DockerfileParser.instructions("# escape=`\nFROM alpine\nRUN echo a `\n# note\n"
                + "  && echo b\nCMD x\n");
        assertThat(i).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "CMD");
        assertThat(i.get(1).args()).isEqualTo("echo a    && echo b");
        assertThat(i.get(1).line()).isEqualTo(3);
        assertThat(i.get(2).line()).isEqualTo(6);
    }

    @Test
    void shouldAttachHeredocBodiesIncludingSeveralOnOneLine() {
        List<Instruction> i = DockerfileParser.instructions("FROM a\nCOPY <<one <<\"two\" /dst/\nfirst\none\n"
                + "second\ntwo\nRUN <<-EOF\n\techo hi\n\tEOF\nUSER 1\n");
        assertThat(i).extracting(Instruction::keyword).containsExactly("FROM", "COPY", "RUN", "USER");
        assertThat(i.get(1).args()).endsWith("\nfirst\nsecond");
        assertThat(i.get(2).args()).endsWith("\necho hi");
        assertThat(i.get(3).line()).isEqualTo(10);
    }

    @Test
    void shouldSubstituteArgsInFromAndResolveStages() {
        Dockerfile d = new DockerfileParser(Map.of("VARIANT", "slim")).parse("""
                ARG REGISTRY=docker.io
                ARG VERSION
                ARG VARIANT=full
                FROM ${REGISTRY}/library/python:3.12-${VARIANT} AS Build
                USER app
                HEALTHCHECK CMD true
                FROM --platform=$BUILDPLATFORM build
                FROM python:${VERSION:-3.11}
                FROM node:$VERSION
                HEALTHCHECK NONE
                FROM scratch
                """, "Dockerfile");
        assertThat(d.globalArgs()).extracting(Variable::name).containsExactly("REGISTRY", "VERSION", "VARIANT");
        List<Stage> s = d.stages();
        assertThat(s.get(0).base().raw()).isEqualTo("docker.io/library/python:3.12-slim");
        assertThat(s.get(0).base().name()).isEqualTo("python");
        assertThat(s.get(0).name()).isEqualTo("build");
        assertThat(s.get(1).base().stage()).isTrue();
        assertThat(s.get(1).user()).isEqualTo("app");
        assertThat(s.get(1).healthcheck()).isTrue();
        assertThat(s.get(2).base().raw()).isEqualTo("python:3.11");
        assertThat(s.get(3).base().unresolved()).isTrue();
        assertThat(s.get(3).healthcheck()).isFalse();
        assertThat(s.get(4).base().scratch()).isTrue();
        assertThat(s.get(4).last()).isTrue();
        assertThat(s.get(4).stageCount()).isEqualTo(5);
    }

    @Test
    void shouldReadEnvAndArgForms() {
        Dockerfile d = new DockerfileParser().parse("FROM a\nENV A=1 B=\"two words\"\nENV LEGACY some value\n"
                + "ARG X\nARG Y=2\n", "D");
        assertThat(d.stages().get(0).variables()).extracting(v -> v.kind() + " " + v.name() + "=" + v.value())
                .containsExactly("ENV A=1", "ENV B=two words", "ENV LEGACY=some value", "ARG X=", "ARG Y=2");
    }

    @Test
    void shouldParseImageReferences() {
        ImageRef r = ImageRef.parse("localhost:5000/team/app:1.2@sha256:" + "b".repeat(64), false, false);
        assertThat(r.repository()).isEqualTo("localhost:5000/team/app");
        assertThat(r.tag()).isEqualTo("1.2");
        assertThat(r.pinned()).isTrue();
        assertThat(r.latest()).isFalse();
        assertThat(ImageRef.parse("localhost:5000/app", false, false).latest()).isTrue();
        assertThat(ImageRef.parse("app:latest", false, false).latest()).isTrue();
        assertThat(ImageRef.parse("app@sha256:short", false, false).pinned()).isFalse();
    }
}
