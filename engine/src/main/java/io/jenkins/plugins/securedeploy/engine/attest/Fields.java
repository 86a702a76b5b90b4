package io.jenkins.plugins.securedeploy.engine.attest;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed access to plain JSON predicate values; every missing or mistyped field becomes a located problem. */
final class Fields {
    final String file;
    final String base;
    final List<Problem> problems;

    Fields(String file, String base) {
        this(file, base, new ArrayList<>());
    }

    private Fields(String file, String base, List<Problem> problems) {
        this.file = file;
        this.base = base;
        this.problems = problems;
    }

    Fields child(String name) {
        return new Fields(file, base + "/" + name, problems);
    }

    @SuppressWarnings("unchecked")
    <V> Map<String, V> cast(Object o) {
        return (Map<String, V>) o;
    }

    private Object required(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (v == null) {
            problem(name, "is missing");
        }
        return v;
    }

    private void problem(String name, String what) {
        String pointer = base + "/" + name;
        problems.add(Problem.of("statement.field", "field " + pointer + " " + what,
                Location.ofPointer(file, pointer, 0, 0)));
    }

    String string(Map<String, Object> m, String name) {
        Object v = required(m, name);
        if (v != null && !(v instanceof String)) {
            problem(name, "must be a string");
            return null;
        }
        return (String) v;
    }

    boolean bool(Map<String, Object> m, String name) {
        Object v = required(m, name);
        if (v != null && !(v instanceof Boolean)) {
            problem(name, "must be a boolean");
        }
        return Boolean.TRUE.equals(v);
    }

    int integer(Map<String, Object> m, String name) {
        Object v = required(m, name);
        if (v != null && !(v instanceof Long || v instanceof Integer)) {
            problem(name, "must be an integer");
            return 0;
        }
        return v == null ? 0 : ((Number) v).intValue();
    }

    Map<String, Object> object(Map<String, Object> m, String name) {
        Object v = required(m, name);
        if (v != null && !(v instanceof Map)) {
            problem(name, "must be an object");
        }
        return v instanceof Map<?, ?> ? cast(v) : Map.of();
    }

    @SuppressWarnings("unchecked")
    List<Object> list(Map<String, Object> m, String name) {
        Object v = required(m, name);
        if (v != null && !(v instanceof List)) {
            problem(name, "must be an array");
        }
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    List<String> strings(Map<String, Object> m, String name) {
        List<String> out = new ArrayList<>();
        for (Object o : list(m, name)) {
            if (o instanceof String s) {
                out.add(s);
            } else {
                problem(name, "must hold only strings");
                break;
            }
        }
        return out;
    }

    Map<String, Long> counts(Map<String, Object> m, String name) {
        Map<String, Long> out = new LinkedHashMap<>();
        object(m, name).forEach((k, v) -> {
            if (v instanceof Long l) {
                out.put(k, l);
            } else {
                problem(name + "/" + k, "must be an integer");
            }
        });
        return out;
    }

    Map<String, String> digest(Map<String, Object> m, String name, boolean needed) {
        if (!needed && !m.containsKey(name)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        object(m, name).forEach((k, v) -> {
            if (v instanceof String s) {
                out.put(k, s);
            } else {
                problem(name + "/" + k, "must be a hex string");
            }
        });
        return out;
    }
}
