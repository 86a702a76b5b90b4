package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.Progress;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Override
    public Integer call() {
        Output output = new Output(spec, shared);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Progress ignored = Progress.start(spec.commandLine().getErr(), "hashing")) {
            for (Path f : files) {
                DigestSet set = Hashing.file(f);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", f.toString());
                set.digests().forEach((a, d) -> row.put(a.id(), d.hex()));
                rows.add(row);
                output.line(set.get(DigestAlgorithm.SHA256).orElseThrow() + "  " + f);
                output.line(set.get(DigestAlgorithm.SHA512).orElseThrow() + "  " + f);
            }
        }
        output.document(Map.of("files", rows));
        return ExitCode.PASS;
    }
}
