package io.dragoman.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.article.Stages;
import io.dragoman.core.input.Input;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.RetriableFailure;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.pipeline.ArticleOutcome;
import io.dragoman.core.pipeline.BatchRunner;
import io.dragoman.core.pipeline.RunResult;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredArticle;
import io.dragoman.core.summary.SummarizerTest;
import io.dragoman.core.translate.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library facade on the seeds, with a model that answers from the reference translations and summaries. */
class DragomanTest {

    @TempDir
    Path tmp;

    /** Answers translation and summary requests for the seeds; counts calls; fails where told to. */
    static final class SeedModel implements ModelProvider {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> users = new CopyOnWriteArrayList<>();
        private final Predicate<ModelRequest> fails;
        private final RuntimeException failure;

        SeedModel() {
            this(r -> false, null);
        }

        SeedModel(Predicate<ModelRequest> fails, RuntimeException failure) {
            this.fails = fails;
            this.failure = failure;
        }

        @Override
        public ModelReply chat(ModelRequest request) {
            calls.incrementAndGet();
            users.add(request.user());
            if (fails.test(request)) {
                throw failure;
            }
            for (Seeds.Seed seed : Seeds.all()) {
                // a translation request carries the source, a summary request the English translation
                if (request.user().contains(seed.article().title())
                        || request.user().contains(seed.title())) {
                    String text = request.jsonSchema().isPresent()
                            ? SummarizerTest.resource(
                                    "/summary/" + seed.article().id() + ".reply.json")
                            : seed.reply();
                    return new ModelReply(
                            text,
                            FinishReason.STOP,
                            Optional.of(new Usage(1000, 500)),
                            ProviderKind.OPENAI,
                            "gpt-4.1-mini");
                }
            }
            throw new AssertionError("not a seed request");
        }

        @Override
        public ProviderInfo info() {
            return new ProviderInfo(ProviderKind.OPENAI, "gpt-4.1-mini", "http://127.0.0.1:1/v1");
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

    private Dragoman dragoman(ModelProvider model, Optional<BigDecimal> maxCost) {
        Dragoman.Builder b = Dragoman.builder()
                .languages(Seeds.languages())
                .model(model)
                .store(tmp.resolve("dragoman.db"))
                .concurrency(2);
        maxCost.ifPresent(b::maxCost);
        return b.build();
    }

    @Test
    void unreadableInputsWhoseLocationsMakeTheSameIdAreEachRecordedAndKeepTheirIdsOnARerun() throws IOException {
        // an id keeps only letters, digits, '.', '_' and '-': both locations come out as in_a.txt
        List<Input> inputs = List.of(
                new Input.Unreadable("in/мост/a.txt", "symbolic link loop"),
                new Input.Unreadable("in/путь/a.txt", "no such file or directory"),
                new Input.Unreadable("in/" + "x".repeat(300) + "/1.txt", "permission denied"),
                new Input.Unreadable("in/" + "x".repeat(300) + "/2.txt", "permission denied"));
        Path out = tmp.resolve("out");
        for (int run = 1; run <= 2; run++) {
            try (Dragoman d = Dragoman.builder()
                    .languages(Seeds.languages())
                    .stages(Stages.CLEAN_ONLY)
                    .store(tmp.resolve("dragoman.db"))
                    .concurrency(4)
                    .build()) {
                RunResult result =
                        d.run(Stream.concat(inputs.stream(), seeds()), outcome -> {}, new BatchRunner.Control());
                d.writeOutputs(out, Optional.of(result));

                assertThat(result.failed()).isEqualTo(4);
                assertThat(result.done() + result.skipped()).isEqualTo(2);
            }
            List<String> failures = Files.readAllLines(out.resolve("failures.jsonl"));
            assertThat(failures).as("run %d", run).hasSize(4);
            assertThat(String.join("\n", failures))
                    .contains("\"id\":\"in_a.txt\",\"location\":\"in/мост/a.txt\"")
                    .contains("\"id\":\"in_a.txt-2\",\"location\":\"in/путь/a.txt\"")
                    .contains("\"reason\":\"no such file or directory\",\"retriable\":false,\"attempts\":" + run);
        }
    }

    @Test
    void anArticleWhoseIdAnUnreadableInputAlreadyHoldsKeepsBothInTheStore() throws IOException {
        Path seed = Path.of("..", "seeds", Seeds.IDS.get(0) + ".txt");
        String id = ArticleId.derive("in/news.txt").value();
        Stream<Input> inputs = Stream.of(
                new Input.Unreadable("in/news.txt", "permission denied"),
                new Input.Read(RawArticle.of(new ArticleId(id), "feed.jsonl:1", Files.readAllBytes(seed))));
        try (Dragoman d = Dragoman.builder()
                .languages(Seeds.languages())
                .store(tmp.resolve("dragoman.db"))
                .build()) {
            RunResult result = d.run(inputs, o -> {}, new BatchRunner.Control());

            assertThat(result.failed()).isEqualTo(1);
            assertThat(result.done()).isEqualTo(1);
        }
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            assertThat(store.articles().counts())
                    .containsEntry(ArticleStatus.FAILED, 1L)
                    .containsEntry(ArticleStatus.CLEANED, 1L);
            assertThat(store.articles().find(new ArticleId(id)).flatMap(StoredArticle::location))
                    .contains("in/news.txt");
            assertThat(store.articles().find(new ArticleId(id + "-2")).flatMap(StoredArticle::location))
                    .contains("feed.jsonl:1");
        }
    }

