package io.jenkins.plugins.securedeploy.engine.scan;

import java.lang.reflect.Constructor;
import java.util.Locale;

/**
 * Run in a forked JVM with a small {@code -Xmx} by {@link AbstractReportParserTest}: parses a generated report of
 * the given size with the given test class's parser into a {@link CountingSink} and prints one result line. An
 * OutOfMemoryError here proves the parse path's heap grows with the report.
 */
public final class LargeReportProbe {
    static final String RESULT_PREFIX = "LARGE-REPORT-RESULT ";

    private LargeReportProbe() {}

    public static void main(String[] args) throws Exception {
        Class<?> testClass = Class.forName(args[0]);
        long targetBytes = Long.parseLong(args[1]);
        Constructor<?> ctor = testClass.getDeclaredConstructor();
        ctor.setAccessible(true);
        AbstractReportParserTest test = (AbstractReportParserTest) ctor.newInstance();
        AbstractReportParserTest.LargeReport large = test.largeReport();
        GeneratedReportStream in = large.open(targetBytes);
        long start = System.nanoTime();
        CountingSink result = new CountingSink();
        test.descriptor().createParser().parse(in, "large-report.json", result);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.out.println(RESULT_PREFIX + String.format(Locale.ROOT,
                "status=%s findings=%d items=%d bytes=%d millis=%d maxHeap=%d",
                result.ended() && result.problems() == 0 ? "OK" : "ERROR", result.findings(), in.itemsProduced(), in.bytesProduced(), millis, rt.maxMemory()));
        System.out.flush();
    }
}
