package io.jenkins.plugins.securedeploy.engine.policy.rules;

import java.util.Map;
import java.util.TreeMap;

/** Where the deployment goes: {@code name} ({@code "prod"}, {@code "staging"}, empty when unknown) and labels. */
public record EnvironmentView(String name, Map<String, String> labels) {
    public static final EnvironmentView NONE = new EnvironmentView("", Map.of());

    public EnvironmentView {
        name = name == null ? "" : name;
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
