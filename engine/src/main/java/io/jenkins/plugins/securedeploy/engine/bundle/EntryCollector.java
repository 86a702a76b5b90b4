package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.BoundedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes a bundle's entries from a source: checks each name ({@link BundlePaths}), refuses duplicates (also ignoring
 * case), links and devices, hashes every file while reading it once, and keeps in memory only the files whose
 * content is checked later — which ones, the (not yet verified) manifest says, so it must come first. Structural
 * faults are collected as FAILED reasons; limits end the read.
 */
final class EntryCollector implements EntrySink {
    /** Manifest files are small; more is refused before it is held. */
    static final int MAX_MANIFEST_BYTES = 16 << 20;

    /** One file as read: size, SHA-256 and, when kept, its bytes. */
    record Entry(String name, long size, Digest sha256, byte[] content) {}

    private final BundleLimits limits;
    private final boolean archive;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Set<String> folded = new HashSet<>();
    private final List<Problem> failures = new ArrayList<>();
    private Optional<BundleManifest> manifest = Optional.empty();
    private InvalidInputException manifestProblem;
    private long retained;
    private int index;

    EntryCollector(BundleLimits limits, boolean archive) {
        this.limits = limits;
        this.archive = archive;
    }

    @Override
    public void file(String name, long size, int mode, InputStream content) throws IOException {
        index++;
        Optional<String> bad = BundlePaths.problem(name);
        if (bad.isPresent()) {
            failures.add(problem(name, "bundle.unsafe-name", "entry name " + bad.get()));
            return;
        }
        if (entries.containsKey(name)) {
            failures.add(problem(name, "bundle.duplicate", "appears twice (a second copy would replace the first "
                    + "when extracted)"));
            return;
        }
        if (!folded.add(BundlePaths.folded(name))) {
            failures.add(problem(name, "bundle.case-collision", "differs from another entry only in case (they "
                    + "would overwrite each other on a case-insensitive file system)"));
            return;
        }
        if ((mode & 07000) != 0) {
            failures.add(problem(name, "bundle.unsafe-mode", "has setuid, setgid or sticky mode bits"));
        }
        if (archive && index == 1 && !name.equals(BundlePaths.MANIFEST)) {
            throw new BundleReadException("archive.order", "does not start with manifest.json (the writer puts it "
                    + "first, so the verifier knows what it reads before it reads it)", true);
        }
        boolean isManifest = BundlePaths.reserved(name);
        Entry entry = isManifest || keep(name) ? retain(name, size, content, isManifest) : hash(name, content);
        entries.put(name, entry);
        if (name.equals(BundlePaths.MANIFEST)) {
            try {
                manifest = Optional.of(new ManifestReader().read(entry.content(), BundlePaths.MANIFEST));
            } catch (InvalidInputException e) {
                manifestProblem = e;
            }
        }
    }

    @Override
    public void refused(String name, String kind) {
        failures.add(problem(name, "bundle.not-regular", "is " + kind + "; a bundle holds regular files only"));
    }

    private boolean keep(String name) {
        return manifest.flatMap(m -> m.file(name)).map(f -> switch (f.role()) {
            case SCAN_REPORT -> false;
            case GATE_REPORT -> f.path().endsWith("/gate-report.json");
            default -> true;
        }).orElse(false);
    }

    private Entry retain(String name, long size, InputStream content, boolean isManifest) throws IOException {
        long cap = isManifest ? MAX_MANIFEST_BYTES : limits.maxRetainedBytes() - retained;
        if (size > cap) {
            throw new BundleReadException("bundle.limit", BundlePaths.printable(name) + " (" + size + " bytes) is "
                    + "larger than can be held to check it (" + (isManifest ? MAX_MANIFEST_BYTES + " bytes for a "
                    + "manifest file" : limits.maxRetainedBytes() + " bytes for all checked files") + ")", false);
        }
        byte[] bytes = content.readNBytes((int) size);
        retained += isManifest ? 0 : bytes.length;
        return new Entry(name, bytes.length, Hashing.sha256(bytes), bytes);
    }

    private static Entry hash(String name, InputStream content) throws IOException {
        BoundedInputStream counted = new BoundedInputStream(content, Long.MAX_VALUE);
        Digest sha256 = Hashing.stream(counted, java.util.Set.of(DigestAlgorithm.SHA256)).sha256();
        return new Entry(name, counted.bytesRead(), sha256, null);
    }

    static Problem problem(String name, String code, String message) {
        return Problem.of(code, message, Location.ofFile(BundlePaths.printable(name)));
    }

    Map<String, Entry> entries() {
        return entries;
    }

    List<Problem> failures() {
        return failures;
    }

    Optional<BundleManifest> manifest() {
        return manifest;
    }

    Optional<InvalidInputException> manifestProblem() {
        return Optional.ofNullable(manifestProblem);
    }
}
