package io.dragoman.core.pipeline;

import io.dragoman.core.article.Stage;
import io.dragoman.core.llm.Spent;
import io.dragoman.core.translate.CheckResult;
import io.dragoman.core.translate.Reviewer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run's counts and what it paid, added up from the outcomes as they come: the one place run totals are derived
 * from the articles' paid calls. Thread-safe.
 */
final class RunTally {
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger deferred = new AtomicInteger();
    private final AtomicInteger translated = new AtomicInteger();
    private final AtomicInteger summarized = new AtomicInteger();
    private final AtomicInteger repaired = new AtomicInteger();
    private final AtomicInteger reasked = new AtomicInteger();
    private final AtomicInteger warnings = new AtomicInteger();
    private final AtomicInteger needsReview = new AtomicInteger();
    private final AtomicInteger reviewFindings = new AtomicInteger();
    private final Map<Stage, Integer> failedAt = new EnumMap<>(Stage.class);
    private Spent paid = Spent.NONE;

    void add(ArticleOutcome outcome) {
        if (outcome instanceof ArticleOutcome.Done d) {
            done.incrementAndGet();
            spend(d.paid());
            d.translation().ifPresent(t -> {
                translated.incrementAndGet();
                needsReview.addAndGet(t.needsReview() ? 1 : 0);
                reviewFindings.addAndGet(
                        t.checks().stream()
                                        .anyMatch(c -> c.check().equals(Reviewer.CHECK)
                                                && c.status() != CheckResult.Status.PASSED)
                                ? 1
                                : 0);
                repaired.addAndGet((int) t.checks().stream()
                        .filter(c -> c.status() == CheckResult.Status.REPAIRED)
                        .count());
            });
            d.summary().ifPresent(s -> {
                summarized.incrementAndGet();
                reasked.addAndGet(s.reasked() ? 1 : 0);
            });
            warnings.addAndGet(d.warnings());
        } else if (outcome instanceof ArticleOutcome.Failed f) {
            failed.incrementAndGet();
            synchronized (this) {
                failedAt.merge(f.stage(), 1, Integer::sum);
            }
            spend(new Spent(f.calls(), f.usage(), f.cost()));
        } else if (outcome instanceof ArticleOutcome.Skipped) {
            skipped.incrementAndGet();
        } else if (outcome instanceof ArticleOutcome.Deferred d) {
            deferred.incrementAndGet();
            spend(d.paid());
        }
    }

    private synchronized void spend(Spent more) {
        // a cost stays known when the calls without a price were none
        paid = more.cost().isEmpty() && more.calls() == 0
                ? new Spent(paid.calls(), paid.usage().plus(more.usage()), paid.cost())
                : paid.plus(more);
    }

    synchronized RunResult result(RunResult.Stop stop, String message, long replayed, Duration elapsed) {
        return new RunResult(
                done.get(),
                skipped.get(),
                failed.get(),
                deferred.get(),
                paid.calls(),
                replayed,
                paid.usage(),
                paid.cost(),
                stop,
                message,
                elapsed,
                new RunResult.Work(
                        translated.get(),
                        summarized.get(),
                        repaired.get(),
                        reasked.get(),
                        warnings.get(),
                        needsReview.get(),
                        reviewFindings.get(),
                        failedAt));
    }
}
