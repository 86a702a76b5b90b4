package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import java.util.regex.Pattern;

/** {@code *} matches any run of characters (slashes included); everything else is literal. */
final class Glob {
    private Glob() {}

    static boolean matches(String glob, String value) {
        if (!glob.contains("*")) {
            return glob.equals(value);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }
}
