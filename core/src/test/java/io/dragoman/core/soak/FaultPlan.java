package io.dragoman.core.soak;

import io.dragoman.core.article.Stage;
import io.dragoman.core.llm.ProviderKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Which faults one article's calls of one stage get, decided from a seed alone so that the server injecting them and
 * the test checking the outcome agree, whatever order the workers' calls arrive in.
 *
 * <p>A stage is clean, transient or persistent. A transient stage's first calls get the faults of {@link #queue()} in
 * order, one per call, and every later call is answered correctly: at most {@link #MAX_TRANSIENT_TRANSPORT} transport
 * faults (fewer than the retry policy's attempts, with one to spare for a slow reply under load) and at most one
 * content fault (the translator and summarizer repair or re-ask once). A persistent stage gets {@link #persistent()} on
 * every call, so the article fails at that stage, or is kept with a warning where the pipeline accepts such replies.
 *
 * @param queue the faults of a transient stage's first calls, in order; empty for a clean or persistent stage
 * @param persistent the fault every call of a persistent stage gets
 */
record FaultPlan(List<FaultKind> queue, Optional<FaultKind> persistent) {

    /** Transport faults of a transient stage at most. */
    static final int MAX_TRANSIENT_TRANSPORT = 3;

    /** No faults. */
    static final FaultPlan CLEAN = new FaultPlan(List.of(), Optional.empty());

    /** Copies the queue. */
    FaultPlan {
        queue = List.copyOf(queue);
    }

    /**
     * How often stages get faults and which.
     *
     * @param seed the run's seed
     * @param faultyShare the share of stages that get faults at all
     * @param persistentShare the share of faulty stages whose every call fails
     * @param timeoutWeight the weight of read timeouts among the transport faults, where the others weigh 4 (timeouts
     *     cost wall time, so the default run has few)
     */
    record Mix(long seed, double faultyShare, double persistentShare, int timeoutWeight) {

        /** The plan of one article's stage; the same for the same arguments. */
        FaultPlan plan(ProviderKind protocol, long article, Stage stage) {
            SplittableRandom random = new SplittableRandom(seed
                    ^ (article * 0x9E3779B97F4A7C15L)
                    ^ ((long) protocol.ordinal() << 40)
                    ^ ((long) stage.ordinal() << 50));
            if (random.nextDouble() >= faultyShare) {
                return CLEAN;
            }
            List<FaultKind> transport = kinds(protocol, stage, true);
            List<FaultKind> content = kinds(protocol, stage, false);
            if (random.nextDouble() < persistentShare) {
                List<FaultKind> all = new ArrayList<>(transport);
                all.addAll(content);
                return new FaultPlan(List.of(), Optional.of(weighted(random, all)));
            }
            List<FaultKind> queue = new ArrayList<>();
            int transportCount = random.nextInt(MAX_TRANSIENT_TRANSPORT + 1);
            for (int i = 0; i < transportCount; i++) {
                queue.add(weighted(random, transport));
            }
            if (queue.isEmpty() || random.nextBoolean()) {
                queue.add(random.nextInt(queue.size() + 1), content.get(random.nextInt(content.size())));
            }
            return new FaultPlan(queue, Optional.empty());
        }

        private FaultKind weighted(SplittableRandom random, List<FaultKind> kinds) {
            int total = kinds.stream().mapToInt(this::weight).sum();
            int pick = random.nextInt(total);
            for (FaultKind kind : kinds) {
                pick -= weight(kind);
                if (pick < 0) {
                    return kind;
                }
            }
            throw new AssertionError("unreachable");
        }

        private int weight(FaultKind kind) {
            return kind == FaultKind.READ_TIMEOUT ? timeoutWeight : 4;
        }

        private static List<FaultKind> kinds(ProviderKind protocol, Stage stage, boolean transport) {
            return Arrays.stream(FaultKind.values())
                    .filter(k -> k.transport() == transport && k.appliesTo(stage, protocol))
                    .toList();
        }
    }

    /** The fault the call with this index (0 for the stage's first call) gets, if any. */
    Optional<FaultKind> faultOfCall(int index) {
        if (persistent.isPresent()) {
            return persistent;
        }
        return index < queue.size() ? Optional.of(queue.get(index)) : Optional.empty();
    }

    /** True when the stage is expected to end the article as failed. */
    boolean fails() {
        return persistent.map(FaultKind::failsWhenPersistent).orElse(false);
    }
}
