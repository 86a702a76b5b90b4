package io.jenkins.plugins.securedeploy.engine.scan.container;

import java.util.List;

/** Everything the hardening scanner parsed: the Dockerfiles and the Kubernetes workloads (rule variables). */
public record ContainerModel(List<Dockerfile> dockerfiles, List<Workload> workloads) {
    public ContainerModel {
        dockerfiles = dockerfiles == null ? List.of() : List.copyOf(dockerfiles);
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
    }
}
