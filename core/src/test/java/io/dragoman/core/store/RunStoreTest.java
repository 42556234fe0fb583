package io.dragoman.core.store;

import static io.dragoman.core.store.StoredValues.cleaned;
import static io.dragoman.core.store.StoredValues.id;
import static io.dragoman.core.store.StoredValues.summary;
import static io.dragoman.core.store.StoredValues.translation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.Stage;
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
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, checking, migrating and closing a store file, and what survives a reopen, threads and a kill. */
class RunStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private RunStore open() {
        return RunStore.open(dir.resolve("dragoman.db"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theChangeCountMovesOnceWithTheFirstChangeAfterEachReadingAndNotForWritesThatChangeNothing() {
        try (RunStore store = open()) {
            long start = store.generation();
            store.articles().resetInFlight(); // a write that changes no row
            assertThat(store.generation()).as("nothing changed").isEqualTo(start);

            store.articles().saveCleaned(id("a1"), "l1", "h1", cleaned("a1", "x"));
            store.articles().saveTranslation(id("a1"), translation("a1", "x"));
            long afterTwoChanges = store.generation();
            assertThat(afterTwoChanges).as("moved once for both").isEqualTo(start + 1);

            store.articles().saveSummary(id("a1"), summary("a1", "x"));
            assertThat(store.generation())
                    .as("a change after the reading moves it again")
                    .isEqualTo(start + 2);
        }
        try (RunStore reopened = open()) {
            long kept = reopened.generation();
            reopened.callCache()
                    .put("k", new ModelReply("x", FinishReason.STOP, Optional.empty(), ProviderKind.OLLAMA, "m"));
            assertThat(reopened.generation())
                    .as("kept in the file, and moved by any table's change")
                    .isEqualTo(kept + 1);
        }
    }

    @Test
    void keepsEverythingAcrossCloseAndReopen() {
        ModelReply reply =
                new ModelReply("Hello.", FinishReason.STOP, Optional.of(new Usage(10, 2)), ProviderKind.MISTRAL, "m");
        try (RunStore store = open()) {
            store.articles().saveCleaned(id("a1"), "in/a1.html", "h1", cleaned("a1", "x"));
            store.articles().saveTranslation(id("a1"), translation("a1", "t"));
            store.articles().saveFailure(id("a2"), StoredFailure.of(Stage.CLEAN, "not an article", false));
            store.callCache().put("k", reply);
        }
        try (RunStore store = open()) {
            assertThat(store.articles().find(id("a1")).orElseThrow().translation())
                    .contains(translation("a1", "t"));
            assertThat(store.articles().find(id("a2")).orElseThrow().failure())
                    .contains(StoredFailure.of(Stage.CLEAN, "not an article", false));
            assertThat(store.callCache().get("k")).contains(reply);
            assertThat(store.integrityCheck()).isTrue();
        }
    }

    @Test
    void aCachedCallKeepsThePartOfItsPromptTheProvidersCacheServed() {
        ModelReply reply = new ModelReply(
                "text", FinishReason.STOP, Optional.of(new Usage(2412, 318, 2000, 400)), ProviderKind.ANTHROPIC, "m");
        try (RunStore store = open()) {
            store.callCache().put("cached", reply);
        }
        try (RunStore store = open()) {
            assertThat(store.callCache().get("cached")).contains(reply);
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
                        store.articles().markInFlight(id(id));
                        store.articles().saveCleaned(id(id), "l", "h", cleaned(id, "n " + i));
                        store.articles().saveTranslation(id(id), translation(id, "t"));
                        if (i % 10 == 0) {
                            store.articles().saveFailure(id(id), StoredFailure.of(Stage.SUMMARIZE, "invalid", true));
                        } else {
                            store.articles().saveSummary(id(id), summary(id, "s"));
                        }
                        assertThat(store.articles().find(id(id))).isPresent();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }

            List<StoredArticle> all = store.articles().all().toList();
            assertThat(all).hasSize(threads * perThread);
            assertThat(all.stream().map(StoredArticle::id).collect(Collectors.toSet()))
                    .hasSize(threads * perThread);
            assertThat(store.articles().counts())
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

    /** Schema version 2 for the migration tests: version 1 and one migration. */
    /** The schema after today's, made by one more migration. */
    private static Schema nextVersion(List<String> migration) {
        List<List<String>> migrations = new java.util.ArrayList<>(Schema.CURRENT.migrations());
        migrations.add(migration);
        return new Schema(Schema.CURRENT.version() + 1, Schema.CURRENT.create(), migrations);
    }

    private static int intQuery(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                var row = s.executeQuery(sql)) {
            assertThat(row.next()).isTrue();
            return row.getInt(1);
        }
    }

    @Test
    void anOlderStoreIsMigratedInPlaceOnceAndKeepsItsRows() throws Exception {
        Path file = dir.resolve("dragoman.db");
        try (RunStore store = RunStore.open(file)) {
            store.articles().saveCleaned(id("a1"), "in/a1", "h1", cleaned("a1", "x"));
        }
        Schema next = nextVersion(List.of(
                "CREATE TABLE migrated (n INTEGER)",
                "INSERT INTO migrated VALUES (1)",
                "ALTER TABLE articles ADD note"));

        for (int open = 1; open <= 2; open++) {
            try (RunStore store = RunStore.open(file, Clock.systemUTC(), new Properties(), next)) {
                assertThat(store.articles().find(id("a1")).orElseThrow().cleaned())
                        .contains(cleaned("a1", "x"));
            }
        }

        assertThat(intQuery(file, "PRAGMA user_version")).isEqualTo(RunStore.SCHEMA_VERSION + 1);
        assertThat(intQuery(file, "SELECT count(*) FROM migrated"))
                .as("the migration ran once")
                .isEqualTo(1);
        assertThatThrownBy(() -> RunStore.open(file)).hasMessageContaining("newer Dragoman");
    }

    @Test
    void aMigrationThatFailsLeavesTheStoreAsItWas() throws Exception {
        Path file = dir.resolve("dragoman.db");
        try (RunStore store = RunStore.open(file)) {
            store.articles().saveCleaned(id("a1"), "in/a1", "h1", cleaned("a1", "x"));
        }
        Schema broken = nextVersion(List.of("CREATE TABLE migrated (n INTEGER)", "ALTER TABLE nowhere ADD note"));

        assertThatThrownBy(() -> RunStore.open(file, Clock.systemUTC(), new Properties(), broken))
                .isInstanceOf(RunStoreException.class)
                .hasMessageContaining(file.toString());

        assertThat(intQuery(file, "PRAGMA user_version")).isEqualTo(RunStore.SCHEMA_VERSION);
        assertThat(intQuery(file, "SELECT count(*) FROM sqlite_schema WHERE name = 'migrated'"))
                .isZero();
        try (RunStore store = RunStore.open(file)) {
            assertThat(store.articles().find(id("a1")).orElseThrow().cleaned()).contains(cleaned("a1", "x"));
        }
    }

    @Test
    void aSchemaNeedsOneMigrationPerVersionAfterTheFirst() {
        assertThatThrownBy(() -> new Schema(3, Schema.CURRENT.create(), List.of(List.of("SELECT 1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 2 migrations");
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
        assertThatThrownBy(() -> store.articles().find(id("a1")))
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
            List<StoredArticle> rows = store.articles().all().toList();
            assertThat(rows.size()).isGreaterThan(reported);
            for (int i = 0; i < rows.size(); i++) {
                StoredArticle row = rows.get(i);
                assertThat(row.id()).isEqualTo(RunStoreCrashWriter.id(i));
                assertWhole(row, i);
                if (i <= reported || i < rows.size() - 1) {
                    assertThat(row.status()).as(row.id().value()).isEqualTo(ArticleStatus.SUMMARIZED);
                    assertThat(store.callCache().get(row.id().value()))
                            .as(row.id().value())
                            .contains(RunStoreCrashWriter.reply(i));
                }
            }
            store.articles().resetInFlight();
            assertThat(store.articles().counts().get(ArticleStatus.IN_FLIGHT)).isZero();
        }
    }

    /** Every stored stage is the exact value the writer gave, and the status agrees with what is stored. */
    private static void assertWhole(StoredArticle row, int i) {
        row.cleaned().ifPresent(article -> assertThat(article).isEqualTo(RunStoreCrashWriter.cleaned(i)));
        row.translation().ifPresent(t -> assertThat(t).isEqualTo(RunStoreCrashWriter.translation(i)));
        row.summary().ifPresent(s -> assertThat(s).isEqualTo(RunStoreCrashWriter.summary(i)));
        switch (row.status()) {
            case SUMMARIZED -> assertThat(row.summary()).isPresent();
            case TRANSLATED -> assertThat(row.translation()).isPresent();
            case CLEANED -> assertThat(row.cleaned()).isPresent();
            case IN_FLIGHT -> assertThat(row.summary()).isEmpty();
            case FAILED -> throw new AssertionError(row.id() + " failed: " + row.failure());
        }
        if (row.summary().isPresent() || row.translation().isPresent()) {
            assertThat(row.cleaned()).isPresent();
        }
    }

    private String errors() throws Exception {
        Path err = dir.resolve("child.err");
        return Files.exists(err) ? Files.readString(err) : "";
    }
}
