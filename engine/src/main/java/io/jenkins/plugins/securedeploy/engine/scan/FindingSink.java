package io.jenkins.plugins.securedeploy.engine.scan;

import io.jenkins.plugins.securedeploy.engine.core.Problem;

/**
 * Where a {@link ReportParser} puts what it reads, as it reads it, so that memory does not grow with the report.
 * The protocol of one parse:
 * <ol>
 *   <li>any number of {@link #accept}, {@link #problem} and {@link #warning} calls, in report order;</li>
 *   <li>then exactly one {@link #end}, when — and only when — the whole report has been read;</li>
 *   <li>or, instead of {@code end}, the parser throws an
 *       {@link io.jenkins.plugins.securedeploy.engine.core.InvalidInputException} (the report is unreadable or not
 *       this format): whatever was accepted before must then not be trusted on its own — the scan is an ERROR.</li>
 * </ol>
 * A parser never calls a sink from more than one thread. Implementations: {@link CollectingSink} (today's
 * {@link ScanResult}), {@link CountingSink} (counts only); a gate can evaluate each finding as it arrives.
 */
public interface FindingSink {
    /** One finding, complete (its fingerprint is final). */
    void accept(Finding finding);

    /**
     * The report says the scan did not complete (a file it could not scan, a fatal tool error): the result is
     * {@link ScanResult.Status#ERROR}, but the parse goes on so the findings that were reported are still seen.
     */
    void problem(Problem problem);

    /**
     * Something the user should know that does not make the scan untrustworthy: an excluded or suppressed
     * vulnerability, a tool warning, a value the parser could not use and replaced by a documented fallback.
     */
    void warning(Problem warning);

    /** The whole report was read; called once, last. */
    void end(ReportEnd end);
}
