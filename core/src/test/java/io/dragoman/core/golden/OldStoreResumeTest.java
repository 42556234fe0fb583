package io.dragoman.core.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.Dragoman;
import io.dragoman.core.golden.ReplyPlan.Task;
import io.dragoman.core.input.Input;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.pipeline.RunResult;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.translate.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run store written by an earlier version of Dragoman (schema version 1, committed as {@code
 * golden/old-store/dragoman.db}; see the README there) opens, renders the outputs recorded when it was made, and
 * resumes without asking the model again for anything it finished: the guard in front of the model fails the test on
 * such a call. What it holds: the seeds and five synthetic articles run in full (one of them failed at the translation
 * with a 400, one at the summary after a re-ask), and one more article run with {@code --only translate}.
 *
 * <p>The fixture is made once, with the code of its time: {@code -Ddragoman.fixture.update=true
 * -Ddragoman.golden.update=true -Dtest=OldStoreResumeTest}. Never remake it with newer code: it stands for the stores
 * users already have. The expected outputs ({@code recorded/}, {@code resumed/}) may be rewritten with {@code
 * -Ddragoman.golden.update=true} alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OldStoreResumeTest {

    /** The system property that remakes the fixture with the current code. */
    static final String FIXTURE_UPDATE = "dragoman.fixture.update";

    private static final Path FIXTURE = GoldenFiles.ROOT.resolve("old-store").resolve("dragoman.db");
    /**
     * The translation prompt the fixture was made with and the repair prompt the expectations below were recorded with,
     * as {@code --prompts DIR}: a resume or a forced rerun sends the same translation and repair requests as then, so
     * the call cache and the stand-in's mix (drawn from each request's digest) answer them as they did. A later prompt
     * edit changes the requests, which no call cache may answer.
     */
    private static final Path FIXTURE_PROMPTS =
            GoldenFiles.ROOT.resolve("old-store").resolve("prompts");

    private static final long MAX_FIXTURE_BYTES = 300 * 1024;

    /** The synthetic articles run in full: reasked, repaired, clean, split and repaired, failed twice. */
    private static final long[] FULL = {0, 2, 4, 14, 24, 43};
    /** The article run with {@code --only translate}. */
    private static final long TRANSLATED_ONLY = 5;

    private static final String TRANSLATED = "soak-00005";
    private static final String SUMMARY_FAILED = "soak-00024";
    private static final String TRANSLATION_FAILED = "soak-00043";
    /**
     * The finished articles with a reply the call cache does not keep, one cut off by its output limit: the first
     * summary of soak-00004, the first translation of soak-00014 (then split in two).
     */
    private static final Set<String> CUT_OFF = Set.of("soak-00004", "soak-00014");
    /**
     * The seed whose stored translation is its German source: the first reply dropped a paragraph and the repair
     * echoed the source, and the checks of the fixture's time chose the echo; today's fail the article, and a rerun
     * built from the same cached replies fails too.
     */
    private static final String ECHOED = "002_2bc17d9c9461e4a0";

    /** The translation requests (first attempts and the chunks of split ones) the old call cache answers. */
    private static final int REPLAYED_TRANSLATIONS = 9;

    /** The fixture's articles: status, and the stage of a failure. */
    private static final Map<String, String> FIXTURE_ROWS = Map.of(
            "000_9d6d41b7495442df",
            "SUMMARIZED",
            "002_2bc17d9c9461e4a0",
            "SUMMARIZED",
            "soak-00000",
            "SUMMARIZED",
            "soak-00002",
            "SUMMARIZED",
            "soak-00004",
            "SUMMARIZED",
            TRANSLATED,
            "TRANSLATED",
            "soak-00014",
            "SUMMARIZED",
            SUMMARY_FAILED,
            "FAILED SUMMARIZE",
            TRANSLATION_FAILED,
            "FAILED TRANSLATE");

    @TempDir
    Path tmp;

    /** Every input the fixture was made from, as one run reads them. */
    private static Stream<Input> inputs() {
        return Stream.concat(
                GoldenScenarios.seedInputs(),
                GoldenScenarios.syntheticInputs(
                        LongStream.concat(LongStream.of(FULL), LongStream.of(TRANSLATED_ONLY))));
    }

    private static StandInModel.Script script() {
        return GoldenScenarios.seedsAndSynthetic();
    }

    @Test
    @Order(1)
    @EnabledIfSystemProperty(named = FIXTURE_UPDATE, matches = "true")
    void makeTheFixtureWithTheCurrentCode() throws IOException, SQLException {
        Path made = tmp.resolve("made");
        try (GoldenStack stack = new GoldenStack(GoldenScenarios.FIXTURE_MIX, script())) {
            stack.run(new GoldenStack.Run(
                    made,
                    () -> Stream.concat(
                            GoldenScenarios.seedInputs(), GoldenScenarios.syntheticInputs(LongStream.of(FULL))),
                    true,
                    true,
                    stack.model(),
                    false));
            stack.run(new GoldenStack.Run(
                    made,
                    () -> GoldenScenarios.syntheticInputs(LongStream.of(TRANSLATED_ONLY)),
                    true,
                    false,
                    stack.model(),
                    false));
        }
        Path db = made.resolve("dragoman.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                Statement s = c.createStatement()) {
            s.execute("VACUUM");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        assertThat(made.resolve("dragoman.db-wal")).doesNotExist();
        assertThat(rows(db)).isEqualTo(FIXTURE_ROWS);
        assertThat(Files.size(db)).isLessThan(MAX_FIXTURE_BYTES);
        Files.createDirectories(FIXTURE.getParent());
        Files.copy(db, FIXTURE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @Order(2)
    void theOldStoreRendersTheOutputsRecordedWhenItWasMade() throws IOException, SQLException {
        Path dir = copyOfTheFixture();
        assertThat(pragma(dir.resolve("dragoman.db"), "user_version"))
                .as("the fixture's schema version")
                .isEqualTo(1);
        assertThat(rows(dir.resolve("dragoman.db")))
                .as("the fixture's articles")
                .isEqualTo(FIXTURE_ROWS);
        try (Dragoman dragoman = Dragoman.builder()
                .languages(Seeds.languages())
                .store(dir.resolve("dragoman.db"))
                .build()) {
            dragoman.writeOutputs(dir, Optional.empty());
        }
        assertThat(integrityCheck(dir.resolve("dragoman.db"))).isEqualTo(List.of("ok"));
        GoldenFiles.verify(dir, "old-store/recorded", GoldenFiles.Normalisation.fromSystemProperties());
    }

    @Test
    @Order(3)
    void resumingTheOldStoreAsksNothingForFinishedWorkAndRendersTheRecordedOutputs() throws IOException, SQLException {
        Path dir = copyOfTheFixture();
        try (GoldenStack stack = new GoldenStack(GoldenScenarios.FIXTURE_MIX, script())) {
            // finished articles get no call at all; the translated one and the one whose summary failed keep their
            // translations and are only summarised
            Guard guard = new Guard(stack.model(), script(), (article, task) -> switch (article) {
                case TRANSLATION_FAILED -> true;
                case TRANSLATED, SUMMARY_FAILED -> !task.translates();
                default -> false;
            });
            RunResult result = stack.run(new GoldenStack.Run(
                    dir,
                    OldStoreResumeTest::inputs,
                    true,
                    true,
                    guard,
                    false,
                    PromptLibrary.withOverrides(FIXTURE_PROMPTS)));

            assertThat(guard.violations()).as("model calls for finished work").isEmpty();
            assertThat(stack.standIn().unexpected()).isEmpty();
            assertThat(guard.articlesCalled()).containsExactly(TRANSLATED, SUMMARY_FAILED, TRANSLATION_FAILED);
            assertThat(result.skipped())
                    .as("the seeds and the four synthetic articles done")
                    .isEqualTo(6);
            // the summary that failed after a re-ask goes with today's summary request, whose answers the stand-in's
            // mix draws afresh (from the request's digest)
            assertThat(result.done()).isEqualTo(2);
            assertThat(result.failed()).isEqualTo(1);
        }
        assertThat(integrityCheck(dir.resolve("dragoman.db"))).isEqualTo(List.of("ok"));
        GoldenFiles.verify(dir, "old-store/resumed", GoldenFiles.Normalisation.fromSystemProperties());
    }

    @Test
    @Order(4)
    void aForcedRerunOfTheOldStoreIsAnsweredFromItsCallCache() throws IOException, SQLException {
        Path dir = copyOfTheFixture();
        Map<String, String> before = recordsById(GoldenFiles.ROOT.resolve("old-store/recorded/articles.jsonl"));
        try (GoldenStack stack = new GoldenStack(GoldenScenarios.FIXTURE_MIX, script())) {
            // the cache keeps every reply that finished normally, so every first translation request is answered from
            // it; only a reply cut off by its output limit and a failed call go to the model again, and the repairs
            // and summaries, whose requests have changed since the fixture was made (a repair repeats the first
            // request as a prefix, a summary sends the English translation alone)
            Guard guard = new Guard(
                    stack.model(),
                    script(),
                    (article, task) ->
                            CUT_OFF.contains(article) || article.equals(TRANSLATION_FAILED) || task != Task.TRANSLATE);
            RunResult result = stack.run(new GoldenStack.Run(
                    dir,
                    OldStoreResumeTest::inputs,
                    true,
                    true,
                    guard,
                    true,
                    PromptLibrary.withOverrides(FIXTURE_PROMPTS)));

            assertThat(guard.violations())
                    .as("model calls the old call cache should have answered")
                    .isEmpty();
            assertThat(result.replayed())
                    .as("translation requests answered from the old cache")
                    .isEqualTo(REPLAYED_TRANSLATIONS);
        }
        Map<String, String> after = recordsById(dir.resolve("articles.jsonl"));
        assertThat(after.get(ECHOED))
                .as("an echo of the source gets a repair the cache has not seen, and the mix's answer to it fails too")
                .contains("\"status\":\"failed\"")
                .contains("\"stage\":\"translate\"");
        // an article whose English came from the cache, with or without a repair the mix answers afresh, is the same
        Set<String> rebuilt = new TreeSet<>();
        before.forEach((id, record) -> {
            if (record.contains("\"status\":\"summarized\"") && after.get(id).contains("\"status\":\"summarized\"")) {
                rebuilt.add(id);
                assertThat(paragraphs(after.get(id)))
                        .as("the English of %s, rebuilt from cached and new replies", id)
                        .isEqualTo(paragraphs(record));
            }
        });
        assertThat(rebuilt).as("articles summarised before and after").isNotEmpty();
        assertThat(integrityCheck(dir.resolve("dragoman.db"))).isEqualTo(List.of("ok"));
    }

    /** The English paragraphs of an article record. */
    private static List<String> paragraphs(String record) {
        try {
            List<String> english = new ArrayList<>();
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(record)
                    .path("translation")
                    .path("paragraphs")
                    .forEach(p -> english.add(p.asText()));
            return english;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A run directory holding a copy of the fixture, and nothing else. */
    private Path copyOfTheFixture() throws IOException {
        assertThat(FIXTURE).as("the old-store fixture").isRegularFile();
        assertThat(FIXTURE.resolveSibling("dragoman.db-wal")).doesNotExist();
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.copy(FIXTURE, dir.resolve("dragoman.db"));
        return dir;
    }

    private static Map<String, String> recordsById(Path jsonl) throws IOException {
        Map<String, String> byId = new LinkedHashMap<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            byId.put(line.substring("{\"id\":\"".length(), line.indexOf('"', "{\"id\":\"".length())), line);
        }
        return byId;
    }

    /** SQLite's own consistency check of the file, read with plain JDBC. */
    private static List<String> integrityCheck(Path db) throws SQLException {
        List<String> answer = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("PRAGMA integrity_check")) {
            while (rows.next()) {
                answer.add(rows.getString(1));
            }
        }
        return answer;
    }

    /** Each article's status and failure stage, read from table {@code articles} of schema version 1. */
    private static Map<String, String> rows(Path db) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT id, status, failure_stage FROM articles ORDER BY id")) {
            while (row.next()) {
                String stage = row.getString("failure_stage");
                rows.put(row.getString("id"), row.getString("status") + (stage == null ? "" : " " + stage));
            }
        }
        return rows;
    }

    private static int pragma(Path db, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet row = s.executeQuery("PRAGMA " + name)) {
            return row.next() ? row.getInt(1) : -1;
        }
    }

    /**
     * The stack's model behind a guard: a request the rule does not allow for its article and task is recorded and
     * fails with an {@link AssertionError}; the others are logged and passed on.
     */
    private static final class Guard implements ModelProvider {
        private final ModelProvider delegate;
        private final StandInModel.Script script;
        private final BiPredicate<String, Task> allowed;
        private final Queue<String> called = new ConcurrentLinkedQueue<>();
        private final Queue<String> violations = new ConcurrentLinkedQueue<>();

        Guard(ModelProvider delegate, StandInModel.Script script, BiPredicate<String, Task> allowed) {
            this.delegate = delegate;
            this.script = script;
            this.allowed = allowed;
        }

        @Override
        public ModelReply chat(ModelRequest request) {
            String article = script.subject(request.user())
                    .map(StandInModel.Subject::label)
                    .orElse("(unknown)");
            Optional<Task> task = Task.of(request.user());
            if (task.isEmpty() || !allowed.test(article, task.get())) {
                violations.add(article + " " + task.map(Task::name).orElse("(unknown task)"));
                throw new AssertionError("A model call that should not happen: " + article + " " + task);
            }
            called.add(article);
            return delegate.chat(request);
        }

        @Override
        public ProviderInfo info() {
            return delegate.info();
        }

        List<String> violations() {
            return new ArrayList<>(violations);
        }

        /** The articles that reached the model, sorted. */
        List<String> articlesCalled() {
            return new ArrayList<>(new TreeSet<>(called));
        }
    }
}
