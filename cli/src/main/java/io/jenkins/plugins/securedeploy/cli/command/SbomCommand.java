package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.Progress;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.sbom.LockfileFinder;
import io.jenkins.plugins.securedeploy.engine.core.ArtifactRef;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sbom.GeneratedSbom;
import io.jenkins.plugins.securedeploy.engine.sbom.LockfileContents;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomDiff;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomGenerator;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomIngest;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomOptions;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSource;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomValidator;
import io.jenkins.plugins.securedeploy.engine.sbom.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code secure-deploy sbom generate|validate|diff}. */
@Command(name = "sbom", mixinStandardHelpOptions = true,
        description = "Generate, validate and compare SBOMs (CycloneDX 1.4-1.6 JSON/XML, SPDX 2.3 JSON/tag-value).",
        subcommands = {SbomCommand.Generate.class, SbomCommand.Validate.class, SbomCommand.Diff.class})
public final class SbomCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    static Path existing(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(Problem.of("file.directory", "is a directory, not a file (give the "
                    + "SBOM file itself)", Location.ofFile(file.toString())));
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(Problem.of("file.missing", "file does not exist",
                    Location.ofFile(file.toString())));
        }
        return file;
    }

    /** {@code sbom generate}: CycloneDX JSON from lockfiles and build artifacts. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Generate a CycloneDX SBOM from lockfiles (package-lock.json, npm-shrinkwrap.json, "
                    + "poetry.lock, requirements*.txt, go.sum, Maven dependency:tree JSON or g:a:v list) and "
                    + "build artifacts.",
                "A DIR argument is searched for the lockfiles with a fixed name, skipping vendored and build folders "
                    + "(node_modules, vendor, target, build, dist, ... and hidden folders); Maven lists are named "
                    + "explicitly."})
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--spec", defaultValue = "1.6", description = "CycloneDX version: 1.6 (default) or 1.5.")
        String specVersion;

        @Option(names = "--artifact", paramLabel = "FILE", description = "A build artifact to record with its "
                + "SHA-256/SHA-512 digests (repeatable).")
        List<Path> artifacts = new ArrayList<>();

        @Option(names = "--out", paramLabel = "FILE", description = "Where to write the SBOM (default: stdout).")
        Path out;

        @Option(names = "--name", description = "The project the SBOM describes (metadata component).")
        String projectName;

        @Option(names = "--project-version", description = "The project's version.")
        String projectVersion;

        @Mixin
        SharedOptions shared;

        @Parameters(arity = "0..*", paramLabel = "LOCKFILE|DIR", description = "Lockfiles, or folders to search "
                + "for them.")
        List<Path> lockfiles = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            if (!SbomOptions.SPEC_VERSIONS.contains(specVersion)) {
                throw new ParameterException(spec.commandLine(), "--spec must be 1.5 or 1.6, got '" + specVersion
                        + "'");
            }
            if (lockfiles.isEmpty() && artifacts.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "give at least one LOCKFILE, DIR or --artifact");
            }
            Output output = new Output(spec, shared);
            SbomGenerator generator = SbomGenerator.system();
            GeneratedSbom sbom;
            try (Progress ignored = Progress.start(spec.commandLine().getErr(), "generating SBOM")) {
                List<LockfileContents> contents = new ArrayList<>();
                List<Problem> problems = new ArrayList<>();
                for (Path lockfile : lockfiles) {
                    try {
                        if (Files.isDirectory(lockfile)) {
                            contents.addAll(readDirectory(generator, lockfile, spec.commandLine().getErr()));
                        } else {
                            contents.add(generator.read(SbomSource.ofPath(existing(lockfile))));
                        }
                    } catch (InvalidInputException e) {
                        problems.addAll(e.problems());
                    }
                }
                if (!problems.isEmpty()) {
                    throw new InvalidInputException(problems);
                }
                List<ArtifactRef> refs = new ArrayList<>();
                for (Path a : artifacts) {
                    refs.add(new ArtifactRef(a.toString().replace('\\', '/'), Hashing.file(existing(a)),
                            Files.size(a)));
                }
                String toolVersion = SbomCommand.class.getPackage().getImplementationVersion();
                sbom = generator.generate(contents, refs, new SbomOptions(specVersion, projectName, projectVersion,
                        toolVersion));
            }
            if (out == null) {
                spec.commandLine().getOut().println(new String(sbom.json(), StandardCharsets.UTF_8));
                spec.commandLine().getOut().flush();
            } else {
                Files.write(out, sbom.json());
                SbomSummary s = sbom.summary();
                output.line("wrote " + out + ": CycloneDX " + s.specVersion() + ", " + s.componentCount()
                        + " components, " + s.sha256());
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("file", out.toString());
                doc.put("specVersion", s.specVersion());
                doc.put("serialNumber", s.serialNumber());
                doc.put("components", s.componentCount());
                doc.put("sha256", s.sha256().hex());
                output.document(doc);
            }
            return ExitCode.PASS;
        }

        /** The lockfiles found under {@code dir}, read with names relative to it (as a build workspace has them). */
        private static List<LockfileContents> readDirectory(SbomGenerator generator, Path dir,
                java.io.PrintWriter err) {
            List<String> found = new LockfileFinder().find(dir);
            if (found.isEmpty()) {
                throw new InvalidInputException(Problem.of("sbom.no-lockfile", "no lockfile found in this folder "
                        + "(looked for package-lock.json, npm-shrinkwrap.json, poetry.lock, go.sum, requirements*.txt;"
                        + " skipped " + String.join(", ", new java.util.TreeSet<>(LockfileFinder.SKIPPED))
                        + " and hidden folders)", Location.ofFile(dir.toString())));
            }
            err.println("lockfiles in " + dir + ": " + String.join(", ", found));
            err.flush();
            FileSystemWorkspace workspace = new FileSystemWorkspace(dir);
            List<LockfileContents> contents = new ArrayList<>();
            for (String name : found) {
                contents.add(generator.read(workspace, name));
            }
            return contents;
        }
    }

    /** {@code sbom validate}: every problem of every file, located. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Validate SBOMs (CycloneDX JSON/XML 1.4-1.6, SPDX 2.3 JSON/tag-value) and list every "
                    + "problem with its location. Exit 0 valid, 1 invalid, 3 error.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        SharedOptions shared;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "SBOM files.")
        List<Path> files;

        @Override
        public Integer call() {
            Output output = new Output(spec, shared);
            SbomValidator validator = new SbomValidator();
            boolean allValid = true;
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Path f : files) {
                ValidationReport report;
                try (Progress ignored = Progress.start(spec.commandLine().getErr(), "validating " + f)) {
                    report = validator.validate(SbomSource.ofPath(existing(f)));
                }
                allValid &= report.valid();
                String what = report.format() == null ? "unknown format"
                        : report.format().displayName() + " " + report.specVersion();
                String count = report.summary().map(s -> ", " + s.componentCount() + " components").orElse("");
                output.line(output.verdict(report.valid() ? "PASSED" : "FAILED") + "  " + f + " (" + what + count
                        + (report.valid() ? "" : ", " + report.problems().size() + " problems") + ")");
                report.problems().forEach(p -> output.line("  - " + p.describe()));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", f.toString());
                row.put("valid", report.valid());
                row.put("format", report.format() == null ? null : report.format().name());
                row.put("specVersion", report.specVersion());
                row.put("problems", report.problems().stream().map(p -> Map.of("code", p.code(),
                        "message", p.message(), "file", p.location().file(), "pointer", p.location().pointer(),
                        "line", p.location().line())).toList());
                rows.add(row);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("valid", allValid);
            doc.put("files", rows);
            output.document(doc);
            return allValid ? ExitCode.PASS : ExitCode.GATE_FAILED;
        }
    }

    /** {@code sbom diff OLD NEW}. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Compare two SBOMs (any supported formats): components added, removed, version changed.")
    static final class Diff implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        SharedOptions shared;

        @Parameters(index = "0", paramLabel = "OLD")
        Path before;

        @Parameters(index = "1", paramLabel = "NEW")
        Path after;

        @Override
        public Integer call() {
            Output output = new Output(spec, shared);
            SbomIngest ingest = new SbomIngest();
            SbomDiff diff = SbomDiff.between(ingest.ingest(SbomSource.ofPath(existing(before))),
                    ingest.ingest(SbomSource.ofPath(existing(after))));
            diff.added().forEach(a -> output.line("+ " + a));
            diff.removed().forEach(r -> output.line("- " + r));
            diff.changed().forEach(c -> output.line("~ " + c.name() + " " + c.oldVersions() + " -> "
                    + c.newVersions()));
            output.line(diff.added().size() + " added, " + diff.removed().size() + " removed, "
                    + diff.changed().size() + " changed");
            output.document(diff);
            return ExitCode.PASS;
        }
    }
}
