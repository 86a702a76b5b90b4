package io.jenkins.plugins.securedeploy.engine.mask;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Stands in for an exception whose message (or a cause's) contained a secret: it keeps the original class name,
 * the masked message, the stack trace, and masked copies of causes and suppressed exceptions, and prints like the
 * original ({@code original.Class: masked message}).
 */
public final class MaskedThrowable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String originalClassName;

    private MaskedThrowable(String originalClassName, String maskedMessage) {
        super(maskedMessage);
        this.originalClassName = Objects.requireNonNull(originalClassName, "originalClassName");
    }

    /** The class of the exception this copy stands for. */
    public String originalClassName() {
        return originalClassName;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClassName : originalClassName + ": " + message;
    }

    static Throwable maskChain(SecretMasker masker, Throwable t) {
        if (t == null || !containsSecret(masker, t, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            return t;
        }
        return copy(masker, t, new IdentityHashMap<>());
    }

    private static boolean containsSecret(SecretMasker masker, Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (changes(masker, t.getMessage()) || changes(masker, t.getLocalizedMessage())
                || changes(masker, t.toString())) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (containsSecret(masker, s, seen)) {
                return true;
            }
        }
        return containsSecret(masker, t.getCause(), seen);
    }

    private static boolean changes(SecretMasker masker, String text) {
        return text != null && !masker.mask(text).equals(text);
    }

    private static MaskedThrowable copy(SecretMasker masker, Throwable t, Map<Throwable, MaskedThrowable> copies) {
        MaskedThrowable done = copies.get(t);
        if (done != null) {
            return done;
        }
        String message = t instanceof MaskedThrowable m ? m.getMessage() : describe(t);
        String className = t instanceof MaskedThrowable m ? m.originalClassName : t.getClass().getName();
        MaskedThrowable copy = new MaskedThrowable(className, message == null ? null : masker.mask(message));
        copies.put(t, copy);
        copy.setStackTrace(t.getStackTrace());
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            copy.initCause(copy(masker, cause, copies));
        }
        for (Throwable s : t.getSuppressed()) {
            MaskedThrowable suppressed = copy(masker, s, copies);
            if (suppressed != copy) {
                copy.addSuppressed(suppressed);
            }
        }
        return copy;
    }

    /** The message as the original prints it: its own toString() minus the class-name prefix when it has one. */
    private static String describe(Throwable t) {
        String printed = t.toString();
        String prefix = t.getClass().getName();
        if (printed.equals(prefix)) {
            return t.getLocalizedMessage();
        }
        if (printed.startsWith(prefix + ": ")) {
            return printed.substring(prefix.length() + 2);
        }
        return printed;
    }
}
