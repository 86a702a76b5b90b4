package io.jenkins.plugins.securedeploy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.PrintWriter;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How a command talks to a person or a machine: human text by default, one JSON document with {@code --json};
 * PASS/FAIL coloured where the terminal supports it (picocli's Ansi.AUTO: off when piped, or with NO_COLOR).
 */
public final class Output {
    private final PrintWriter out;
    private final ColorScheme colors;
    private final boolean json;
    private final boolean noColor;

    public Output(CommandSpec spec, boolean json) {
        this(spec, json, false);
    }

    /** Output for a command that uses the {@link SharedOptions} mixin. */
    public Output(CommandSpec spec, SharedOptions shared) {
        this(spec, shared.json(), shared.noColor());
    }

    private Output(CommandSpec spec, boolean json, boolean noColor) {
        this.out = spec.commandLine().getOut();
        this.colors = spec.commandLine().getColorScheme();
        this.json = json;
        this.noColor = noColor;
    }

    public boolean json() {
        return json;
    }

    public void line(String text) {
        if (!json) {
            out.println(text);
        }
    }

    /** {@code PASSED} in green, {@code FAILED}/{@code ERROR} in red (where colours are on). */
    public String verdict(String verdict) {
        if (noColor || colors.ansi() == Ansi.OFF || !colors.ansi().enabled()) {
            return verdict;
        }
        String style = "PASSED".equals(verdict) || "PASS".equals(verdict) ? "fg(green),bold" : "fg(red),bold";
        return colors.ansi().string("@|" + style + " " + verdict + "|@");
    }

    /** Prints an already rendered JSON document (only in --json mode), e.g. a findings document. */
    public void json(byte[] document) {
        if (json) {
            out.println(new String(document, java.nio.charset.StandardCharsets.UTF_8).stripTrailing());
            out.flush();
        }
    }

    /** Writes a value as pretty JSON (only in --json mode). */
    public void document(Object value) {
        if (!json) {
            return;
        }
        try {
            out.println(Json.strict().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new EnvironmentException("cannot write JSON output: " + e.getOriginalMessage(), e);
        }
    }
}
