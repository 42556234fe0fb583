package io.dragoman.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.input.Input;
import io.dragoman.core.llm.CachingModelProvider;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.llm.batch.BatchClient;
import io.dragoman.core.llm.batch.BatchItem;
import io.dragoman.core.llm.batch.BatchJob;
import io.dragoman.core.llm.batch.BatchRequest;
import io.dragoman.core.llm.batch.BatchState;
import io.dragoman.core.pipeline.BatchRounds;
import io.dragoman.core.pipeline.BatchRunner;
import io.dragoman.core.pipeline.RunResult;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredBatchJob;
import io.dragoman.core.translate.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs through the facade with provider batch jobs, against an in-memory batch API answering like the seed model. */
class DragomanBatchTest {

    private static final BatchRounds.Settings FAST =
            new BatchRounds.Settings(Duration.ofMillis(1), Duration.ofMillis(4), BatchRounds.Followups.BATCH, false);

    @TempDir
    Path tmp;

    /**
     * A batch API that answers every request as the seed model does, a state further at each status question, in a
     * shuffled order; it can refuse items, fail whole jobs, or lose the answer to a submission it took.
     */
    static final class FakeBatchApi implements BatchClient {
        final ModelProvider answering = new DragomanTest.SeedModel();
        final Map<String, Job> jobs = new ConcurrentHashMap<>();
        final List<String> submittedKeys = new CopyOnWriteArrayList<>();
        Predicate<BatchRequest> refused = r -> false;
        int failJobs;
        boolean loseNextSubmitAnswer;
        /** Jobs carry no metadata (as Anthropic's): {@link #list} shows none, {@link #find} matches by size. */
        boolean keyless;

        final List<Lost> looked = new CopyOnWriteArrayList<>();

        record Job(String id, String key, List<BatchRequest> requests, int[] asked, BatchState[] end) {}

        @Override
        public ProviderInfo info() {
            return new DragomanTest.SeedModel().info();
        }

        @Override
        public Limits limits() {
            return new Limits(1_000, 10_000_000);
        }

        @Override
        public synchronized String submit(String jobKey, List<BatchRequest> requests) {
            String id = "batch_" + (jobs.size() + 1);
            BatchState end = failJobs-- > 0 ? BatchState.FAILED : BatchState.COMPLETED;
            jobs.put(id, new Job(id, jobKey, List.copyOf(requests), new int[1], new BatchState[] {end}));
            requests.forEach(r -> submittedKeys.add(CachingModelProvider.key(info(), r.request())));
            if (loseNextSubmitAnswer) {
                loseNextSubmitAnswer = false;
                throw new IllegalStateException("the process died before the job id was recorded");
            }
            return id;
        }

        @Override
        public BatchJob status(String jobId) {
            Job job = jobs.get(jobId);
            int asked = ++job.asked()[0];
            BatchState state = asked == 1 ? BatchState.VALIDATING : asked == 2 ? BatchState.IN_PROGRESS : job.end()[0];
            int done = state.ended() && state == BatchState.COMPLETED
                    ? job.requests().size()
                    : 0;
            return new BatchJob(
                    jobId,
                    state,
                    job.requests().size(),
                    done,
                    0,
                    Instant.EPOCH,
                    Map.of(JOB_KEY, job.key()),
                    state == BatchState.FAILED ? Optional.of("quota exceeded") : Optional.empty());
        }

        @Override
        public List<BatchItem> results(String jobId) {
            Job job = jobs.get(jobId);
            if (job.end()[0] == BatchState.FAILED) {
                return List.of();
            }
            List<BatchItem> items = new ArrayList<>();
            for (BatchRequest r : job.requests()) {
                items.add(
                        refused.test(r)
                                ? new BatchItem.Errored(r.customId(), "invalid_request: refused", false)
                                : new BatchItem.Answered(r.customId(), answering.chat(r.request())));
            }
            Collections.shuffle(items, new Random(7));
            return items;
        }

        @Override
        public Optional<BatchJob> find(Lost lost) {
            looked.add(lost);
            if (!keyless) {
                return BatchClient.super.find(lost);
            }
            return jobs.values().stream()
                    .filter(j -> j.requests().size() == lost.requests()
                            && !lost.known().contains(j.id()))
                    .map(j -> status(j.id()))
                    .findFirst();
        }

        @Override
        public List<BatchJob> list() {
            if (keyless) {
                return List.of();
            }
            return jobs.values().stream()
                    .map(j -> new BatchJob(
                            j.id(),
                            BatchState.IN_PROGRESS,
                            j.requests().size(),
                            0,
                            0,
                            Instant.EPOCH,
                            Map.of(JOB_KEY, j.key()),
                            Optional.empty()))
                    .toList();
        }

        @Override
        public void cancel(String jobId) {}

        long distinctSubmitted() {
            return submittedKeys.stream().distinct().count();
        }
    }

