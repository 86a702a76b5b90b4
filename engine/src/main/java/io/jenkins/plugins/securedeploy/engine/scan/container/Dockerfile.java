package io.jenkins.plugins.securedeploy.engine.scan.container;

import java.util.List;
import java.util.Objects;

/** A parsed Dockerfile: its file, the ARGs declared before the first {@code FROM}, and its stages in order. */
public record Dockerfile(String file, List<Variable> globalArgs, List<Stage> stages) {
    public Dockerfile {
        Objects.requireNonNull(file, "file");
        globalArgs = globalArgs == null ? List.of() : List.copyOf(globalArgs);
        stages = stages == null ? List.of() : List.copyOf(stages);
    }
}
