package io.jenkins.plugins.securedeploy.engine.scan.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManifestParserTest {

    @Test
    void shouldReadEveryWorkloadKindAndSkipOtherDocuments() {
        ManifestParser.Parsed p = new ManifestParser().parse("""
                apiVersion: v1
                kind: List
                items:
                - apiVersion: batch/v1
                  kind: Job
                  metadata: {name: j}
                  spec: {template: {spec: {containers: [{name: a, image: a:1}]}}}
                ---
                # a comment only document
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                --- # trailing
                services: {web: {image: nginx}}
                ---
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata: {name: r, namespace: ns}
                spec:
                  template:
                    spec:
                      hostNetwork: true
                      securityContext: {runAsUser: 1000}
                      initContainers: [{name: init, image: busybox}]
                      containers:
                      - name: main
                        image: app:2
                        securityContext: {runAsUser: 0}
                """, "all.yaml");
        assertThat(p.problems()).isEmpty();
        assertThat(p.workloads()).extracting(Workload::kind).containsExactly("Job", "ReplicaSet");
        Workload rs = p.workloads().get(1);
        assertThat(rs.namespace()).isEqualTo("ns");
        assertThat(rs.hostNetwork()).isTrue();
        assertThat(rs.line()).isEqualTo(17);
        assertThat(rs.containers()).extracting(Container::name).containsExactly("init", "main");
        assertThat(rs.containers().get(0).init()).isTrue();
        assertThat(rs.containers().get(0).runAsUser()).isEqualTo(1000);
        assertThat(rs.containers().get(1).runAsUser()).isZero();
        assertThat(rs.containers().get(1).line()).isEqualTo(27);
        assertThat(rs.containers().get(1).allowPrivilegeEscalation()).isTrue();
    }

    @Test
    void shouldLocateABrokenDocumentAndKeepReadingTheOthers() {
        ManifestParser.Parsed p = new ManifestParser().parse("""
                apiVersion: v1
                kind: Pod
                metadata: {name: ok}
                spec: {containers: [{name: c, image: c:1}]}
                ---
                apiVersion: v1
                kind: Pod
                spec: {containers: [
                """, "broken.yaml");
        assertThat(p.workloads()).hasSize(1);
        assertThat(p.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.code()).isEqualTo("container.bad-manifest");
            assertThat(pr.location().file()).isEqualTo("broken.yaml");
            assertThat(pr.location().line()).isGreaterThanOrEqualTo(6);
        });
    }
}
