package io.jenkins.plugins.securedeploy.engine.scan.container;

import java.util.Objects;

/**
 * One Dockerfile instruction: {@code keyword} upper-case ({@code RUN}), {@code args} the text after it with line
 * continuations joined by a space and heredoc bodies appended after a newline, {@code line} where it starts.
 */
public record Instruction(String keyword, String args, long line) {
    public Instruction {
        Objects.requireNonNull(keyword, "keyword");
        args = args == null ? "" : args;
    }
}
