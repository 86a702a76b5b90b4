package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.fields;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.scalar;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.string;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.strings;

import com.fasterxml.jackson.core.JsonParser;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.RecordInput;
import io.jenkins.plugins.securedeploy.engine.core.RecordOutput;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's exact values that our SARIF writer keeps in a result's property bag ({@code secure-deploy/severity},
 * {@code category}, {@code score}, {@code ids}, {@code package}, {@code file}, {@code untitled}) and its fingerprint
 * in {@code partialFingerprints["secure-deploy/v1"]}, read back so that a SARIF log we wrote gives exactly the
 * findings it was written from. Foreign logs have none of them and read as before. Fail closed: a severity from the
 * bag that is weaker than what the result's SARIF fields say is not taken (the SARIF fields win), and a value that is
 * not one of ours (an unknown severity or category name) is ignored.
 */
final class SarifOwnPropertiesReader {
    static final String PREFIX = "secure-deploy/";
    static final String FINGERPRINT = PREFIX + "v1";

    private Severity severity;
    private Category category;
    private String score;
    private List<String> ids;
    private PackageRef pkg;
    private String file;
    private boolean untitled;

    /** Reads {@code key} of a result's property bag if it is one of ours; false if it is not (the caller reads it). */
    boolean read(JsonParser p, String displayName, String key) throws IOException {
        switch (key) {
            case PREFIX + "severity" -> severity = constant(Severity.class, string(p, displayName, key));
            case PREFIX + "category" -> category = constant(Category.class, string(p, displayName, key));
            case PREFIX + "score" -> score = scalar(p);
            case PREFIX + "ids" -> {
                List<String> read = new ArrayList<>();
                strings(p, displayName, key, read::add);
                ids = read;
            }
            case PREFIX + "package" -> pkg = pkg(p, displayName, key);
            case PREFIX + "file" -> file = string(p, displayName, key);
            case PREFIX + "untitled" -> untitled = "true".equals(scalar(p));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Whether the result carries our exact values (a log we wrote). */
    boolean present() {
        return severity != null;
    }

    /** The severity to use: ours where the result carries it and it is not weaker than the SARIF fields' one. */
    Severity severity(Severity fromSarif) {
        return present() && severity.isAtLeast(fromSarif) ? severity : fromSarif;
    }

    /**
     * Sets on {@code b} the exact values this bag holds (with {@link #present()}); {@code location} is where the
     * SARIF fields put the result, whose file is replaced by ours when the URI had to encode it.
     */
    void applyTo(FindingBuilder b, Location location, Map<String, String> fingerprints) {
        if (fingerprints != null && fingerprints.get(FINGERPRINT) != null) {
            b.exactFingerprint(fingerprints.get(FINGERPRINT));
        }
        if (!present()) {
            return;
        }
        b.score(number(score));
        if (category != null) {
            b.category(category);
        }
        if (pkg != null) {
            b.pkg(pkg);
        }
        if (file != null && location != null) {
            b.location(Location.of(file, location.line(), location.column()));
        }
        if (untitled) {
            b.title("");
        }
    }

    /** Our ids, in order, when the bag holds them (null otherwise: the CWE tags are the ids). */
    List<String> ids() {
        return present() ? ids : null;
    }

    /** What this bag holds, for a deferred result's record ({@link SarifResultRecord}). */
    void write(RecordOutput out) throws IOException {
        out.writeByte(severity == null ? 0 : severity.ordinal() + 1);
        out.writeByte(category == null ? 0 : category.ordinal() + 1);
        out.writeNullableString(score);
        out.writeInt(ids == null ? -1 : ids.size());
        if (ids != null) {
            for (String id : ids) {
                out.writeString(id);
            }
        }
        out.writeBoolean(pkg != null);
        if (pkg != null) {
            out.writeString(pkg.name());
            out.writeString(pkg.version());
            out.writeString(pkg.fixedVersion());
            out.writeString(pkg.purl());
        }
        out.writeNullableString(file);
        out.writeBoolean(untitled);
    }

    /** Reads back what {@link #write} wrote into this (empty) bag. */
    void read(RecordInput in) throws IOException {
        int s = in.readByte();
        severity = s == 0 ? null : Severity.values()[s - 1];
        int c = in.readByte();
        category = c == 0 ? null : Category.values()[c - 1];
        score = in.readNullableString();
        int n = in.readInt();
        if (n >= 0) {
            ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ids.add(in.readString());
            }
        }
        if (in.readBoolean()) {
            pkg = new PackageRef(in.readString(), in.readString(), in.readString(), in.readString());
        }
        file = in.readNullableString();
        untitled = in.readBoolean();
    }

    private static PackageRef pkg(JsonParser p, String displayName, String key) throws IOException {
        String[] v = {null, "", "", ""};
        fields(p, displayName, key, k -> {
            switch (k) {
                case "name" -> v[0] = string(p, displayName, key + ".name");
                case "version" -> v[1] = string(p, displayName, key + ".version");
                case "fixedVersion" -> v[2] = string(p, displayName, key + ".fixedVersion");
                case "purl" -> v[3] = string(p, displayName, key + ".purl");
                default -> p.skipChildren();
            }
        });
        return v[0] == null ? null : new PackageRef(v[0], v[1], v[2], v[3]);
    }

    private static double number(String text) {
        if (text == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name.toUpperCase(Locale.ROOT))) {
                return e;
            }
        }
        return null;
    }
}
