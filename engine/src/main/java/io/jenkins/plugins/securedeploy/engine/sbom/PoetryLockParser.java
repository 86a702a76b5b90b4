package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code poetry.lock}: the subset of TOML Poetry writes — {@code [[package]]} tables with {@code name},
 * {@code version}, {@code category} (Poetry &lt; 1.5: {@code dev} → scope excluded), a {@code files} array of
 * {@code {file = ..., hash = "sha256:..."}} and a {@code [package.dependencies]} table (the graph). A hash is kept
 * only when exactly one file is locked.
 */
final class PoetryLockParser implements LockfileReader {
    private static final Pattern KEY_VALUE = Pattern.compile("^([A-Za-z0-9_.\"-]+)\\s*=\\s*(.*)$");
    private static final Pattern FILE_HASH = Pattern.compile("hash\\s*=\\s*\"(sha256|sha512):([0-9a-fA-F]+)\"");

    @Override
    public String ecosystem() {
        return "pypi";
    }

    private static final class Pkg {
        String name = "";
        String version = "";
        String category = "";
        int line;
        final List<String[]> hashes = new ArrayList<>();
        final List<String> dependencies = new ArrayList<>();
    }

    @Override
    public LockfileContents read(InputStream in, String displayName) throws IOException {
        List<String> lines = LineSource.lines(in);
        List<Pkg> packages = new ArrayList<>();
        Pkg current = null;
        String table = "";
        boolean inFiles = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("[[package]]")) {
                current = new Pkg();
                current.line = i + 1;
                packages.add(current);
                table = "package";
                continue;
            }
            if (line.startsWith("[")) {
                table = line.replace("[", "").replace("]", "").strip();
                inFiles = false;
                continue;
            }
            if (current == null) {
                continue;
            }
            if (inFiles) {
                Matcher h = FILE_HASH.matcher(line);
                if (h.find()) {
                    current.hashes.add(new String[] {"SHA-" + h.group(1).substring(3), h.group(2)});
                }
                if (line.startsWith("]")) {
                    inFiles = false;
                }
                continue;
            }
            Matcher kv = KEY_VALUE.matcher(line);
            if (!kv.matches()) {
                continue;
            }
            String key = kv.group(1).replace("\"", "");
            String value = kv.group(2).strip();
            if ("package".equals(table)) {
                switch (key) {
                    case "name" -> current.name = unquote(value);
                    case "version" -> current.version = unquote(value);
                    case "category" -> current.category = unquote(value);
                    case "files" -> {
                        Matcher h = FILE_HASH.matcher(value);
                        while (h.find()) {
                            current.hashes.add(new String[] {"SHA-" + h.group(1).substring(3), h.group(2)});
                        }
                        inFiles = value.startsWith("[") && !value.endsWith("]");
                    }
                    default -> { }
                }
            } else if ("package.dependencies".equals(table)) {
                current.dependencies.add(LineSource.pythonName(key));
            }
        }
        return contents(packages, displayName);
    }

    private LockfileContents contents(List<Pkg> packages, String displayName) {
        Map<String, SbomComponent> byName = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Pkg p : packages) {
            if (p.name.isEmpty() || p.version.isEmpty()) {
                problems.add(Problem.of("poetry.package", "[[package]] needs name and version",
                        Location.of(displayName, p.line, 0)));
                continue;
            }
            String name = LineSource.pythonName(p.name);
            Map<String, String> hashes = new TreeMap<>();
            if (p.hashes.size() == 1) {
                hashes.put(p.hashes.get(0)[0], p.hashes.get(0)[1].toLowerCase(java.util.Locale.ROOT));
            }
            String purl = Purls.of("pypi", null, name, p.version);
            byName.put(name, new SbomComponent("pypi", "", name, p.version, purl, List.of(), hashes,
                    "dev".equals(p.category) ? "excluded" : "required", purl));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<SbomDependency> deps = new ArrayList<>();
        for (Pkg p : packages) {
            SbomComponent from = byName.get(LineSource.pythonName(p.name));
            TreeSet<String> targets = new TreeSet<>();
            for (String d : p.dependencies) {
                SbomComponent to = byName.get(d);
                if (to != null) {
                    targets.add(to.bomRef());
                }
            }
            deps.add(new SbomDependency(from.bomRef(), new ArrayList<>(targets)));
        }
        deps.sort(java.util.Comparator.comparing(SbomDependency::ref));
        return new LockfileContents(displayName, ecosystem(), new ArrayList<>(byName.values()), deps);
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
