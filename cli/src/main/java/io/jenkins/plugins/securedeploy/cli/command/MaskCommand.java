package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.SuppressForbidden;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.mask.EncodedForms;
import io.jenkins.plugins.securedeploy.engine.mask.FileMasker;
import io.jenkins.plugins.securedeploy.engine.mask.MaskingCopy;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code secure-deploy mask}: stdin to stdout with every form of the given secrets masked (a pipe for any CI tool's
 * log), or {@code --in-place FILE...} to mask files before they are archived.
 */
@Command(name = "mask", mixinStandardHelpOptions = true,
        description = {"Mask secrets - raw, base64, URL, JSON, XML, shell and hex forms, and each line of a"
                + " multi-line secret - in stdin (written to stdout as it arrives) or in files (--in-place).",
            "Secrets come from environment variables or files, never from the command line."},
        footer = {"%nExamples:", "  ./build.sh 2>&1 | secure-deploy mask --secret-env API_TOKEN --secret-file key.pem",
            "  secure-deploy mask --secret-env API_TOKEN --in-place reports/*.json"})
public final class MaskCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--secret-env", paramLabel = "NAME", description = "Environment variable holding a secret.")
    List<String> secretEnv = new ArrayList<>();

    @Option(names = "--secret-file", paramLabel = "FILE", description = "File whose whole content is a secret.")
    List<Path> secretFiles = new ArrayList<>();

    @Option(names = "--min-length", paramLabel = "N", defaultValue = "4",
            description = "The masking floor: a secret shorter than this is refused (exit 2, unless --allow-short); "
                    + "lines of a multi-line secret shorter than this are not masked on their own "
                    + "(default: ${DEFAULT-VALUE}).")
    int minLength;

    @Option(names = "--in-place", arity = "1..*", paramLabel = "FILE",
            description = "Mask these files in place (atomically) instead of stdin.")
    List<Path> inPlace = new ArrayList<>();

    @Option(names = "--allow-short", description = "Go on when a secret is shorter than --min-length: it is then NOT "
            + "masked (a warning says so). Without it such a secret is a usage error (exit 2).")
    boolean allowShort;

    /** The environment secrets are read from; tests replace it. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (secretEnv.isEmpty() && secretFiles.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give at least one --secret-env or --secret-file");
        }
        if (minLength < 1) {
            throw new ParameterException(spec.commandLine(), "--min-length must be at least 1, got " + minLength);
        }
        SecretMasker masker = SecretMasker.builder().floor(minLength).addAll(secrets(err)).build();
        if (inPlace.isEmpty()) {
            pipe(masker);
            return ExitCode.PASS;
        }
        List<Problem> unusable = new ArrayList<>();
        for (Path f : inPlace) {
            String why = Files.isSymbolicLink(f) ? "it is a symbolic link (not followed)"
                    : !Files.exists(f) ? "it does not exist" : Files.isDirectory(f) ? "it is a directory" : null;
            if (why != null) {
                unusable.add(Problem.of("mask.file.unusable", "cannot mask in place: " + why,
                        Location.ofFile(f.toString())));
            }
        }
        if (!unusable.isEmpty()) {
            throw new InvalidInputException(unusable);
        }
        FileMasker files = new FileMasker(masker);
        PrintWriter out = spec.commandLine().getOut();
        for (Path f : inPlace) {
            long masks;
            try {
                masks = files.maskInPlace(f);
            } catch (IOException e) {
                throw new EnvironmentException("cannot mask " + f + " in place: " + IoReason.of(e), e);
            }
            out.println((masks == 0 ? "unchanged  " : "masked " + masks + "  ") + f);
        }
        out.flush();
        return ExitCode.PASS;
    }

    private List<SecretValue> secrets(PrintWriter err) throws IOException {
        List<SecretValue> secrets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> tooShort = new ArrayList<>();
        for (String name : secretEnv) {
            String value = environment.get(name);
            if (value == null) {
                problems.add(Problem.of("mask.env.unset", "environment variable is not set",
                        Location.ofFile("--secret-env " + name)));
            } else {
                add(secrets, tooShort, value, "--secret-env " + name);
            }
        }
        for (Path f : secretFiles) {
            if (!Files.isRegularFile(f)) {
                problems.add(Problem.of("mask.file.missing", "secret file does not exist or is not a file",
                        Location.ofFile(f.toString())));
            } else {
                add(secrets, tooShort, Files.readString(f, StandardCharsets.UTF_8), "--secret-file " + f);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!tooShort.isEmpty() && !allowShort) {
            throw new ParameterException(spec.commandLine(), String.join("; ", tooShort)
                    + "; it would NOT be masked (masking so little would hide ordinary text): use a longer secret, "
                    + "lower --min-length, or pass --allow-short to go on without masking it");
        }
        tooShort.forEach(w -> err.println("warning: " + w + " - NOT masked (--allow-short)"));
        err.flush();
        return secrets;
    }

    private void add(List<SecretValue> secrets, List<String> tooShort, String value, String source) {
        if (value.isEmpty()) {
            tooShort.add(source + ": the secret is empty");
            return;
        }
        SecretValue secret = SecretValue.of(value);
        int length = EncodedForms.maskedLength(secret);
        if (length < minLength) {
            tooShort.add(source + ": the secret is " + length + " chars, shorter than the masking floor of "
                    + minLength);
            return;
        }
        secrets.add(secret);
    }

    @SuppressForbidden(reason = "the mask command is a pipe: it owns the process's stdin and stdout as bytes")
    private static void pipe(SecretMasker masker) throws IOException {
        // the file descriptors themselves, not System.in/out: no synchronised PrintStream, no 8 KiB buffers
        System.out.flush();
        pipe(masker, new FileInputStream(FileDescriptor.in).getChannel(), new FileOutputStream(FileDescriptor.out));
    }

    /** Streams {@code in} to {@code out} masked; what is read is passed on (and flushed) as soon as it is read. */
    static void pipe(SecretMasker masker, InputStream in, OutputStream out) throws IOException {
        pipe(masker, Channels.newChannel(in), out);
    }

    private static void pipe(SecretMasker masker, ReadableByteChannel in, OutputStream out) {
        try {
            MaskingCopy.copy(masker, in, out, true);
        } catch (IOException e) {
            throw new EnvironmentException("cannot stream stdin to stdout while masking", e);
        }
    }
}
