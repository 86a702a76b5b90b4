package io.jenkins.plugins.securedeploy.engine.scan.container;

import java.util.List;
import java.util.Objects;

/**
 * A Kubernetes object that runs pods — Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod — with its
 * pod-level host namespace settings, its containers (init containers included, marked) and where it starts.
 */
public record Workload(String kind, String name, String namespace, boolean hostNetwork, boolean hostPID,
        boolean hostIPC, List<Container> containers, String file, long line) {
    public Workload {
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
        namespace = namespace == null ? "" : namespace;
        containers = containers == null ? List.of() : List.copyOf(containers);
        file = file == null ? "" : file;
    }
}
