package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.cli.StandInRuns.Exit;
import io.dragoman.cli.StandInRuns.Running;
import io.dragoman.cli.StandInRuns.Snapshot;
import io.dragoman.cli.StandInRuns.StandIn;
import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.Stage;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI killed with SIGKILL in the middle of a run, then run again with the same command: every article ends
 * up in {@code articles.jsonl} exactly once, summarised, and every output file is byte for byte as an uninterrupted
 * run writes it; the run store passes SQLite's integrity check; and no call whose reply reached the store before the
 * kill is made again.
 *
 * <p>200 synthetic BelTA-style articles go to the stand-in of {@link StandInRuns}. Each round kills a run at a point
 * drawn from a fixed seed, in turn while the first articles are cleaned, while a translation request is in flight,
 * while a summary request is in flight, and while the output files are rendered; some rounds kill the rerun again
 * before a third run finishes. The default build runs {@value #CI_ROUNDS} rounds; with {@code -Ddragoman.soak=true}
 * ({@code -Psoak}) it runs {@value #SOAK_ROUNDS}. The rounds are printed as a table and written to {@code
 * target/soak/kills.md}. Run by failsafe after {@code package}; the build passes the jar's path as {@code
 * dragoman.jar}.
 */
class KillAndResumeIT {

    private static final boolean SOAK = Boolean.getBoolean("dragoman.soak");
    private static final int ARTICLES = 200;
    private static final int CONCURRENCY = 8;
    private static final int LATENCY_MS = 100;
    private static final int CI_ROUNDS = 3;
    private static final int SOAK_ROUNDS = 20;
    private static final int ROUNDS = SOAK ? SOAK_ROUNDS : CI_ROUNDS;
    private static final long SEED = 20201126L;

    /**
     * After the first round, no round is started that would end later than this after the test's start if it took as
     * long as the longest round so far.
     */
    private static final Duration ROUNDS_BUDGET = SOAK ? Duration.ofMinutes(9) : Duration.ofSeconds(75);

    private static final long PROCESS_TIMEOUT_SECONDS = 60;
    private static final long KILL_POINT_TIMEOUT_SECONDS = 30;

    @TempDir
    Path tmp;

    private StandInRuns runs;
    private StandIn standIn;

    @BeforeEach
    void startTheStandIn() throws IOException {
        runs = new StandInRuns(tmp, ARTICLES, CONCURRENCY, LATENCY_MS);
        standIn = runs.standIn();
    }

    @AfterEach
    void stopTheStandIn() {
        runs.close();
    }

    /** Where a run is killed. */
    enum Phase {
        /** While the first articles are cleaned: a moment after the store appears, or at the first model request. */
        CLEANING,
        /** The moment the n-th translation request arrives, while it is in flight. */
        TRANSLATION,
        /** The moment the n-th summary request arrives, while it is in flight. */
        SUMMARY,
        /** While the outputs are rendered, once {@code md/} holds n pages. */
        RENDERING
    }

    /**
     * A kill point.
     *
     * @param phase what the run is doing
     * @param at milliseconds after the store appears (cleaning), the request number (translation, summary) or the
     *     number of Markdown pages written (rendering)
     */
    record Kill(Phase phase, int at) {
        @Override
        public String toString() {
            return switch (phase) {
                case CLEANING -> "cleaning, store +" + at + " ms";
                case TRANSLATION -> "translation #" + at;
                case SUMMARY -> "summary #" + at;
                case RENDERING -> "rendering, " + at + " md";
            };
        }
    }

    /** One run of a round: the key it sent, and the store a kill left (empty for the run that finished). */
    private record Run(String key, Kill kill, Snapshot atKill, long millis) {}

    /** A line of the table. */
    private record Row(
            int round,
            String kills,
            int requestsBeforeKill,
            int cachedAtKill,
            String storedAtKill,
            int rerunRequests,
            long millis,
            String result) {}

