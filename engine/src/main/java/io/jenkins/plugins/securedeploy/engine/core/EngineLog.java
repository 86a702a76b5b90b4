package io.jenkins.plugins.securedeploy.engine.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines an engine service records while it works (analysis-model's FilteredLog pattern): the host decides where they
 * print. Lines must never contain secrets; hosts still pass them through their masker. Thread-safe.
 */
public final class EngineLog {
    /** The level of a line. */
    public enum Level {
        INFO,
        ERROR
    }

    /** One recorded line. */
    public record Line(Level level, String text) {}

    private final String prefix;
    private final List<Line> lines = new ArrayList<>();

    public EngineLog(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }

    public synchronized void info(String format, Object... args) {
        lines.add(new Line(Level.INFO, prefix + String.format(java.util.Locale.ROOT, format, args)));
    }

    public synchronized void error(String format, Object... args) {
        lines.add(new Line(Level.ERROR, prefix + String.format(java.util.Locale.ROOT, format, args)));
    }

    public synchronized void merge(EngineLog other) {
        lines.addAll(other.lines());
    }

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    public synchronized List<String> errors() {
        return lines.stream().filter(l -> l.level() == Level.ERROR).map(Line::text).toList();
    }

    public synchronized boolean hasErrors() {
        return lines.stream().anyMatch(l -> l.level() == Level.ERROR);
    }
}