    @Test
    void processesOneArticleWithoutAStore() throws IOException {
        SeedModel model = new SeedModel();
        try (Dragoman d =
                Dragoman.builder().languages(Seeds.languages()).model(model).build()) {
            ArticleOutcome outcome = d.process(((Input.Read) seeds().findFirst().orElseThrow()).article());

            assertThat(outcome).isInstanceOfSatisfying(ArticleOutcome.Done.class, done -> {
                assertThat(done.translation()).isPresent();
                assertThat(done.summary()).isPresent();
                assertThat(done.calls()).isEqualTo(2);
            });
        }
    }

    @Test
    void runsTheSeedsCommitsEveryStageAndRendersTheOutputsFromTheStore() throws IOException {
        SeedModel model = new SeedModel();
        try (Dragoman d = dragoman(model, Optional.empty())) {
            RunResult result = d.run(seeds(), o -> {}, new BatchRunner.Control());
            d.writeOutputs(tmp.resolve("out"), Optional.of(result));

            assertThat(result.stop()).isEqualTo(RunResult.Stop.COMPLETED);
            assertThat(result.done()).isEqualTo(2);
            assertThat(result.calls()).isEqualTo(4);
            assertThat(result.usage()).isEqualTo(new Usage(4000, 2000));
        }
        assertThat(Files.readAllLines(tmp.resolve("out/articles.jsonl")))
                .hasSize(2)
                .allSatisfy(
                        l -> assertThat(l).contains("\"status\":\"summarized\"").contains("\"translation\""));
        assertThat(tmp.resolve("out/failures.jsonl")).isEmptyFile();
        assertThat(Files.readString(tmp.resolve("out/report.md"))).contains("| summarized | 2 |");
        assertThat(tmp.resolve("out/md/002_2bc17d9c9461e4a0.md")).exists();
    }

    @Test
    void runsAStreamOfArticlesTheCallerReadItself() {
        List<ArticleOutcome> outcomes = new CopyOnWriteArrayList<>();
        try (Dragoman d = dragoman(new SeedModel(), Optional.empty())) {
            RunResult result = d.run(seeds().map(i -> ((Input.Read) i).article()), outcomes::add);

            assertThat(result.done()).isEqualTo(2);
            assertThat(result.stop()).isEqualTo(RunResult.Stop.COMPLETED);
            assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(ArticleOutcome.Done.class));
        }
    }

    @Test
    void aRerunSkipsFinishedArticlesAndMakesNoCalls() {
        try (Dragoman d = dragoman(new SeedModel(), Optional.empty())) {
            d.run(seeds(), o -> {}, new BatchRunner.Control());
        }
        SeedModel again = new SeedModel();
        try (Dragoman d = dragoman(again, Optional.empty())) {
            RunResult result = d.run(seeds(), o -> {}, new BatchRunner.Control());

            assertThat(result.skipped()).isEqualTo(2);
            assertThat(again.calls).hasValue(0);
        }
    }

