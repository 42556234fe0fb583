package io.dragoman.core.pipeline;

import io.dragoman.core.article.Stage;
import io.dragoman.core.llm.ModelCall;
import io.dragoman.core.llm.Spent;
import io.dragoman.core.llm.Usage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The passes as one run: each article's outcome is told once, when final (a deferred article is told only if no
 * later pass finished it), and the counts add up over the passes.
 */
final class Rounds implements RunListener {
    private final RunListener listener;
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final Map<String, ArticleOutcome> deferred = new ConcurrentHashMap<>();
    private RunResult total;

    Rounds(RunListener listener) {
        this.listener = listener;
    }

    /** True for an article an earlier pass ended: later passes leave it out (a failure is not retried in the run). */
    boolean settled(String id) {
        return ended.contains(id);
    }

    @Override
    public void started(String id) {
        if (started.add(id)) {
            listener.started(id);
        }
    }

    @Override
    public void finished(ArticleOutcome outcome) {
        if (outcome instanceof ArticleOutcome.Deferred) {
            deferred.put(outcome.id(), outcome);
            return;
        }
        if (outcome instanceof ArticleOutcome.Skipped && ended.contains(outcome.id())) {
            return;
        }
        if (ended.add(outcome.id())) {
            deferred.remove(outcome.id());
            listener.finished(outcome);
        }
    }

    @Override
    public void called(String id, ModelCall call) {
        listener.called(id, call);
    }

    @Override
    public void stopping(String reason) {
        listener.stopping(reason);
    }

    void add(RunResult pass) {
        if (total == null) {
            total = pass;
            return;
        }
        // a later pass leaves out what an earlier one ended, so the counts add up
        Map<Stage, Integer> failedAt = new EnumMap<>(Stage.class);
        failedAt.putAll(total.work().failedAt());
        pass.work().failedAt().forEach((k, v) -> failedAt.merge(k, v, Integer::sum));
        Spent paid = new Spent(total.calls(), total.usage(), total.cost())
                .plus(new Spent(pass.calls(), pass.usage(), pass.cost()));
        RunResult.Work a = total.work();
        RunResult.Work b = pass.work();
        total = new RunResult(
                total.done() + pass.done(),
                total.skipped() + pass.skipped(),
                total.failed() + pass.failed(),
                pass.deferred(),
                paid.calls(),
                total.replayed() + pass.replayed(),
                paid.usage(),
                paid.cost(),
                pass.stop(),
                pass.stopMessage(),
                total.elapsed().plus(pass.elapsed()),
                new RunResult.Work(
                        a.translated() + b.translated(),
                        a.summarized() + b.summarized(),
                        a.repaired() + b.repaired(),
                        a.reasked() + b.reasked(),
                        a.warnings() + b.warnings(),
                        a.needsReview() + b.needsReview(),
                        a.reviewFindings() + b.reviewFindings(),
                        failedAt));
    }

    /** The run as a whole; the articles still deferred are told now. */
    RunResult end(BatchRunner.Control control) {
        deferred.values().forEach(listener::finished);
        RunResult.Stop stop = control.stopReason().orElse(RunResult.Stop.COMPLETED);
        if (total == null) {
            return new RunResult(
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    Usage.NONE,
                    Optional.of(BigDecimal.ZERO),
                    stop,
                    control.stopMessage(),
                    Duration.ZERO,
                    new RunResult.Work(0, 0, 0, 0, 0, 0, 0, Map.of()));
        }
        return new RunResult(
                total.done(),
                total.skipped(),
                total.failed(),
                deferred.size(),
                total.calls(),
                total.replayed(),
                total.usage(),
                total.cost(),
                stop,
                control.stopMessage(),
                total.elapsed(),
                total.work());
    }
}
