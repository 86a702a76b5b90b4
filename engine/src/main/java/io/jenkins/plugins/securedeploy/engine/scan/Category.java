package io.jenkins.plugins.securedeploy.engine.scan;

/** What kind of scanner found something; policies set rules per category. */
public enum Category {
    SCA,
    SAST,
    SECRET,
    CONTAINER,
    IAC,
    LICENSE,
    OTHER
}