    @Test
    void runsKilledAtSeededPointsResumeToTheSameOutputsWithEveryArticleOnceAndTheStoreIntact() throws Exception {
        long testStart = System.nanoTime();

        // An uninterrupted run: the outputs every resumed run must reproduce, and the proof that the stand-in's
        // replies pass every check at the first attempt (one translation and one summary call per article).
        Path reference = tmp.resolve("reference");
        String referenceKey = "sk-test-kill-and-resume-reference";
        long started = System.nanoTime();
        Exit full = StandInRuns.finish(runs.start(reference, referenceKey), PROCESS_TIMEOUT_SECONDS);
        long referenceMillis = millisSince(started);
        assertThat(full.code()).as(full.err()).isZero();
        assertThat(standIn.translations(referenceKey))
                .as("translation requests per article")
                .containsOnly(1);
        assertThat(standIn.summaries(referenceKey))
                .as("summary requests per article")
                .containsOnly(1);
        runs.assertEveryArticleOnceAndSummarized(reference);
        assertThat(StandInRuns.readJsonl(reference.resolve("articles.jsonl"))).allSatisfy(r -> {
            assertThat(r.at("/translation/checks"))
                    .allSatisfy(c -> assertThat(c.get("status").asText())
                            .as(c.toString())
                            .isEqualTo("passed"));
            assertThat(r.at("/summary/warnings")).isEmpty();
        });
        assertThat(standIn.unmatched()).isZero();
        System.out.printf(
                Locale.ROOT,
                "KillAndResumeIT: uninterrupted run of %d articles took %d ms%n",
                ARTICLES,
                referenceMillis);

        Random random = new Random(SEED);
        List<Row> rows = new ArrayList<>();
        List<AssertionError> failures = new ArrayList<>();
        long longestRound = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            if (round > 1 && millisSince(testStart) + longestRound > ROUNDS_BUDGET.toMillis()) {
                System.out.printf(
                        Locale.ROOT,
                        "KillAndResumeIT: another round would take the test past %d s; stopping after %d rounds%n",
                        ROUNDS_BUDGET.toSeconds(),
                        rows.size());
                break;
            }
            // the phases in turn, so that the three rounds of the default build kill during translation, summary
            // and rendering, and the soak kills each phase five times; every fourth round kills the rerun again
            Phase phase = List.of(Phase.SUMMARY, Phase.TRANSLATION, Phase.RENDERING, Phase.CLEANING)
                    .get((round - 1) % 4);
            Kill first = draw(phase, random);
            boolean killAgain = round % 4 == 0;
            long roundStart = System.nanoTime();
            try {
                rows.add(killAndResume(round, first, killAgain, random, reference));
            } catch (AssertionError e) {
                failures.add(e);
                rows.add(new Row(
                        round,
                        first.toString(),
                        -1,
                        -1,
                        "",
                        -1,
                        millisSince(roundStart),
                        "FAILED: " + e.getMessage().lines().findFirst().orElse("")));
            }
            longestRound = Math.max(longestRound, millisSince(roundStart));
        }

