package io.jenkins.plugins.securedeploy.engine.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A unique secret registered by a test, and assertions that neither it nor its common encodings appear in any output:
 * console lines, files under a directory, report text and exception messages (credentials-binding's
 * grep-the-build-dir test, generalised). Its encodings are computed here independently of the engine's masker, so a
 * bug in the masker cannot hide itself.
 */
public final class SecretCanary {
    private final String value;
    private final Map<String, String> forms;

    private SecretCanary(String value) {
        this.value = value;
        this.forms = forms(value);
    }

    /** A fresh random canary, containing characters that JSON, URL and shell encodings change. */
    public static SecretCanary create() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return new SecretCanary("cAnArY/" + HexFormat.of().formatHex(random) + "+\"q&s");
    }

    public static SecretCanary of(String value) {
        return new SecretCanary(value);
    }

    public String value() {
        return value;
    }

    /** The forms searched for: raw, base64 (std and URL alphabets, at all three alignments), URL, JSON, hex. */
    public Map<String, String> forms() {
        return forms;
    }

    public void assertAbsent(String where, String text) {
        for (Map.Entry<String, String> form : forms.entrySet()) {
            if (text.contains(form.getValue())) {
                throw new AssertionError("secret canary (" + form.getKey() + " form) found in " + where);
            }
        }
    }

    public void assertAbsentFromLines(String where, List<String> lines) {
        assertAbsent(where, String.join("\n", lines));
    }

    /** Every regular file under {@code dir}, read as bytes decoded leniently (binary files included). */
    public void assertAbsentFromDirectory(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(f);
                assertAbsent(f.toString(), new String(content, StandardCharsets.ISO_8859_1));
                assertAbsent(f.toString(), new String(content, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + dir + " for the canary", e);
        }
    }

    /** Message, stack trace, causes and suppressed exceptions. */
    public void assertAbsentFromThrowable(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        assertAbsent("exception " + t.getClass().getName(), sw.toString());
    }

    static Map<String, String> forms(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.put("raw", value);
        out.put("url", URLEncoder.encode(value, StandardCharsets.UTF_8));
        out.put("json", value.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        out.put("json-plain", value.replace("\\", "\\\\").replace("\"", "\\\""));
        out.put("hex", HexFormat.of().formatHex(bytes));
        out.put("HEX", HexFormat.of().withUpperCase().formatHex(bytes));
        List<String> cores = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            String std = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            // drop the characters that depend on neighbouring bytes: the first block when shifted, the tail
            int skip = offset == 0 ? 0 : 4;
            int stableEnd = ((offset + bytes.length) / 3) * 4;
            if (stableEnd - skip >= 8) {
                cores.add(std.substring(skip, stableEnd));
            }
        }
        for (int i = 0; i < cores.size(); i++) {
            out.put("base64@" + i, cores.get(i));
            out.put("base64url@" + i, cores.get(i).replace('+', '-').replace('/', '_'));
        }
        return Map.copyOf(out);
    }
}
