package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The built-in secret scanner: walks a workspace and reports credential-shaped strings as {@link Finding}s of
 * category SECRET. Findings carry the rule, location, a redacted preview ({@code AKIA…(20 chars)}) and a
 * fingerprint; the secret itself never leaves the scan (not in findings, problems, log lines or exceptions).
 *
 * <p>Files over the size limit and binary files (a NUL byte in the first 8 KiB) are skipped and each is listed as a
 * problem (informational: the status stays OK), as is each dependency or build folder that is skipped. A file or
 * folder that cannot be read makes the result ERROR (fail closed).
 *
 * <p>Files are read and scanned by {@linkplain SecretScanOptions#threads() worker threads} fed through a bounded
 * queue; findings and problems come out in the order of the sorted file paths, whatever the number of threads.
 * Stateless and thread-safe.
 */
public final class SecretScanner {
    /** Tool name of the results and findings. */
    public static final String TOOL = "secure-deploy-secrets";
    /** Problem code: a file over the size limit was not scanned. */
    public static final String SKIPPED_TOO_LARGE = "secrets.skipped-too-large";
    /** Problem code: a binary file was not scanned. */
    public static final String SKIPPED_BINARY = "secrets.skipped-binary";
    /** Problem code: a dependency or build folder was not scanned. */
    public static final String SKIPPED_FOLDER = "secrets.skipped-folder";
    /** Problem code: a file could not be read (the result is ERROR). */
    public static final String READ_FAILED = "secrets.read-failed";

    /** Read buffer of each worker; longer lines stream through it. */
    static final int BUFFER = 1 << 20;

    private final int bufferSize;

    public SecretScanner() {
        this(BUFFER);
    }

    /** With another read buffer size (tests use small ones to cross buffer boundaries on small files). */
    SecretScanner(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    /**
     * Starts building, on a daemon thread, what a scan with the default rules needs first (their regular expressions,
     * the detector tables, the SHA-256 provider of the fingerprints), so that a host can do something else meanwhile
     * (the CLI: parse its command line). Once per JVM; returns at once. A scan need not wait for it: it finds the part
     * it needs built, or being built, and never builds it twice.
     */
    public static void warmUp() {
        SecretsWarmer.start();
    }

    public ScanResult scan(Workspace workspace, SecretScanOptions options) {
        return run(workspace, options, null); // no one reads the log: its lines are not even formatted
    }

    /** Scans and records summary lines (counts only, never content) in {@code log}. */
    public ScanResult scan(Workspace workspace, SecretScanOptions options, EngineLog log) {
        return run(workspace, options, java.util.Objects.requireNonNull(log, "log"));
    }

    private ScanResult run(Workspace workspace, SecretScanOptions options, EngineLog log) {
        Globs includes = Globs.compile("includes", options.includes());
        Globs excludes = Globs.compile("excludes", options.excludes());
        SecretAllowList allow = options.allowList();
        Globs allowedPaths = Globs.compile("allowList/pathGlobs", allow.pathGlobs());
        List<SecretRule> rules = new ArrayList<>(options.rules().size());
        for (SecretRule r : options.rules()) {
            if (!allow.allowsRule(r.id())) {
                rules.add(r);
            }
        }
        rules = List.copyOf(rules);

        TreeSource tree;
        try {
            tree = source(workspace, options);
        } catch (IOException | SecureDeployException | java.io.UncheckedIOException e) {
            if (log != null) {
                log.error("cannot list the files of %s (%s)", workspace.describe(), e.getClass().getSimpleName());
            }
            return ScanResult.error(TOOL, workspace.describe(), List.of(Problem.of(READ_FAILED,
                    "cannot list the workspace's files (" + e.getClass().getSimpleName() + ")",
                    Location.ofFile(""))));
        }
        Walk walk = new Walk(includes, excludes, allowedPaths, options.maxFileSize());
        SharedDetector shared = new SharedDetector(rules);
        try (ScanWorkers workers = new ScanWorkers(options.effectiveThreads(),
                new Workers(shared, options, allow, bufferSize))) {
            walk.workers = workers;
            try {
                tree.walk(walk);
            } catch (IOException | java.nio.file.DirectoryIteratorException e) {
                walk.unreadable("", true, e);
            }
        }
        return walk.result(workspace, rules.size(), log);
    }

    /**
     * Makes each worker's scanner (on the worker's thread). Named classes, not lambdas: the JDK spun a lambda's class
     * at every start (it was not taken from the AppCDS archive), on the scan's critical path.
     */
    private record Workers(SharedDetector shared, SecretScanOptions options, SecretAllowList allow, int bufferSize)
            implements java.util.function.Supplier<java.util.function.Consumer<FileJob>> {
        @Override
        public java.util.function.Consumer<FileJob> get() {
            SecretDetector detector = shared.forThisThread();
            return new Worker(new ByteLineScanner(detector.keywords(), options.windowChars(), options.maxFileSize(),
                    bufferSize), detector, allow);
        }
    }

    /** One worker: its scanner and detector, used for every job it takes. */
    private record Worker(ByteLineScanner scanner, SecretDetector detector, SecretAllowList allow)
            implements java.util.function.Consumer<FileJob> {
        @Override
        public void accept(FileJob job) {
            job.run(scanner, detector, allow);
        }
    }

    /**
     * The rules' detector tables, built once per scan (once per JVM for the default rules) by the first worker that
     * needs them (on its thread, while the walk starts), then shared: each worker gets its own matchers over the same
     * immutable tables.
     */
    private static final class SharedDetector {
        private final List<SecretRule> rules;
        private SecretDetector tables;

        SharedDetector(List<SecretRule> rules) {
            this.rules = rules;
        }

        synchronized SecretDetector forThisThread() {
            if (tables == null) {
                tables = SecretDetector.of(rules);
                return tables;
            }
            return tables.copy();
        }
    }

    private static TreeSource source(Workspace workspace, SecretScanOptions options) throws IOException {
        if (workspace instanceof FileSystemWorkspace local) {
            LocalTree tree = LocalTree.open(local.root(), options.gitignore(), options.skipDependencyFolders());
            if (tree != null) {
                return tree;
            }
        }
        return new WorkspaceTree(workspace, workspace.list("**"), options.skipDependencyFolders());
    }

    static Problem tooLarge(String file, String what, long limit) {
        return Problem.of(SKIPPED_TOO_LARGE, String.format(Locale.ROOT,
                "not scanned for secrets (info): %s over the %d-byte limit", what, limit), Location.ofFile(file));
    }

    static Problem readFailed(String file, Exception e) {
        return Problem.of(READ_FAILED, "cannot read the file to scan it for secrets ("
                + e.getClass().getSimpleName() + ")", Location.ofFile(file));
    }

    /**
     * The findings, problems and counts of a walk's entries, added in walk order. One method call per entry (not a
     * loop body): the loop runs once per scan, after the workers, and the JIT compiles a method called thousands of
     * times long before it would compile that loop (issue 21: ~15 ms of a 22,000-file scan's end ran interpreted).
     */
    private static final class Totals {
        final List<Finding> findings = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        private final EngineLog log;
        boolean failed;
        int scanned;
        long bytes;
        int allowedInline;
        int allowedByFingerprint;

        Totals(EngineLog log) {
            this.log = log;
        }

        void add(Object entry) {
            if (entry instanceof Problem p) {
                failed |= p.code().equals(READ_FAILED);
                if (log != null && p.code().equals(READ_FAILED)) {
                    log.error("cannot read %s (%s)", p.location().file(), p.message());
                }
                problems.add(p);
                return;
            }
            FileJob job = (FileJob) entry;
            FileJob.Outcome o = job.outcome();
            if (o.readFailure() != null) {
                failed = true;
                if (log != null) {
                    log.error("cannot read %s (%s)", job.path, o.readFailure());
                }
            }
            if (!o.findings().isEmpty()) {
                findings.addAll(o.findings());
            }
            if (!o.problems().isEmpty()) {
                problems.addAll(o.problems());
            }
            if (o.scanned()) {
                scanned++;
                bytes += job.size;
            }
            allowedInline += o.allowedInline();
            allowedByFingerprint += o.allowedByFingerprint();
        }
    }

    /** The walk's visitor: selects files, hands them to the workers and keeps every entry in walk order. */
    private static final class Walk implements TreeSource.Visitor {
        private final Globs includes;
        private final Globs excludes;
        private final Globs allowedPaths;
        private final long maxFileSize;
        private final Globs prunable;
        private final List<Object> entries = new ArrayList<>();
        private ScanWorkers workers;
        private int excluded;
        private int excludedFolders;
        private int allowedFiles;
        private int ignoredFiles;
        private int ignoredFolders;
        private int skippedFolders;

        Walk(Globs includes, Globs excludes, Globs allowedPaths, long maxFileSize) {
            this.includes = includes;
            this.excludes = excludes;
            this.allowedPaths = allowedPaths;
            this.maxFileSize = maxFileSize;
            this.prunable = excludes.folderPrefixes();
        }

        @Override
        public boolean prunes(String folder) {
            if (prunable.matches(folder)) {
                excludedFolders++;
                return true;
            }
            return false;
        }

        @Override
        public boolean selected(String path) {
            boolean literal = LiteralGlob.applies(path);
            if (!includes.matches(path, literal) || excludes.matches(path, literal)) {
                excluded++;
                return false;
            }
            if (allowedPaths.matches(path, literal)) {
                allowedFiles++;
                return false;
            }
            return true;
        }

        @Override
        public void file(String path, long size, TreeSource.Opener opener) throws IOException {
            if (size > maxFileSize) {
                opener.release();
                entries.add(tooLarge(path, size + " bytes is", maxFileSize));
                return;
            }
            FileJob job = new FileJob(path, size, opener);
            entries.add(job);
            workers.submit(job);
        }

        @Override
        public void ignored(String path, boolean folder) {
            if (folder) {
                ignoredFolders++;
            } else {
                ignoredFiles++;
            }
        }

        @Override
        public void skippedFolder(String path, String why) {
            skippedFolders++;
            entries.add(Problem.of(SKIPPED_FOLDER, "not scanned for secrets (info): a dependency or build folder ("
                    + why + ")", Location.ofFile(path + "/")));
        }

        @Override
        public void unreadable(String path, boolean folder, Exception cause) {
            entries.add(folder ? Problem.of(READ_FAILED, "cannot list the folder to scan it for secrets ("
                    + cause.getClass().getSimpleName() + ")", Location.ofFile(path)) : readFailed(path, cause));
        }

        ScanResult result(Workspace workspace, int ruleCount, EngineLog log) {
            Totals totals = new Totals(log);
            for (Object entry : entries) {
                totals.add(entry);
            }
            List<Finding> findings = totals.findings;
            List<Problem> problems = totals.problems;
            boolean failed = totals.failed;
            int scanned = totals.scanned;
            long bytes = totals.bytes;
            int allowedInline = totals.allowedInline;
            int allowedByFingerprint = totals.allowedByFingerprint;
            if (log != null) {
                log.info("scanned %d files (%d bytes) with %d rules; %d excluded, %d allow-listed by path, %d skipped",
                        scanned, bytes, ruleCount, excluded, allowedFiles,
                        problems.stream().filter(p -> !p.code().equals(READ_FAILED)).count());
                if (excludedFolders + skippedFolders + ignoredFiles + ignoredFolders > 0) {
                    log.info("not entered: %d excluded folders, %d dependency or build folders; ignored by .gitignore:"
                            + " %d files, %d folders", excludedFolders, skippedFolders, ignoredFiles, ignoredFolders);
                }
                log.info("%d secrets found; %d allow-listed inline, %d by fingerprint", findings.size(), allowedInline,
                        allowedByFingerprint);
            }
            return new ScanResult(TOOL, SecretRules.VERSION, workspace.describe(),
                    failed ? ScanResult.Status.ERROR : ScanResult.Status.OK, findings, problems);
        }
    }
}
