package io.jenkins.plugins.securedeploy.engine.scan.container;

import java.util.Locale;
import java.util.Objects;

/**
 * An image reference as written ({@code raw}, after ARG substitution) and its parts: {@code repository} (registry
 * and path, e.g. {@code gcr.io/distroless/java17}), {@code name} (the last path part, e.g. {@code java17}),
 * {@code tag} and {@code digest} (empty when absent). {@code latest} is true for the tag {@code latest} and for a
 * reference with neither tag nor digest (which means latest); {@code pinned} when a digest is given;
 * {@code scratch} for {@code FROM scratch}; {@code stage} when the reference names an earlier build stage;
 * {@code unresolved} when an ARG in it has no value.
 */
public record ImageRef(String raw, String repository, String name, String tag, String digest, boolean latest,
        boolean pinned, boolean scratch, boolean stage, boolean unresolved) {
    public ImageRef {
        Objects.requireNonNull(raw, "raw");
        repository = repository == null ? "" : repository;
        name = name == null ? "" : name;
        tag = tag == null ? "" : tag;
        digest = digest == null ? "" : digest;
    }

    /** Parses {@code [registry/]path[:tag][@digest]}; {@code stage} when it names an earlier stage. */
    public static ImageRef parse(String raw, boolean stage, boolean unresolved) {
        String text = raw.trim();
        if (stage) {
            return new ImageRef(text, text, text, "", "", false, false, false, true, unresolved);
        }
        if (text.toLowerCase(Locale.ROOT).equals("scratch")) {
            return new ImageRef(text, "scratch", "scratch", "", "", false, true, true, false, unresolved);
        }
        String digest = "";
        int at = text.indexOf('@');
        String rest = text;
        if (at >= 0) {
            digest = text.substring(at + 1);
            rest = text.substring(0, at);
        }
        String tag = "";
        int slash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > slash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String name = rest.substring(rest.lastIndexOf('/') + 1);
        boolean pinned = digest.matches("sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128}");
        boolean latest = tag.equals("latest") || tag.isEmpty() && digest.isEmpty();
        return new ImageRef(text, rest, name, tag, digest, latest, pinned, false, false, unresolved);
    }
}
