package io.jenkins.plugins.securedeploy.engine.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Guava class, method, constructor and field the CEL jars reference exists in the Guava on this classpath —
 * the 32.1.2 Jenkins core ships (CEL 0.14.0 asks for 33.6.0). Reads each class file's constant pool, so it covers
 * code paths no rule test runs: a CEL upgrade that needs newer Guava fails here, not with a NoSuchMethodError in a
 * user's Jenkins.
 */
class CelGuavaLinkageTest {

    @ParameterizedTest
    @ValueSource(classes = {dev.cel.bundle.Cel.class, dev.cel.common.CelOptions.class,
            dev.cel.checker.CelChecker.class, dev.cel.runtime.CelRuntime.class, dev.cel.expr.Expr.class})
    void shouldResolveEveryGuavaReferenceOnJenkinsGuava(Class<?> celClass) throws Exception {
        assertThat(com.google.common.collect.ImmutableList.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath()).endsWith("guava-32.1.2-jre.jar");
        Path jar = Path.of(celClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> missing = new TreeSet<>();
        int checked = 0;
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            for (JarEntry e : Collections.list(jarFile.entries())) {
                if (e.getName().endsWith(".class") && !e.getName().contains("module-info")) {
                    try (DataInputStream in = new DataInputStream(new BufferedInputStream(jarFile.getInputStream(e)))) {
                        checked += check(in, e.getName(), missing);
                    }
                }
            }
        }
        assertThat(checked).as("Guava references found in " + jar.getFileName()).isGreaterThan(20);
        assertThat(missing).as("Guava members missing on this classpath").isEmpty();
    }

    private static int check(DataInputStream in, String from, Set<String> missing) throws IOException {
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int n = in.readUnsignedShort();
        String[] utf8 = new String[n];
        int[][] refs = new int[n][];
        int[] tags = new int[n];
        for (int i = 1; i < n; i++) {
            int t = in.readUnsignedByte();
            tags[i] = t;
            switch (t) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> refs[i] = new int[] {in.readUnsignedShort()};
                case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + t + " in " + from);
            }
        }
        int checked = 0;
        for (int i = 1; i < n; i++) {
            if (tags[i] == 7) {
                String owner = utf8[refs[i][0]];
                if (owner.startsWith("com/google/common/")) {
                    checked++;
                    load(owner, from, missing);
                }
                continue;
            }
            if (tags[i] < 9 || tags[i] > 11) {
                continue;
            }
            String owner = utf8[refs[refs[i][0]][0]];
            if (!owner.startsWith("com/google/common/")) {
                continue;
            }
            String name = utf8[refs[refs[i][1]][0]];
            String desc = utf8[refs[refs[i][1]][1]];
            checked++;
            Class<?> c = load(owner, from, missing);
            if (c != null && !has(c, name, desc, tags[i] == 9)) {
                missing.add(owner + "." + name + desc + " (used by " + from + ")");
            }
        }
        return checked;
    }

    private static Class<?> load(String owner, String from, Set<String> missing) {
        try {
            return Class.forName(owner.replace('/', '.'), false, CelGuavaLinkageTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            missing.add(owner + " (used by " + from + ")");
            return null;
        }
    }

    private static boolean has(Class<?> start, String name, String desc, boolean field) {
        Deque<Class<?>> queue = new ArrayDeque<>();
        queue.add(start);
        queue.add(Object.class);
        Set<Class<?>> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            Class<?> k = queue.poll();
            if (!seen.add(k)) {
                continue;
            }
            if (field) {
                for (Field f : k.getDeclaredFields()) {
                    if (f.getName().equals(name)) {
                        return true;
                    }
                }
            } else if ("<init>".equals(name)) {
                for (Constructor<?> m : k.getDeclaredConstructors()) {
                    if (descriptor(m.getParameterTypes(), void.class).equals(desc)) {
                        return true;
                    }
                }
                return false;
            } else {
                for (Method m : k.getDeclaredMethods()) {
                    if (m.getName().equals(name) && descriptor(m.getParameterTypes(), m.getReturnType()).equals(desc)) {
                        return true;
                    }
                }
            }
            if (k.getSuperclass() != null) {
                queue.add(k.getSuperclass());
            }
            queue.addAll(Arrays.asList(k.getInterfaces()));
        }
        return false;
    }

    private static String descriptor(Class<?>[] params, Class<?> returns) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> p : params) {
            sb.append(type(p));
        }
        return sb.append(')').append(type(returns)).toString();
    }

    private static String type(Class<?> c) {
        if (c.isArray()) {
            return c.getName().replace('.', '/');
        }
        if (c.isPrimitive()) {
            return switch (c.getName()) {
                case "void" -> "V";
                case "int" -> "I";
                case "long" -> "J";
                case "boolean" -> "Z";
                case "byte" -> "B";
                case "char" -> "C";
                case "short" -> "S";
                case "double" -> "D";
                default -> "F";
            };
        }
        return "L" + c.getName().replace('.', '/') + ";";
    }
}
