package io.jenkins.plugins.securedeploy.engine.scan;

import java.util.function.Consumer;

/**
 * Receives the scan results of a document that holds several (the engine's own findings document) as they are read,
 * never all in memory: {@link #begin} when a result starts (its findings then go, one at a time, to the consumer it
 * returns), {@link #end} when it was read and checked. When the document turns out invalid later on, the reader
 * throws an {@link io.jenkins.plugins.securedeploy.engine.core.InvalidInputException}: what was received must then
 * not be used (the document is an ERROR).
 */
public interface ResultsSink {
    /** A result starts; returns where its findings go. */
    Consumer<Finding> begin();

    /** The result was read: its tool, version, source, status and problems (no findings), and how many it had. */
    void end(ScanResult result, long findings);
}