    @Test
    void aRerunRetriesOnlyTheFailedArticleAndGivesTheSameOutputsAsAnUninterruptedRun() throws IOException {
        Predicate<ModelRequest> second = r -> r.user().contains("Alejnik und Lawrow");
        SeedModel failing = new SeedModel(
                second, new RetriableFailure("openai is overloaded (HTTP 503)", 503, Optional.empty(), null));
        try (Dragoman d = dragoman(failing, Optional.empty())) {
            RunResult first = d.run(seeds(), o -> {}, new BatchRunner.Control());
            assertThat(first.failed()).isEqualTo(1);
            assertThat(first.done()).isEqualTo(1);
        }
        SeedModel working = new SeedModel();
        try (Dragoman d = dragoman(working, Optional.empty())) {
            RunResult resumed = d.run(seeds(), o -> {}, new BatchRunner.Control());
            d.writeOutputs(tmp.resolve("resumed"), Optional.empty());

            assertThat(resumed.skipped()).isEqualTo(1);
            assertThat(resumed.done()).isEqualTo(1);
            assertThat(working.calls).hasValue(2);
            assertThat(working.users).allSatisfy(u -> assertThat(u).containsAnyOf("Alejnik", "Aleinik"));
        }
        Path fresh = tmp.resolve("fresh");
        Files.createDirectories(fresh);
        try (Dragoman d = Dragoman.builder()
                .languages(Seeds.languages())
                .model(new SeedModel())
                .store(fresh.resolve("dragoman.db"))
                .build()) {
            d.run(seeds(), o -> {}, new BatchRunner.Control());
            d.writeOutputs(fresh, Optional.empty());
        }
        assertThat(Files.readString(tmp.resolve("resumed/articles.jsonl")))
                .isEqualTo(Files.readString(fresh.resolve("articles.jsonl")));
    }

    @Test
    void startingOverAnswersEveryCallFromTheCache() {
        try (Dragoman d = dragoman(new SeedModel(), Optional.empty())) {
            d.run(seeds(), o -> {}, new BatchRunner.Control());
        }
        SeedModel again = new SeedModel();
        try (Dragoman d = dragoman(again, Optional.empty())) {
            d.forgetArticles();
            RunResult result = d.run(seeds(), o -> {}, new BatchRunner.Control());

            assertThat(result.done()).isEqualTo(2);
            assertThat(again.calls).hasValue(0);
            assertThat(d.cacheHits()).isEqualTo(4);
            assertThat(result.calls()).as("replayed replies are not paid calls").isZero();
            assertThat(result.usage()).isEqualTo(new Usage(0, 0));
            assertThat(result.cost()).hasValue(BigDecimal.ZERO);
        }
    }

    @Test
    void repliesFromTheCacheCostNothingAgainstTheBudget() {
        try (Dragoman d = dragoman(new SeedModel(), Optional.empty())) {
            d.run(seeds(), o -> {}, new BatchRunner.Control());
        }
        SeedModel again = new SeedModel();
        try (Dragoman d = Dragoman.builder()
                .languages(Seeds.languages())
                .model(again)
                .store(tmp.resolve("dragoman.db"))
                .concurrency(1)
                .maxCost(new BigDecimal("0.0055"))
                .build()) {
            d.forgetArticles();
            RunResult result = d.run(seeds(), o -> {}, new BatchRunner.Control());

            // the budget lets one article's estimate in at a time; paid replies would have used it up after one
            assertThat(result.stop()).isEqualTo(RunResult.Stop.COMPLETED);
            assertThat(result.done()).isEqualTo(2);
            assertThat(again.calls).hasValue(0);
        }
    }

    @Test
    void aResumedArticleCountsOnlyTheStagesThisRunPaidFor() {
        Predicate<ModelRequest> secondSummary =
                r -> r.jsonSchema().isPresent() && r.user().contains("Aleinik");
        SeedModel failing = new SeedModel(
                secondSummary, new RetriableFailure("openai is overloaded (HTTP 503)", 503, Optional.empty(), null));
        try (Dragoman d = dragoman(failing, Optional.empty())) {
            RunResult first = d.run(seeds(), o -> {}, new BatchRunner.Control());
            assertThat(first.failed()).isEqualTo(1);
            assertThat(first.calls()).isEqualTo(3);
        }
        SeedModel working = new SeedModel();
        List<ArticleOutcome> outcomes = new CopyOnWriteArrayList<>();
        try (Dragoman d = dragoman(working, Optional.empty())) {
            RunResult resumed = d.run(seeds(), outcomes::add, new BatchRunner.Control());

            assertThat(working.calls).hasValue(1);
            assertThat(resumed.calls())
                    .as("the kept translation was paid for by the first run")
                    .isEqualTo(1);
            assertThat(outcomes)
                    .filteredOn(o -> o instanceof ArticleOutcome.Done)
                    .singleElement()
                    .satisfies(o -> {
                        ArticleOutcome.Done done = (ArticleOutcome.Done) o;
                        assertThat(done.calls()).isEqualTo(1);
                        assertThat(done.translation().orElseThrow().calls())
                                .as("the record still shows what the translation cost")
                                .isEqualTo(1);
                    });
        }
    }

