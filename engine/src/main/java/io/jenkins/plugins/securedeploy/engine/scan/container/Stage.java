package io.jenkins.plugins.securedeploy.engine.scan.container;

import java.util.List;
import java.util.Objects;

/**
 * One build stage of a Dockerfile ({@code FROM … [AS name]} up to the next {@code FROM}): its position
 * ({@code index} from 0, {@code last} for the final stage — the image that ships — and {@code stageCount}), its
 * {@code base} image, the effective {@code user} (its last {@code USER}, else the user of the stage it is built
 * from; {@code nonroot} when the base image's tag says so, as distroless {@code :nonroot} images do; empty when
 * unknown, which means root), whether it has a {@code healthcheck} (its own or its parent stage's; {@code
 * HEALTHCHECK NONE} turns it off), its instructions and variables, and the file and line of its {@code FROM}.
 */
public record Stage(long index, String name, boolean last, long stageCount, ImageRef base, String user,
        boolean healthcheck, List<Instruction> instructions, List<Variable> variables, String file, long line) {
    public Stage {
        name = name == null ? "" : name;
        Objects.requireNonNull(base, "base");
        user = user == null ? "" : user;
        instructions = instructions == null ? List.of() : List.copyOf(instructions);
        variables = variables == null ? List.of() : List.copyOf(variables);
        file = file == null ? "" : file;
    }
}