    private static Stream<Input> seeds() {
        return Seeds.IDS.stream().map(id -> {
            Path file = Path.of("..", "seeds", id + ".txt");
            try {
                return new Input.Read(RawArticle.of(new ArticleId(id), file.toString(), Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Dragoman dragoman(DragomanTest.SeedModel online, FakeBatchApi api) {
        return dragoman(online, api, Optional.empty());
    }

    private Dragoman dragoman(DragomanTest.SeedModel online, FakeBatchApi api, Optional<BigDecimal> maxCost) {
        Dragoman.Builder b = Dragoman.builder()
                .languages(Seeds.languages())
                .model(online)
                .store(tmp.resolve("dragoman.db"))
                .concurrency(1)
                .batch(api, FAST);
        maxCost.ifPresent(b::maxCost);
        return b.build();
    }

    private static RunResult run(Dragoman d, BatchRunner.Control control, List<String> lines) {
        return d.runBatched(DragomanBatchTest::seeds, outcome -> {}, control, lines::add);
    }

    private List<ArticleStatus> statuses() {
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            return Seeds.IDS.stream()
                    .map(id -> store.articles()
                            .find(new ArticleId(id))
                            .orElseThrow()
                            .status())
                    .toList();
        }
    }

    @Test
    void everyArticleIsTranslatedAndSummarisedThroughBatchJobsAtTheBatchPriceWithNoOnlineCall() {
        DragomanTest.SeedModel online = new DragomanTest.SeedModel();
        FakeBatchApi api = new FakeBatchApi();
        List<String> lines = new ArrayList<>();
        RunResult result;
        try (Dragoman d = dragoman(online, api)) {
            result = run(d, new BatchRunner.Control(), lines);
        }

        assertThat(result.stop()).isEqualTo(RunResult.Stop.COMPLETED);
        assertThat(result.done()).isEqualTo(2);
        assertThat(result.work().translated()).isEqualTo(2);
        assertThat(result.work().summarized()).isEqualTo(2);
        assertThat(statuses()).containsOnly(ArticleStatus.SUMMARIZED);
        assertThat(online.calls).as("online calls").hasValue(0);
        // round 1: the translations; round 2: the summaries
        assertThat(api.jobs).hasSize(2);
        assertThat(api.submittedKeys).hasSize(4);
        assertThat(api.distinctSubmitted()).isEqualTo(4);
        assertThat(result.calls()).isEqualTo(4);
        BigDecimal batchCost = PriceTable.builtIn()
                .batchCost(ProviderKind.OPENAI, "gpt-4.1-mini", new Usage(4000, 2000))
                .orElseThrow();
        assertThat(result.cost()).contains(batchCost);
        assertThat(lines).anyMatch(l -> l.matches("batch job batch_1: 2 requests submitted to openai"));
        assertThat(lines).anyMatch(l -> l.startsWith("batch job batch_2: completed, 2 of 2 answered"));
    }

    @Test
    void aRunStoppedWhileItsJobRunsPicksTheJobUpAgainAndSubmitsNothingTwice() {
        FakeBatchApi api = new FakeBatchApi();
        BatchRunner.Control control = new BatchRunner.Control();
        List<String> lines = new CopyOnWriteArrayList<>() {
            @Override
            public boolean add(String line) {
                if (line.contains("submitted")) {
                    control.interrupt();
                }
                return super.add(line);
            }
        };
        try (Dragoman d = dragoman(new DragomanTest.SeedModel(), api)) {
            RunResult stopped = run(d, control, lines);
            assertThat(stopped.stop()).isEqualTo(RunResult.Stop.INTERRUPTED);
            assertThat(stopped.deferred()).isEqualTo(2);
        }
        assertThat(statuses()).containsOnly(ArticleStatus.CLEANED);

        DragomanTest.SeedModel online = new DragomanTest.SeedModel();
        RunResult resumed;
        try (Dragoman d = dragoman(online, api)) {
            resumed = run(d, new BatchRunner.Control(), new ArrayList<>());
        }
        assertThat(resumed.done()).isEqualTo(2);
        assertThat(statuses()).containsOnly(ArticleStatus.SUMMARIZED);
        assertThat(api.jobs).hasSize(2);
        assertThat(api.submittedKeys).hasSize(4).doesNotHaveDuplicates();
        assertThat(online.calls).hasValue(0);
    }

    @Test
    void aJobWhoseIdWasNeverRecordedIsFoundAgainByItsKeyInsteadOfBeingSubmittedAgain() {
        FakeBatchApi api = new FakeBatchApi();
        api.loseNextSubmitAnswer = true;
        try (Dragoman d = dragoman(new DragomanTest.SeedModel(), api)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> run(d, new BatchRunner.Control(), new ArrayList<>()))
                    .hasMessageContaining("died");
        }
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            assertThat(store.batchJobs().open())
                    .singleElement()
                    .satisfies(j -> assertThat(j.state()).isEqualTo(StoredBatchJob.PREPARED))
                    .satisfies(j -> assertThat(j.jobId()).isEmpty());
        }

        List<String> lines = new ArrayList<>();
        try (Dragoman d = dragoman(new DragomanTest.SeedModel(), api)) {
            assertThat(run(d, new BatchRunner.Control(), lines).done()).isEqualTo(2);
        }
        assertThat(lines).contains("batch job batch_1: found again in the provider's list");
        assertThat(api.submittedKeys).hasSize(4).doesNotHaveDuplicates();
        assertThat(statuses()).containsOnly(ArticleStatus.SUMMARIZED);
    }

    @Test
    void aJobWithoutMetadataWhoseIdWasNeverRecordedIsFoundBySizeAndTimeAmongTheJobsNotYetKnown() {
        FakeBatchApi api = new FakeBatchApi();
        api.keyless = true;
        api.loseNextSubmitAnswer = true;
        Instant before = Instant.now().minusSeconds(1);
        try (Dragoman d = dragoman(new DragomanTest.SeedModel(), api)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> run(d, new BatchRunner.Control(), new ArrayList<>()))
                    .hasMessageContaining("died");
        }

        List<String> lines = new ArrayList<>();
        try (Dragoman d = dragoman(new DragomanTest.SeedModel(), api)) {
            assertThat(run(d, new BatchRunner.Control(), lines).done()).isEqualTo(2);
        }
        assertThat(lines).contains("batch job batch_1: found again in the provider's list");
        assertThat(api.looked).first().satisfies(lost -> {
            assertThat(lost.requests()).isEqualTo(2);
            assertThat(lost.preparedAt()).isBetween(before, Instant.now());
            assertThat(lost.known()).isEmpty();
        });
        assertThat(api.submittedKeys).hasSize(4).doesNotHaveDuplicates();
        assertThat(statuses()).containsOnly(ArticleStatus.SUMMARIZED);
    }

    @Test
    void refusedItemsAndAFailedJobAreSentOnlineAndEveryArticleEndsDone() {
        FakeBatchApi api = new FakeBatchApi();
        api.failJobs = 1; // the translations' job fails as a whole
        api.refused = r -> r.request().jsonSchema().isPresent(); // every summary item is refused
        DragomanTest.SeedModel online = new DragomanTest.SeedModel();
        List<String> lines = new ArrayList<>();
        RunResult result;
        try (Dragoman d = dragoman(online, api)) {
            result = run(d, new BatchRunner.Control(), lines);
        }

        assertThat(result.done()).isEqualTo(2);
        assertThat(statuses()).containsOnly(ArticleStatus.SUMMARIZED);
        assertThat(online.calls).as("online calls: 2 translations, 2 summaries").hasValue(4);
        assertThat(lines).anyMatch(l -> l.contains("failed") && l.contains("quota exceeded"));
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            assertThat(store.batchJobs().all())
                    .extracting(StoredBatchJob::state)
                    .containsExactly("FAILED", "COMPLETED");
        }
    }

    @Test
    void aBudgetForOneArticleSubmitsOnlyThatArticleReservedAtTheBatchPriceAndStopsWithTheOtherPending() {
        List<io.dragoman.core.article.CleanedArticle> cleaned = new ArrayList<>();
        try (Dragoman cleaner = Dragoman.builder()
                .languages(Seeds.languages())
                .stages(io.dragoman.core.article.Stages.CLEAN_ONLY)
                .build()) {
            seeds().forEach(i -> cleaned.add(
                    ((io.dragoman.core.pipeline.ArticleOutcome.Done) cleaner.process(((Input.Read) i).article()))
                            .article()));
        }
        BigDecimal firstOnline;
        try (Dragoman online = Dragoman.builder()
                .languages(Seeds.languages())
                .model(new DragomanTest.SeedModel())
                .build()) {
            firstOnline = online.estimator()
                    .orElseThrow()
                    .estimate(cleaned.get(0))
                    .costHigh()
                    .orElseThrow();
        }
        List<BigDecimal> batch = new ArrayList<>();
        try (Dragoman d = dragoman(new DragomanTest.SeedModel(), new FakeBatchApi())) {
            cleaned.forEach(a ->
                    batch.add(d.estimator().orElseThrow().estimate(a).costHigh().orElseThrow()));
        }
        assertThat(batch.get(0)).as("reserved at the batch price").isLessThan(firstOnline);

        FakeBatchApi api = new FakeBatchApi();
        BigDecimal budget = batch.get(0).add(batch.get(1).divide(BigDecimal.valueOf(2)));
        RunResult result;
        try (Dragoman d = dragoman(new DragomanTest.SeedModel(), api, Optional.of(budget))) {
            result = run(d, new BatchRunner.Control(), new ArrayList<>());
        }

        assertThat(result.stop()).isEqualTo(RunResult.Stop.BUDGET);
        assertThat(api.jobs)
                .as("only the translation job of the article the budget covers")
                .hasSize(1);
        assertThat(api.submittedKeys).hasSize(1);
        assertThat(statuses()).containsOnly(ArticleStatus.CLEANED);
    }
}
