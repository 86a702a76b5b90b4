package io.jenkins.plugins.securedeploy.jenkins.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The last gate decisions of a job as table rows with bar heights for an inline SVG (no script). Jenkins-free:
 * built from (build number, view) pairs, newest first.
 */
public final class GateTrend {
    /** Decisions shown. */
    public static final int SIZE = 10;
    /** Height of the tallest bar, in SVG units. */
    public static final int BAR_HEIGHT = 40;

    private final List<Row> rows;

    public GateTrend(List<Row> rows) {
        List<Row> copy = new ArrayList<>(rows.subList(0, Math.min(SIZE, rows.size())));
        int max = copy.stream().mapToInt(Row::getTotal).max().orElse(0);
        for (Row r : copy) {
            r.barHeight = max == 0 ? 0 : Math.max(r.getTotal() == 0 ? 0 : 1, r.getTotal() * BAR_HEIGHT / max);
        }
        this.rows = Collections.unmodifiableList(copy);
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** One build's decision and counts. */
    public static final class Row {
        private final int build;
        private final String verdict;
        private final int critical;
        private final int high;
        private final int total;
        private int barHeight;

        public Row(int build, GateReportView view) {
            this.build = build;
            this.verdict = view.getVerdict();
            this.critical = view.count("CRITICAL");
            this.high = view.count("HIGH");
            this.total = view.getFindingCount();
        }

        public int getBuild() {
            return build;
        }

        public String getVerdict() {
            return verdict;
        }

        public String getVerdictClass() {
            return verdict.toLowerCase(java.util.Locale.ROOT);
        }

        public int getCritical() {
            return critical;
        }

        public int getHigh() {
            return high;
        }

        public int getTotal() {
            return total;
        }

        public int getBarHeight() {
            return barHeight;
        }

        /** Top of the bar in a {@link #BAR_HEIGHT}-high SVG. */
        public int getBarY() {
            return BAR_HEIGHT - barHeight;
        }
    }
}
