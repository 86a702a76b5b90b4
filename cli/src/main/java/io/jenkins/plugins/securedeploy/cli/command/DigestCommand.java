package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.Progress;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.DigestWarmer;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code secure-deploy digest FILE...}: SHA-256 and SHA-512 of files, streamed. */
@Command(name = "digest", mixinStandardHelpOptions = true,
        description = "Print the SHA-256 and SHA-512 digests of files (streamed; any size).")
public final class DigestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to hash.")
    List<Path> files;

    @Option(names = "--algorithm", paramLabel = "ALG", converter = AlgorithmConverter.class,
            description = "Compute only this digest: sha256 or sha512 (repeatable; default: both, each on its own "
                    + "thread over one read of the file).")
    List<DigestAlgorithm> algorithms = new ArrayList<>();

    /**
     * picocli makes the command before it builds the command's model and parses the arguments: the JCA providers and
     * the digests' compiled code are readied on a spare thread meanwhile, off the hashing threads' start.
     */
    public DigestCommand() {
        DigestWarmer.start();
    }

    /** {@code sha256}, {@code SHA-512}, ... as {@link DigestAlgorithm#parse} reads them. */
    static final class AlgorithmConverter implements CommandLine.ITypeConverter<DigestAlgorithm> {
        @Override
        public DigestAlgorithm convert(String value) {
            return DigestAlgorithm.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "unsupported digest algorithm '" + value + "'; use sha256 or sha512"));
        }
    }

    @Override
    public Integer call() {
        Output output = new Output(spec, shared);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Progress ignored = Progress.start(spec.commandLine().getErr(), "hashing")) {
            for (Path f : files) {
                DigestSet set = algorithms.isEmpty() ? Hashing.file(f) : Hashing.file(f, Set.copyOf(algorithms));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", f.toString());
                set.digests().forEach((a, d) -> row.put(a.id(), d.hex()));
                rows.add(row);
                set.digests().values().forEach(d -> output.line(d + "  " + f));
            }
        }
        output.document(Map.of("files", rows));
        return ExitCode.PASS;
    }
}
