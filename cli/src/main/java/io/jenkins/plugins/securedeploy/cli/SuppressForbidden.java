package io.jenkins.plugins.securedeploy.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the few places that may use APIs forbidden-apis bans elsewhere (the CLI's own stdout/stderr), with why. */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.FIELD, ElementType.CONSTRUCTOR})
public @interface SuppressForbidden {
    String reason();
}
