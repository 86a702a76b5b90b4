package io.jenkins.plugins.securedeploy.engine.policy;

/** Helpers for "absent = no limit" values. */
final class Limits {
    private Limits() {}

    static Integer min(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Integer.valueOf(Math.min(a, b));
    }

    static Double min(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Double.valueOf(Math.min(a, b));
    }

    /** "true" wins: a requirement set by either side holds. */
    static Boolean either(Boolean a, Boolean b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Boolean.valueOf(a || b);
    }

    /** "false" wins: a permission denied by either side is denied. */
    static Boolean both(Boolean a, Boolean b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Boolean.valueOf(a && b);
    }
}
