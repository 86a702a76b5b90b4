package io.jenkins.plugins.securedeploy.engine.policy.rules;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructTypeReference;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What rules can talk about: the global variables (one per component of a {@code globals} record, e.g. {@link
 * RuleInput}) and the scopes a rule may be evaluated for, each with the record type of its subject variable (a scope
 * without a subject type is evaluated once, with the globals only). Types map to CEL as: {@code String} → string,
 * {@code long}/{@code int} → int, {@code double} → double, {@code boolean} → bool, {@link Instant} → timestamp,
 * {@link Duration} → duration, {@code List<T>} → list, {@code Map<K,V>} → map, records → CEL struct types whose
 * fields are the record's components (an unknown field is a compile error).
 */
public final class Vocabulary {
    private final String name;
    private final Class<? extends Record> globals;
    private final Map<String, Class<? extends Record>> scopes;
    private final Map<String, Cel> celByScope = new LinkedHashMap<>();
    private final int maxIterations;

    private Vocabulary(String name, Class<? extends Record> globals, Map<String, Class<? extends Record>> scopes,
            int maxIterations) {
        this.name = name;
        this.globals = globals;
        this.scopes = Collections.unmodifiableMap(new LinkedHashMap<>(scopes));
        this.maxIterations = maxIterations;
        List<Class<?>> types = new ArrayList<>();
        types.add(globals);
        scopes.values().stream().filter(Objects::nonNull).forEach(types::add);
        Class<?>[] typeArray = types.toArray(Class<?>[]::new);
        Cel base = CelFactory.plannerCelBuilder()
                .setOptions(CelOptions.current()
                        .enableHeterogeneousNumericComparisons(true)
                        .comprehensionMaxIterations(maxIterations)
                        .build())
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelExtensions.nativeTypes(typeArray), CelExtensions.strings())
                .addRuntimeLibraries(CelExtensions.nativeTypes(typeArray), CelExtensions.strings())
                .build();
        for (RecordComponent c : globals.getRecordComponents()) {
            base = base.toCelBuilder().addVar(c.getName(), celType(c.getGenericType())).build();
        }
        for (Map.Entry<String, Class<? extends Record>> e : this.scopes.entrySet()) {
            celByScope.put(e.getKey(), e.getValue() == null ? base
                    : base.toCelBuilder().addVar(e.getKey(), celType(e.getValue())).build());
        }
    }

    /**
     * A vocabulary named {@code name} (for messages). {@code scopes} maps each scope name to its subject type (the
     * subject variable has the scope's name), or to null for a scope evaluated once.
     */
    public static Vocabulary of(String name, Class<? extends Record> globals,
            Map<String, Class<? extends Record>> scopes, RuleLimits limits) {
        return new Vocabulary(name, globals, scopes, limits.maxIterations());
    }

    public String name() {
        return name;
    }

    public Set<String> scopes() {
        return scopes.keySet();
    }

    /** The record type of a scope's subject, or null for a scope evaluated once. */
    Class<? extends Record> subjectType(String scope) {
        return scopes.get(scope);
    }

    boolean hasSubject(String scope) {
        return scopes.get(scope) != null;
    }

    Cel cel(String scope) {
        return celByScope.get(scope);
    }

    int maxIterations() {
        return maxIterations;
    }

    /** The variables of {@code value} (an instance of the globals record) by name. */
    Map<String, Object> variables(Record value) {
        if (!globals.isInstance(value)) {
            throw new IllegalArgumentException("vocabulary " + name + " needs a " + globals.getSimpleName()
                    + ", got " + value.getClass().getSimpleName());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : globals.getRecordComponents()) {
            out.put(c.getName(), component(c, value));
        }
        return out;
    }

    static Object component(RecordComponent c, Object value) {
        try {
            return c.getAccessor().invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + value.getClass().getSimpleName(), e);
        }
    }

    /** A fast getter of a record component, typed {@code (Object) Object}. */
    static MethodHandle getter(RecordComponent c) {
        try {
            return MethodHandles.publicLookup().unreflect(c.getAccessor())
                    .asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + c.getDeclaringRecord(), e);
        }
    }

    static Object get(MethodHandle getter, Object value) {
        try {
            return getter.invokeExact(value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("record accessor failed on " + value.getClass().getSimpleName(), e);
        }
    }

    static CelType celType(Type type) {
        if (type instanceof ParameterizedType p) {
            Type raw = p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == List.class) {
                return ListType.create(celType(args[0]));
            }
            if (raw == Map.class) {
                return MapType.create(celType(args[0]), celType(args[1]));
            }
            throw new IllegalArgumentException("no CEL type for " + type.getTypeName());
        }
        if (type == String.class) {
            return SimpleType.STRING;
        }
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return SimpleType.INT;
        }
        if (type == double.class || type == Double.class) {
            return SimpleType.DOUBLE;
        }
        if (type == boolean.class || type == Boolean.class) {
            return SimpleType.BOOL;
        }
        if (type == Instant.class) {
            return SimpleType.TIMESTAMP;
        }
        if (type == Duration.class) {
            return SimpleType.DURATION;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return StructTypeReference.create(c.getCanonicalName());
        }
        throw new IllegalArgumentException("no CEL type for " + type.getTypeName());
    }
}