        String table = table(rows, referenceMillis, millisSince(testStart));
        System.out.print(table);
        Path report = StandInRuns.jar().getParent().resolve("soak").resolve("kills.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table, StandardCharsets.UTF_8);

        if (!failures.isEmpty()) {
            AssertionError first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
        assertThat(rows).isNotEmpty();
        assertThat(standIn.unmatched()).as("requests naming no article").isZero();
    }

    /** A kill point in {@code phase}, drawn from {@code random}. */
    private static Kill draw(Phase phase, Random random) {
        return switch (phase) {
            case CLEANING -> new Kill(phase, random.nextInt(300));
            case TRANSLATION -> new Kill(phase, CONCURRENCY + 1 + random.nextInt(ARTICLES - 2 * CONCURRENCY));
            case SUMMARY -> new Kill(phase, 1 + random.nextInt(ARTICLES - CONCURRENCY));
            case RENDERING -> new Kill(phase, 1 + random.nextInt(ARTICLES / 2));
        };
    }

    /**
     * One round: a run killed at {@code first}; when {@code killAgain}, its rerun killed too (during the summaries
     * still to do, or during rendering when none are left); then a run to the end, checked against the reference.
     */
    private Row killAndResume(int round, Kill first, boolean killAgain, Random random, Path reference)
            throws Exception {
        Path out = tmp.resolve("round-" + round);
        long roundStart = System.nanoTime();
        List<Run> killed = new ArrayList<>();
        Kill next = first;
        while (next != null) {
            String key = "sk-test-kill-and-resume-" + round + "-run" + (killed.size() + 1);
            long started = System.nanoTime();
            killAt(runs.start(out, key), next, out, key);
            Snapshot snapshot = Snapshot.of(out, tmp.resolve("snapshot-" + round + "-" + (killed.size() + 1)));
            killed.add(new Run(key, next, snapshot, millisSince(started)));
            next = null;
            if (killAgain && killed.size() == 1) {
                long left = ARTICLES - snapshot.summarized();
                next = left > 2L * CONCURRENCY
                        ? new Kill(Phase.SUMMARY, 1 + random.nextInt((int) (left / 2)))
                        : draw(Phase.RENDERING, random);
            }
        }

        String resumedKey = "sk-test-kill-and-resume-" + round + "-resumed";
        long started = System.nanoTime();
        Exit resumed = StandInRuns.finish(runs.start(out, resumedKey), PROCESS_TIMEOUT_SECONDS);
        long resumedMillis = millisSince(started);
        assertThat(resumed.code()).as(resumed.err()).isZero();

        // the outputs: every article once, summarised, exactly as the uninterrupted run wrote them
        runs.assertSameOutputs(out, reference, "round " + round);
        assertThat(StandInRuns.temporaryFiles(out))
                .as("temporary files left in round %d", round)
                .isEmpty();

        // the store: consistent, and every article summarised
        try (RunStore store = RunStore.open(out.resolve("dragoman.db"))) {
            assertThat(store.integrityCheck()).as("PRAGMA integrity_check").isTrue();
            assertThat(store.articles().counts())
                    .containsEntry(ArticleStatus.SUMMARIZED, (long) ARTICLES)
                    .containsEntry(ArticleStatus.CLEANED, 0L)
                    .containsEntry(ArticleStatus.TRANSLATED, 0L)
                    .containsEntry(ArticleStatus.FAILED, 0L)
                    .containsEntry(ArticleStatus.IN_FLIGHT, 0L);
        }

        // the calls: at most one of each kind per article and run, none repeated whose reply the store held at a kill
        List<String> keys = new ArrayList<>(killed.stream().map(Run::key).toList());
        keys.add(resumedKey);
        for (int n = 0; n < ARTICLES; n++) {
            String id = StandInRuns.Synthetic.id(n);
            for (String key : keys) {
                assertThat(standIn.translations(key)[n])
                        .as("%s: translation requests of %s", id, key)
                        .isBetween(0, 1);
                assertThat(standIn.summaries(key)[n])
                        .as("%s: summary requests of %s", id, key)
                        .isBetween(0, 1);
            }
            for (int k = 0; k < killed.size(); k++) {
                StoredArticle at = killed.get(k).atKill().articles().get(id);
                for (String later : keys.subList(k + 1, keys.size())) {
                    if (at != null && at.holds(Stage.SUMMARIZE)) {
                        assertThat(requestsFor(later, n))
                                .as("%s was summarised before kill %d; requests of %s", id, k + 1, later)
                                .isZero();
                    }
                    if (at != null && at.holds(Stage.TRANSLATE)) {
                        assertThat(standIn.translations(later)[n])
                                .as("%s was translated before kill %d; translation requests of %s", id, k + 1, later)
                                .isZero();
                    }
                }
            }
        }
        int cachedBefore = 0;
        int requestsBeforeKill = 0;
        for (Run run : killed) {
            int requests = standIn.requests(run.key());
            requestsBeforeKill += requests;
            assertThat(requests - (run.atKill().cachedCalls() - cachedBefore))
                    .as("requests of %s whose replies the kill lost (at most one per worker)", run.key())
                    .isBetween(0, CONCURRENCY);
            cachedBefore = run.atKill().cachedCalls();
        }
        Snapshot last = killed.get(killed.size() - 1).atKill();
        int rerunRequests = standIn.requests(resumedKey);
        assertThat(rerunRequests)
                .as("requests after the last kill: every call of the %d articles whose reply was not cached", ARTICLES)
                .isEqualTo(2 * ARTICLES - last.cachedCalls());
        if (last.summarized() > 0) {
            assertThat(resumed.out()).contains(last.summarized() + " already done by an earlier run into " + out);
        }

        String kills =
                String.join(" → ", killed.stream().map(r -> r.kill().toString()).toList());
        String stored = last.cleaned() + " / " + last.translated() + " / " + last.summarized();
        System.out.printf(
                Locale.ROOT,
                "KillAndResumeIT round %d: killed at %s (%s ms); %d requests before, %d replies cached, stored"
                        + " (cleaned / translated / summarised) %s; resumed in %d ms with %d requests%n",
                round,
                kills,
                String.join(
                        " + ",
                        killed.stream().map(r -> Long.toString(r.millis())).toList()),
                requestsBeforeKill,
                last.cachedCalls(),
                stored,
                resumedMillis,
                rerunRequests);
        return new Row(
                round,
                kills,
                requestsBeforeKill,
                last.cachedCalls(),
                stored,
                rerunRequests,
                millisSince(roundStart),
                "ok");
    }

    private int requestsFor(String key, int n) {
        return standIn.translations(key)[n] + standIn.summaries(key)[n];
    }

    /** Kills {@code running} at {@code kill}; fails when the run ends by itself first. */
    private void killAt(Running running, Kill kill, Path out, String key) throws Exception {
        Process process = running.process();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(KILL_POINT_TIMEOUT_SECONDS);
        switch (kill.phase()) {
            case TRANSLATION -> standIn.when(key, false, kill.at(), process::destroyForcibly);
            case SUMMARY -> standIn.when(key, true, kill.at(), process::destroyForcibly);
            case CLEANING -> {
                standIn.when(key, false, 1, process::destroyForcibly);
                while (process.isAlive() && !Files.exists(out.resolve("dragoman.db"))) {
                    waitALittle(running, kill, deadline);
                }
                long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(kill.at());
                while (process.isAlive() && System.nanoTime() < killAt) {
                    Thread.sleep(1);
                }
                process.destroyForcibly();
            }
            case RENDERING -> {
                Path md = out.resolve("md");
                while (process.isAlive() && pages(md) < kill.at()) {
                    waitALittle(running, kill, deadline);
                }
                process.destroyForcibly();
            }
        }
        if (!process.waitFor(KILL_POINT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("kill point " + kill + " not reached in " + KILL_POINT_TIMEOUT_SECONDS + " s");
        }
        Exit exit = running.exit();
        if (exit.code() != 128 + 9) {
            throw new AssertionError(
                    "the run ended (exit " + exit.code() + ") before its kill point (" + kill + "):\n" + exit.err());
        }
        assertThat(out.resolve("dragoman.db"))
                .as("the run store exists at the kill")
                .isRegularFile();
    }

    private static void waitALittle(Running running, Kill kill, long deadline) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            running.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("kill point " + kill + " not reached in " + KILL_POINT_TIMEOUT_SECONDS + " s");
        }
        Thread.sleep(1);
    }