    @Test
    void stopsBeforeTheBudgetWouldBeExceededAndLeavesTheRestForALaterRun() {
        SeedModel model = new SeedModel();
        try (Dragoman d = Dragoman.builder()
                .languages(Seeds.languages())
                .model(model)
                .store(tmp.resolve("dragoman.db"))
                .concurrency(1)
                .maxCost(new BigDecimal("0.0055"))
                .build()) {
            RunResult result = d.run(seeds(), o -> {}, new BatchRunner.Control());

            assertThat(result.stop()).isEqualTo(RunResult.Stop.BUDGET);
            assertThat(result.done()).isEqualTo(1);
            assertThat(result.deferred()).isEqualTo(1);
            assertThat(result.cost())
                    .hasValueSatisfying(c -> assertThat(c).isLessThanOrEqualTo(new BigDecimal("0.0055")));
            assertThat(result.stopMessage()).contains("--max-cost");
        }
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            assertThat(store.articles().counts())
                    .containsEntry(ArticleStatus.SUMMARIZED, 1L)
                    .containsEntry(ArticleStatus.CLEANED, 1L);
        }
    }

    @Test
    void aRejectedKeyStopsTheRunWithoutFurtherCalls() {
        SeedModel rejecting = new SeedModel(
                r -> true, new PermanentFailure("openai rejected the key in OPENAI_API_KEY (HTTP 401).", 401, null));
        try (Dragoman d = Dragoman.builder()
                .languages(Seeds.languages())
                .model(rejecting)
                .store(tmp.resolve("dragoman.db"))
                .concurrency(1)
                .build()) {
            RunResult result = d.run(seeds(), o -> {}, new BatchRunner.Control());

            assertThat(result.stop()).isEqualTo(RunResult.Stop.CONFIGURATION);
            assertThat(result.stopMessage()).contains("OPENAI_API_KEY");
            assertThat(rejecting.calls).hasValue(1);
        }
    }

    @Test
    void anInterruptionMidRunFinishesTheArticleInFlightAndARerunDoesTheRest() {
        BatchRunner.Control control = new BatchRunner.Control();
        SeedModel interrupting = new SeedModel(
                r -> {
                    control.interrupt(); // Ctrl-C arrives while the first article is being translated
                    return false;
                },
                null);
        try (Dragoman d = Dragoman.builder()
                .languages(Seeds.languages())
                .model(interrupting)
                .store(tmp.resolve("dragoman.db"))
                .concurrency(1)
                .build()) {
            RunResult result = d.run(seeds(), o -> {}, control);

            assertThat(result.stop()).isEqualTo(RunResult.Stop.INTERRUPTED);
            assertThat(result.done()).isEqualTo(1);
            assertThat(interrupting.calls).hasValue(2);
        }
        SeedModel rest = new SeedModel();
        try (Dragoman d = dragoman(rest, Optional.empty())) {
            RunResult result = d.run(seeds(), o -> {}, new BatchRunner.Control());

            assertThat(result.skipped()).isEqualTo(1);
            assertThat(result.done()).isEqualTo(1);
            assertThat(rest.calls).hasValue(2);
        }
    }

    @Test
    void anInterruptedRunTakesNoMoreWork() {
        SeedModel model = new SeedModel();
        BatchRunner.Control control = new BatchRunner.Control();
        control.interrupt();
        try (Dragoman d = dragoman(model, Optional.empty())) {
            RunResult result = d.run(seeds(), o -> {}, control);

            assertThat(result.stop()).isEqualTo(RunResult.Stop.INTERRUPTED);
            assertThat(result.done()).isZero();
            assertThat(model.calls).hasValue(0);
        }
    }
}
