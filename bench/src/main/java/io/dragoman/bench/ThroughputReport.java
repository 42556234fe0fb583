package io.dragoman.bench;

import io.dragoman.bench.BatchThroughput.Measured;
import io.dragoman.bench.BatchThroughput.Scenario;
import io.dragoman.core.pipeline.RunResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@link BatchThroughput}'s results: the details of each scenario as it ends and the closing Markdown table.
 * Formatting only; the figures are measured before they get here.
 */
final class ThroughputReport {
    private final PrintStream out;

    ThroughputReport(PrintStream out) {
        this.out = out;
    }

    void details(Measured m) {
        Scenario s = m.scenario();
        RunResult r = m.result();
        out.printf(
                Locale.ROOT,
                "  %,d done, %,d failed, %,d deferred; %,d calls made, %,d requests at the stand-in, %d paragraphs"
                        + " it could not translate%n",
                r.done(),
                r.failed(),
                r.deferred(),
                r.calls(),
                m.requests(),
                m.misses());
        if (!m.complete()) {
            out.printf(
                    Locale.ROOT,
                    "  INCOMPLETE: the run %s after %.1f s with %,d of %,d articles done%n",
                    r.stop() == RunResult.Stop.INTERRUPTED ? "hit its time limit" : "stopped (" + r.stop() + ")",
                    m.wallSeconds(),
                    r.done(),
                    s.articles());
        }
        if (r.calls() != s.calls()) {
            out.printf(
                    Locale.ROOT,
                    "  NOTE: %,d calls instead of %,d (re-asks or repairs); the ideal counts %d per article%n",
                    r.calls(),
                    s.calls(),
                    BatchThroughput.CALLS_PER_ARTICLE);
        }
        m.firstFailure().ifPresent(f -> out.println("  first failure: " + f));
        out.printf(
                Locale.ROOT,
                "  translation checks not passed: %d; summary warnings: %d%n",
                m.checksNotPassed(),
                m.summaryWarnings());
        out.printf(
                Locale.ROOT,
                "  wall %.2f s (ideal %s), %.1f articles/s; render %.2f s; setup (store, models) %.2f s%n",
                m.wallSeconds(),
                s.idealSeconds() > 0 ? String.format(Locale.ROOT, "%.2f s", s.idealSeconds()) : "none: no latency",
                r.done() / m.wallSeconds(),
                m.renderSeconds(),
                m.setupSeconds());
        m.steadyArticlesPerSecond()
                .ifPresent(rate -> out.printf(
                        Locale.ROOT,
                        "  steady state (10th to 90th percentile of finishing times): %.1f articles/s%s%n",
                        rate,
                        m.steadyRatio()
                                .map(x -> String.format(
                                        Locale.ROOT, ", %.1f ideal, ratio %.3f", s.articles() / s.idealSeconds(), x))
                                .orElse("")));
        out.printf(
                Locale.ROOT,
                "  CPU per article: %.2f ms process (client + stand-in server + GC + JIT)%s, %.2f ms in the facade's"
                        + " worker threads, %.2f ms in the stand-in's reply writer%n",
                m.processCpuMsPerArticle(),
                m.steadyCpuMsPerArticle()
                        .map(x ->
                                String.format(Locale.ROOT, ", %.2f ms from the 10th to the 90th percentile article", x))
                        .orElse(""),
                m.workerCpuMsPerArticle(),
                m.standInCpuMsPerArticle());
        out.printf(
                Locale.ROOT,
                "  heap: %.0f MB after a full GC before the run, peak %.0f MB in use (sum of pool peaks), at most %.0f MB"
                        + " after a collection; max heap %.0f MB%n",
                m.baselineHeapMb(),
                m.peakHeapMb(),
                m.peakAfterGcMb(),
                m.maxHeapMb());
        m.windows()
                .ifPresent(w -> out.printf(
                        Locale.ROOT,
                        "  rate: %,d requests over %.1f s; at most %d in any 60 s window (limit %d), at most %d in any 1 s"
                                + " window (%.1f at an even pace) -> %s%n",
                        w.requests(),
                        w.spanSeconds(),
                        w.perMinute(),
                        s.rpm(),
                        w.perSecond(),
                        s.rpm() / 60.0,
                        w.perMinute() <= s.rpm() ? "limit kept" : "LIMIT EXCEEDED"));
    }

    void table(List<Measured> rows) {
        out.println("| scenario | articles | calls | concurrency / limit | wall s | ideal s | ratio | articles/s"
                + " | render s | CPU ms/article (run / steady) | peak heap MB (in use / after GC) |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Measured m : rows) {
            Scenario s = m.scenario();
            out.printf(
                    Locale.ROOT,
                    "| %s %s%s | %,d | %,d | %d / %s | %.1f | %s | %s | %.1f | %s | %.1f / %s | %.0f / %.0f |%n",
                    s.name(),
                    s.what(),
                    m.complete() ? "" : " (INCOMPLETE)",
                    m.result().done(),
                    m.result().calls(),
                    s.concurrency(),
                    s.rpm() > 0 ? s.rpm() + " rpm" : "none",
                    m.wallSeconds(),
                    s.idealSeconds() > 0 ? String.format(Locale.ROOT, "%.1f", s.idealSeconds()) : "—",
                    m.ratio().map(r -> String.format(Locale.ROOT, "%.3f", r)).orElse("—"),
                    m.result().done() / m.wallSeconds(),
                    s.writeOutputs() ? String.format(Locale.ROOT, "%.1f", m.renderSeconds()) : "—",
                    m.processCpuMsPerArticle(),
                    m.steadyCpuMsPerArticle()
                            .map(x -> String.format(Locale.ROOT, "%.1f", x))
                            .orElse("—"),
                    m.peakHeapMb(),
                    m.peakAfterGcMb());
        }
        out.println();
        out.println("ratio = wall / ideal; ideal = articles × calls × latency / concurrency, or calls / rpm minutes."
                + " CPU = process CPU time (client and the in-JVM stand-in server) / articles, over the whole run and"
                + " from the 10th to the 90th percentile article. Heap: the sum of the heap pools' peaks (garbage"
                + " included), and the most in use right after a collection.");
    }
}
