package io.dragoman.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private RunStore open() {
        return RunStore.open(dir.resolve("dragoman.db"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void savesAndReadsBackEachStage() {
        try (RunStore store = open()) {
            store.saveCleaned("a1", "in/a1.html", "h1", "{\"cleaned\":1}");
            StoredArticle cleaned = store.find("a1").orElseThrow();
            assertThat(cleaned.status()).isEqualTo(ArticleStatus.CLEANED);
            assertThat(cleaned.location()).contains("in/a1.html");
            assertThat(cleaned.inputHash()).contains("h1");
            assertThat(cleaned.cleanedJson()).contains("{\"cleaned\":1}");
            assertThat(cleaned.translationJson()).isEmpty();
            assertThat(cleaned.lastFinished()).contains(Stage.CLEAN);
            assertThat(cleaned.updatedAt()).isEqualTo(NOW);

            store.saveTranslation("a1", "{\"translation\":\"Grüße, 東京\"}");
            assertThat(store.find("a1").orElseThrow().status()).isEqualTo(ArticleStatus.TRANSLATED);

            store.saveSummary("a1", "{\"summary\":3}");
            StoredArticle done = store.find("a1").orElseThrow();
            assertThat(done.status()).isEqualTo(ArticleStatus.SUMMARIZED);
            assertThat(done.cleanedJson()).contains("{\"cleaned\":1}");
            assertThat(done.translationJson()).contains("{\"translation\":\"Grüße, 東京\"}");
            assertThat(done.summaryJson()).contains("{\"summary\":3}");
            assertThat(done.failure()).isEmpty();
            assertThat(done.attempts()).isZero();
            assertThat(done.lastFinished()).contains(Stage.SUMMARIZE);
            assertThat(done.madeFrom("h1")).isTrue();
            assertThat(done.madeFrom("h2")).isFalse();

            assertThat(store.find("nope")).isEmpty();
        }
    }

    @Test
    void keepsEverythingAcrossCloseAndReopen() {
        ModelReply reply =
                new ModelReply("Hello.", FinishReason.STOP, Optional.of(new Usage(10, 2)), ProviderKind.MISTRAL, "m");
        try (RunStore store = open()) {
            store.saveCleaned("a1", "in/a1.html", "h1", "{}");
            store.saveTranslation("a1", "[\"t\"]");
            store.saveFailure("a2", Stage.CLEAN, "not an article", false);
            store.callCache().put("k", reply);
        }
        try (RunStore store = open()) {
            assertThat(store.find("a1").orElseThrow().translationJson()).contains("[\"t\"]");
            assertThat(store.find("a2").orElseThrow().failure())
                    .contains(new StoredArticle.Failure(Stage.CLEAN, "not an article", false));
            assertThat(store.callCache().get("k")).contains(reply);
            assertThat(store.integrityCheck()).isTrue();
        }
    }

    @Test
    void savingALaterStageOfAnArticleThatWasNeverCleanedIsRefused() {
        try (RunStore store = open()) {
            assertThatThrownBy(() -> store.saveTranslation("ghost", "{}"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ghost")
                    .hasMessageContaining("dragoman.db")
                    .hasMessageContaining("save the cleaned article before its translation");
            store.markInFlight("ghost");
            assertThatThrownBy(() -> store.saveSummary("ghost", "{}")).isInstanceOf(IllegalStateException.class);
            assertThat(store.find("ghost").orElseThrow().status()).isEqualTo(ArticleStatus.IN_FLIGHT);
        }
    }

    @Test
    void aFailureIncrementsAttemptsAndKeepsTheStagesFinishedBefore() {
        try (RunStore store = open()) {
            store.saveCleaned("a1", "in/a1.html", "h1", "{}");
            store.saveFailure("a1", Stage.TRANSLATE, "rate limited", true);
            store.markInFlight("a1");
            store.saveFailure("a1", Stage.TRANSLATE, "server error", true);

            StoredArticle failed = store.find("a1").orElseThrow();
            assertThat(failed.status()).isEqualTo(ArticleStatus.FAILED);
            assertThat(failed.attempts()).isEqualTo(2);
            assertThat(failed.failure()).contains(new StoredArticle.Failure(Stage.TRANSLATE, "server error", true));
            assertThat(failed.cleanedJson()).contains("{}");
            assertThat(failed.lastFinished()).contains(Stage.CLEAN);

            store.saveTranslation("a1", "{\"t\":1}");
            StoredArticle retried = store.find("a1").orElseThrow();
            assertThat(retried.status()).isEqualTo(ArticleStatus.TRANSLATED);
            assertThat(retried.failure()).isEmpty();
            assertThat(retried.attempts()).isEqualTo(2);
        }
    }

    @Test
    void aFailureBeforeCleaningRecordsTheInputAndAChangedInputStartsAfresh() {
        try (RunStore store = open()) {
            store.saveFailure("a1", "in/a1.html", "h1", Stage.CLEAN, "no text", false);
            StoredArticle failed = store.find("a1").orElseThrow();
            assertThat(failed.location()).contains("in/a1.html");
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastFinished()).isEmpty();

            store.saveCleaned("a1", "in/a1.html", "h2", "{\"v\":2}");
            store.saveTranslation("a1", "{}");
            store.saveFailure("a1", Stage.SUMMARIZE, "invalid JSON", true);
            assertThat(store.find("a1").orElseThrow().attempts()).isEqualTo(1);
        }
    }

    @Test
    void recleaningAChangedInputDropsLaterStagesAndResetsAttempts() {
        try (RunStore store = open()) {
            store.saveCleaned("a1", "in/a1.html", "h1", "{\"v\":1}");
            store.saveTranslation("a1", "{}");
            store.saveFailure("a1", Stage.SUMMARIZE, "invalid JSON", true);

            store.saveCleaned("a1", "in/a1.html", "h1", "{\"v\":1}");
            StoredArticle same = store.find("a1").orElseThrow();
            assertThat(same.attempts()).isEqualTo(1);
            assertThat(same.translationJson()).isEmpty();

            store.saveFailure("a1", "in/a1.html", "h2", Stage.CLEAN, "no text", false);
            StoredArticle changed = store.find("a1").orElseThrow();
            assertThat(changed.attempts()).isEqualTo(1);
            assertThat(changed.cleanedJson()).isEmpty();
            assertThat(changed.madeFrom("h2")).isTrue();

            store.saveCleaned("a1", "in/a1.html", "h3", "{\"v\":3}");
            assertThat(store.find("a1").orElseThrow().attempts()).isZero();
        }
    }

    @Test
    void resetInFlightReturnsEachArticleToItsLastFinishedState() {
        try (RunStore store = open()) {
            store.saveCleaned("cleaned", "l", "h", "{}");
            store.saveCleaned("translated", "l", "h", "{}");
            store.saveTranslation("translated", "{}");
            store.saveCleaned("done", "l", "h", "{}");
            store.saveTranslation("done", "{}");
            store.saveSummary("done", "{}");
            store.saveCleaned("failed", "l", "h", "{}");
            store.saveFailure("failed", Stage.TRANSLATE, "timeout", true);
            store.saveCleaned("untouched", "l", "h", "{}");
            for (String id : List.of("cleaned", "translated", "done", "failed", "nothing")) {
                store.markInFlight(id);
            }
            assertThat(store.counts()).containsEntry(ArticleStatus.IN_FLIGHT, 5L);

            assertThat(store.resetInFlight()).isEqualTo(5);

            assertThat(store.find("cleaned").orElseThrow().status()).isEqualTo(ArticleStatus.CLEANED);
            assertThat(store.find("translated").orElseThrow().status()).isEqualTo(ArticleStatus.TRANSLATED);
            assertThat(store.find("done").orElseThrow().status()).isEqualTo(ArticleStatus.SUMMARIZED);
            assertThat(store.find("failed").orElseThrow().status()).isEqualTo(ArticleStatus.FAILED);
            assertThat(store.find("failed").orElseThrow().attempts()).isEqualTo(1);
            assertThat(store.find("untouched").orElseThrow().status()).isEqualTo(ArticleStatus.CLEANED);
            assertThat(store.find("nothing")).isEmpty();
            assertThat(store.counts())
                    .isEqualTo(Map.of(
                            ArticleStatus.CLEANED, 2L,
                            ArticleStatus.TRANSLATED, 1L,
                            ArticleStatus.SUMMARIZED, 1L,
                            ArticleStatus.FAILED, 1L,
                            ArticleStatus.IN_FLIGHT, 0L));
            assertThat(store.resetInFlight()).isZero();
        }
    }

    @Test
    void clearRemovesEveryArticleButKeepsTheCallCache() {
        ModelReply reply = new ModelReply("x", FinishReason.STOP, Optional.empty(), ProviderKind.OLLAMA, "m");
        try (RunStore store = open()) {
            store.saveCleaned("a1", "l", "h", "{}");
            store.saveFailure("a2", Stage.CLEAN, "bad", false);
            store.callCache().put("k", reply);

            store.clear();

            assertThat(store.find("a1")).isEmpty();
            assertThat(store.articles()).isEmpty();
            assertThat(store.counts().values()).containsOnly(0L);
            assertThat(store.callCache().get("k")).contains(reply);

            assertThat(store.clearCallCache()).isEqualTo(1);
            assertThat(store.callCache().get("k")).isEmpty();
        }
    }

    @Test
    void listsArticlesInTheOrderTheyWereFirstWrittenAcrossPages() {
        List<String> ids = IntStream.range(0, 700)
                .mapToObj(i -> "z" + (700 - i)) // not alphabetical, to tell insertion order from id order
                .toList();
        try (RunStore store = open()) {
            for (String id : ids) {
                store.saveCleaned(id, "l", "h", "{}");
            }
            store.saveTranslation(ids.get(0), "{}"); // updating a row keeps its place
            assertThat(store.articles().map(StoredArticle::id)).containsExactlyElementsOf(ids);
            assertThat(store.articles().limit(3).map(StoredArticle::id)).containsExactlyElementsOf(ids.subList(0, 3));
        }
    }

    @Test
    void concurrentWritesFromEightThreadsAllLandExactlyOnce() throws Exception {
        int threads = 8;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (RunStore store = open()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String id = "t" + thread + "-" + i;
                        store.markInFlight(id);
                        store.saveCleaned(id, "l", "h", "{\"n\":" + i + "}");
                        store.saveTranslation(id, "{}");
                        if (i % 10 == 0) {
                            store.saveFailure(id, Stage.SUMMARIZE, "invalid", true);
                        } else {
                            store.saveSummary(id, "{}");
                        }
                        assertThat(store.find(id)).isPresent();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }

            List<StoredArticle> all = store.articles().toList();
            assertThat(all).hasSize(threads * perThread);
            assertThat(all.stream().map(StoredArticle::id).collect(Collectors.toSet()))
                    .hasSize(threads * perThread);
            assertThat(store.counts())
                    .containsEntry(ArticleStatus.SUMMARIZED, (long) threads * perThread * 9 / 10)
                    .containsEntry(ArticleStatus.FAILED, (long) threads * perThread / 10)
                    .containsEntry(ArticleStatus.IN_FLIGHT, 0L);
            assertThat(store.integrityCheck()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFileThatIsNotADatabaseGivesAnErrorNamingIt() throws Exception {
        Path garbage = dir.resolve("dragoman.db");
        Files.writeString(garbage, "These are my notes, not a database.\n".repeat(200));

        assertThatThrownBy(() -> RunStore.open(garbage))
                .isInstanceOf(RunStoreException.class)
                .hasMessageContaining(garbage.toString())
                .hasMessageContaining("is not a Dragoman run store")
                .hasMessageContaining("move it away");
        assertThat(Files.readString(garbage)).startsWith("These are my notes"); // left as it was
    }

    @Test
    void anotherProgramsSqliteDatabaseIsRefusedAndLeftAlone() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (text TEXT)");
        }

        assertThatThrownBy(() -> RunStore.open(other))
                .isInstanceOf(RunStoreException.class)
                .hasMessageContaining(other.toString())
                .hasMessageContaining("another program");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement s = c.createStatement();
                var mode = s.executeQuery("PRAGMA journal_mode")) {
            assertThat(mode.next()).isTrue();
            assertThat(mode.getString(1)).isEqualTo("delete");
        }
    }

    @Test
    void aStoreWrittenByANewerDragomanIsRefused() throws Exception {
        Path file = dir.resolve("dragoman.db");
        RunStore.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (RunStore.SCHEMA_VERSION + 1));
        }

        assertThatThrownBy(() -> RunStore.open(file))
                .isInstanceOf(RunStoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("newer Dragoman")
                .hasMessageContaining("upgrade Dragoman");
    }

    @Test
    void aNewStoreIsMarkedAsDragomansInWalModeAndPassesTheIntegrityCheck() throws Exception {
        Path file = dir.resolve("out/sub/dragoman.db");
        try (RunStore store = RunStore.open(file)) {
            assertThat(store.integrityCheck()).isTrue();
            assertThat(store.file()).isEqualTo(file.toAbsolutePath());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            try (var id = s.executeQuery("PRAGMA application_id")) {
                assertThat(id.next()).isTrue();
                assertThat(id.getInt(1)).isEqualTo(RunStore.APPLICATION_ID);
            }
            try (var version = s.executeQuery("PRAGMA user_version")) {
                assertThat(version.next()).isTrue();
                assertThat(version.getInt(1)).isEqualTo(RunStore.SCHEMA_VERSION);
            }
            try (var mode = s.executeQuery("PRAGMA journal_mode")) {
                assertThat(mode.next()).isTrue();
                assertThat(mode.getString(1)).isEqualTo("wal");
            }
        }
    }

    @Test
    void aClosedStoreSaysSo() {
        RunStore store = open();
        store.close();
        store.close();
        assertThatThrownBy(() -> store.find("a1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void aWriterKilledMidRunLeavesEveryCommittedRowWholeAndNothingTorn() throws Exception {
        Path file = dir.resolve("dragoman.db");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dorg.sqlite.tmpdir=" + dir,
                        "-cp",
                        System.getProperty("java.class.path"),
                        RunStoreCrashWriter.class.getName(),
                        file.toString())
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        int reported = -1;
        try {
            reported = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    int last = -1;
                    while (last < 300) {
                        String line = lines.readLine();
                        if (line == null) {
                            throw new AssertionError("The writer stopped early: " + errors());
                        }
                        last = Integer.parseInt(line.substring("done ".length()));
                    }
                    return last;
                }
            });
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        try (RunStore store = RunStore.open(file)) {
            assertThat(store.integrityCheck()).isTrue();
            List<StoredArticle> rows = store.articles().toList();
            assertThat(rows.size()).isGreaterThan(reported);
            for (int i = 0; i < rows.size(); i++) {
                StoredArticle row = rows.get(i);
                assertThat(row.id()).isEqualTo(RunStoreCrashWriter.id(i));
                assertWhole(row, i);
                if (i <= reported || i < rows.size() - 1) {
                    assertThat(row.status()).as(row.id()).isEqualTo(ArticleStatus.SUMMARIZED);
                    assertThat(store.callCache().get(row.id())).as(row.id()).contains(RunStoreCrashWriter.reply(i));
                }
            }
            store.resetInFlight();
            assertThat(store.counts().get(ArticleStatus.IN_FLIGHT)).isZero();
        }
    }

    /** Every stored stage is the exact payload the writer gave, and the status agrees with what is stored. */
    private static void assertWhole(StoredArticle row, int i) {
        row.cleanedJson().ifPresent(json -> assertThat(json).isEqualTo(RunStoreCrashWriter.payload(i, "cleaned")));
        row.translationJson()
                .ifPresent(json -> assertThat(json).isEqualTo(RunStoreCrashWriter.payload(i, "translation")));
        row.summaryJson().ifPresent(json -> assertThat(json).isEqualTo(RunStoreCrashWriter.payload(i, "summary")));
        switch (row.status()) {
            case SUMMARIZED -> assertThat(row.summaryJson()).isPresent();
            case TRANSLATED -> assertThat(row.translationJson()).isPresent();
            case CLEANED -> assertThat(row.cleanedJson()).isPresent();
            case IN_FLIGHT -> assertThat(row.summaryJson()).isEmpty();
            case FAILED -> throw new AssertionError(row.id() + " failed: " + row.failure());
        }
        if (row.summaryJson().isPresent() || row.translationJson().isPresent()) {
            assertThat(row.cleanedJson()).isPresent();
        }
    }

    private String errors() throws Exception {
        Path err = dir.resolve("child.err");
        return Files.exists(err) ? Files.readString(err) : "";
    }
}
