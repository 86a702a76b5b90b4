package io.jenkins.plugins.securedeploy.cli;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command prints on stdout with {@code --json} when it fails instead of its own document:
 * {@code {"format": "secure-deploy-error", "version": 1, "exitCode": 2|3, "kind": "usage"|"error", "message": ...,
 * "problems": [{code, message, file, pointer, line, column}]}}. Messages are the same plain words stderr shows; they
 * never hold a secret (engine messages never quote input values).
 */
public final class ErrorDocument {
    public static final String FORMAT = "secure-deploy-error";

    private ErrorDocument() {}

    public static String usage(String message) {
        return render(ExitCode.USAGE, "usage", message, List.of());
    }

    public static String error(String message, Throwable cause) {
        List<Problem> problems = cause instanceof InvalidInputException e ? e.problems() : List.of();
        return render(ExitCode.ERROR, "error", message, problems);
    }

    private static String render(int exitCode, String kind, String message, List<Problem> problems) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("version", 1);
        doc.put("exitCode", exitCode);
        doc.put("kind", kind);
        doc.put("message", message);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", p.code());
            m.put("message", p.message());
            m.put("file", p.location().file());
            m.put("pointer", p.location().pointer());
            m.put("line", p.location().line());
            m.put("column", p.location().column());
            list.add(m);
        }
        doc.put("problems", list);
        try {
            return Json.strict().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "{\"format\": \"" + FORMAT + "\", \"version\": 1, \"exitCode\": " + exitCode + "}";
        }
    }
}
