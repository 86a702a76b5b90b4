package io.jenkins.plugins.securedeploy.engine.scan.container;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One container of a Kubernetes workload with its <em>effective</em> security settings (the container's
 * {@code securityContext} over the pod's, Kubernetes' defaults where neither says): {@code runAsNonRoot} (false
 * unless set), {@code runAsUser} (-1 when unset), {@code readOnlyRootFilesystem} (false unless set),
 * {@code allowPrivilegeEscalation} (true unless set to false — Kubernetes' default), {@code privileged},
 * {@code capabilitiesAdd} / {@code capabilitiesDrop}, resource {@code limits} and {@code requests} (e.g. {@code cpu},
 * {@code memory}), its {@code env}, whether it is an {@code init} container, and the workload it belongs to.
 */
public record Container(String name, String image, ImageRef imageRef, boolean init, boolean runAsNonRoot,
        long runAsUser, boolean readOnlyRootFilesystem, boolean allowPrivilegeEscalation, boolean privileged,
        List<String> capabilitiesAdd, List<String> capabilitiesDrop, Map<String, String> limits,
        Map<String, String> requests, List<Variable> env, String workloadKind, String workloadName, String file,
        long line) {
    public Container {
        name = name == null ? "" : name;
        image = image == null ? "" : image;
        Objects.requireNonNull(imageRef, "imageRef");
        capabilitiesAdd = capabilitiesAdd == null ? List.of() : List.copyOf(capabilitiesAdd);
        capabilitiesDrop = capabilitiesDrop == null ? List.of() : List.copyOf(capabilitiesDrop);
        limits = limits == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(limits));
        requests = requests == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(requests));
        env = env == null ? List.of() : List.copyOf(env);
        workloadKind = workloadKind == null ? "" : workloadKind;
        workloadName = workloadName == null ? "" : workloadName;
        file = file == null ? "" : file;
    }
}
