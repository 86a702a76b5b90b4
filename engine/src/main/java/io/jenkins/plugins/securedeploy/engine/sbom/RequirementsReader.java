package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python {@code requirements.txt} as {@code pip freeze} or {@code pip-compile --generate-hashes} write it: every
 * requirement pinned with {@code ==}. An unpinned requirement is an error (with its line): an SBOM must name exact
 * versions, so the generator fails closed rather than guess. {@code --hash} values become hashes only when one
 * artifact is pinned (several wheels → no single component hash).
 */
final class RequirementsReader implements LockfileReader {
    private static final Pattern PINNED = Pattern.compile(
            "^([A-Za-z0-9][A-Za-z0-9._-]*)(\\[[^\\]]*\\])?\\s*===?\\s*([^\\s;#\\\\]+)");
    private static final Pattern HASH = Pattern.compile("--hash[=\\s]+(sha256|sha384|sha512):([0-9a-fA-F]+)");

    @Override
    public String ecosystem() {
        return "pypi";
    }

    @Override
    public LockfileContents read(InputStream in, String displayName) throws IOException {
        List<String> lines = LineSource.lines(in);
        Map<String, SbomComponent> out = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            StringBuilder logical = new StringBuilder(lines.get(i));
            while (logical.toString().stripTrailing().endsWith("\\") && i + 1 < lines.size()) {
                String current = logical.toString().stripTrailing();
                logical.setLength(0);
                logical.append(current, 0, current.length() - 1).append(' ').append(lines.get(++i));
            }
            String line = stripComment(logical.toString()).strip();
            if (line.isEmpty() || line.startsWith("-") && !line.startsWith("-e") && !line.startsWith("--editable")) {
                continue; // options: -r, -c, --index-url, --hash on its own ...
            }
            Matcher m = PINNED.matcher(line);
            if (!m.find()) {
                problems.add(Problem.of("python.unpinned", "requirement is not pinned with == (use pip freeze or "
                        + "pip-compile)", Location.of(displayName, lineNumber, 0)));
                continue;
            }
            String name = LineSource.pythonName(m.group(1));
            String version = m.group(3);
            Map<String, String> hashes = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            Matcher h = HASH.matcher(line);
            while (h.find()) {
                String alg = "SHA-" + h.group(1).substring(3);
                counts.merge(alg, 1, Integer::sum);
                hashes.putIfAbsent(alg, h.group(2).toLowerCase(java.util.Locale.ROOT));
            }
            counts.forEach((alg, n) -> {
                if (n > 1) {
                    hashes.remove(alg);
                }
            });
            String purl = Purls.of("pypi", null, name, version);
            out.putIfAbsent(purl, new SbomComponent("pypi", "", name, version, purl, List.of(), hashes, "required",
                    purl));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new LockfileContents(displayName, ecosystem(), new ArrayList<>(out.values()), List.of());
    }

    private static String stripComment(String line) {
        int hash = line.indexOf(" #");
        if (line.startsWith("#")) {
            return "";
        }
        return hash >= 0 ? line.substring(0, hash) : line;
    }
}