    private static long pages(Path md) {
        if (!Files.isDirectory(md)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(md)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md")).count();
        } catch (IOException e) {
            return 0; // the directory changed under the listing; look again
        }
    }

    private static String table(List<Row> rows, long referenceMillis, long totalMillis) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(
                Locale.ROOT,
                "# Kill and resume%n%n%d rounds of %d articles (concurrency %d, stand-in latency %d ms, seed %d%s);"
                        + " the uninterrupted run took %d ms, everything %d s.%n%n",
                rows.size(),
                ARTICLES,
                CONCURRENCY,
                LATENCY_MS,
                SEED,
                SOAK ? ", soak" : "",
                referenceMillis,
                totalMillis / 1000));
        t.append("| round | kill point | requests before kill | replies cached | stored at kill (cleaned / translated"
                + " / summarised) | rerun requests | round ms | result |\n");
        t.append("|---:|---|---:|---:|---|---:|---:|---|\n");
        for (Row r : rows) {
            t.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %s | %s | %s | %s | %d | %s |%n",
                    r.round(),
                    r.kills(),
                    r.requestsBeforeKill() < 0 ? "" : Integer.toString(r.requestsBeforeKill()),
                    r.cachedAtKill() < 0 ? "" : Integer.toString(r.cachedAtKill()),
                    r.storedAtKill(),
                    r.rerunRequests() < 0 ? "" : Integer.toString(r.rerunRequests()),
                    r.millis(),
                    r.result().replace('|', '/')));
        }
        return t.toString();
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
