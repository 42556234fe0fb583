package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dragoman.cli.StandInRuns.Exit;
import io.dragoman.cli.StandInRuns.Running;
import io.dragoman.cli.StandInRuns.Snapshot;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the packaged CLI from outside and keeping two runs apart, against the slow stand-in of {@link StandInRuns}:
 * SIGTERM (what {@code timeout}, systemd and Docker send; {@link Process#destroy()} sends it on Linux) and Ctrl-C's
 * SIGINT finish the articles in flight, write every output and exit 143 or 130, a second one aborts saying what it
 * left, {@code --force} cut short never shrinks the outputs, and a second run into the same directory refuses at
 * start. Run by failsafe after {@code package}.
 */
class StoppingAndLockingIT {

    private static final int ARTICLES = 16;
    private static final int CONCURRENCY = 4;
    private static final int LATENCY_MS = 100;
    private static final long TIMEOUT_SECONDS = 60;
    private static final String RERUN = "rerun the same command to continue where it stopped.";

    @TempDir
    Path tmp;

    private StandInRuns runs;

    @BeforeEach
    void startTheStandIn() throws IOException {
        runs = new StandInRuns(tmp, ARTICLES, CONCURRENCY, LATENCY_MS);
    }

    @AfterEach
    void stopTheStandIn() {
        runs.close();
    }

    @Test
    void sigtermFinishesTheArticlesInFlightWritesEveryOutputAndExits143() throws Exception {
        Path out = tmp.resolve("out");
        Running running = runs.start(out, "sk-test-sigterm");
        runs.standIn().when("sk-test-sigterm", false, 2 * CONCURRENCY, running.process()::destroy);

        Exit stopped = StandInRuns.finish(running, TIMEOUT_SECONDS);

        assertThat(stopped.code()).as(stopped.err()).isEqualTo(ExitCodes.TERMINATED);
        assertThat(stopped.err().lines())
                .containsExactly("dragoman: terminated (SIGTERM): the articles in flight were finished and committed"
                        + " and the outputs written; " + RERUN);
        Snapshot atStop = assertOutputsShowEveryStoredArticle(out, "sigterm");
        assertThat(atStop.summarized()).isPositive().isLessThan(ARTICLES);
        assertThat(atStop.cachedCalls())
                .as("every call started before SIGTERM finished and was kept")
                .isEqualTo(2 * (int) atStop.summarized());
        assertThat(stopped.out())
                .as("the totals count every input, not only those reached")
                .contains(" of " + ARTICLES + " articles into ")
                .contains("not reached; rerun the same command to go on.");

        Exit resumed = StandInRuns.finish(runs.start(out, "sk-test-sigterm-resumed"), TIMEOUT_SECONDS);

        assertThat(resumed.code()).as(resumed.err()).isZero();
        runs.assertEveryArticleOnceAndSummarized(out);
        assertThat(resumed.out()).contains(atStop.summarized() + " already done by an earlier run");
        assertThat(resumed.out())
                .contains("Of " + ARTICLES + ": " + (ARTICLES - atStop.summarized()) + " done now, "
                        + atStop.summarized() + " done before, 0 failed, 0 need review, 0 not reached.");
        assertThat(runs.standIn().requests("sk-test-sigterm-resumed"))
                .as("the rerun asks only for what the stopped run did not finish")
                .isEqualTo(2 * ARTICLES - atStop.cachedCalls());
    }

    @Test
    void sigtermAbandonsACallStillGoingAfterTheGraceAndEndsWithin10Seconds() throws Exception {
        Path out = tmp.resolve("out");
        Running running = runs.start(out, "sk-test-sigterm-slow");
        CountDownLatch release = new CountDownLatch(1);
        long[] signalled = new long[1];
        // this request is held at the stand-in for far longer than the grace: a slow model call in flight
        runs.standIn().when("sk-test-sigterm-slow", false, 2 * CONCURRENCY, () -> {
            signalled[0] = System.nanoTime();
            running.process().destroy();
            try {
                release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        Exit stopped;
        long ended;
        try {
            assertThat(running.process().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .isTrue();
            ended = System.nanoTime();
            stopped = StandInRuns.finish(running, TIMEOUT_SECONDS);
        } finally {
            release.countDown();
        }

        assertThat(stopped.code()).as(stopped.err()).isEqualTo(ExitCodes.TERMINATED);
        assertThat(java.time.Duration.ofNanos(ended - signalled[0]))
                .as("from SIGTERM to exit")
                .isLessThan(java.time.Duration.ofSeconds(10));
        assertThat(stopped.err().lines())
                .containsExactly("dragoman: terminated (SIGTERM): 1 article still waiting for the model after 5 s was"
                        + " left pending, the others committed and the outputs written; " + RERUN);
        Snapshot atStop = assertOutputsShowEveryStoredArticle(out, "sigterm-slow");
        assertThat(atStop.summarized()).isLessThan(ARTICLES);
        assertThat(stopped.out()).contains("not reached; rerun the same command to go on.");

        Exit resumed = StandInRuns.finish(runs.start(out, "sk-test-sigterm-slow-resumed"), TIMEOUT_SECONDS);

        assertThat(resumed.code()).as(resumed.err()).isZero();
        runs.assertEveryArticleOnceAndSummarized(out);
    }

    @Test
    void aSecondSigtermAbortsAtOnceSayingWhatItLeftWithTheStoreConsistent() throws Exception {
        Path out = tmp.resolve("out");
        Running running = runs.start(out, "sk-test-sigterm-twice");
        Process process = running.process();
        // the second SIGTERM comes while this request is held at the stand-in, so an article is surely in flight
        runs.standIn().when("sk-test-sigterm-twice", false, 2 * CONCURRENCY, () -> {
            process.destroy();
            try {
                Thread.sleep(4L * LATENCY_MS); // time for the first to be handled: two pending ones would be one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroy();
        });

        Exit aborted = StandInRuns.finish(running, TIMEOUT_SECONDS);

        assertThat(aborted.code()).as(aborted.err()).isEqualTo(ExitCodes.TERMINATED);
        assertThat(aborted.err().lines())
                .singleElement()
                .asString()
                .startsWith("dragoman: aborted: ")
                .containsPattern("\\d+ articles? in flight left unfinished \\(their finished stages are kept in "
                        + java.util.regex.Pattern.quote(
                                out.resolve("dragoman.db").toString()) + "\\)")
                .endsWith("and the output files as they were; rerun the same command to continue.");

        assertThat(out.resolve("articles.jsonl"))
                .as("outputs the aborted run wrote")
                .doesNotExist();
        Snapshot left = Snapshot.of(out, tmp.resolve("snapshot-aborted")); // passes SQLite's integrity check
        assertThat(left.summarized()).isLessThan(ARTICLES);
    }

    @Test
    void ctrlCFinishesTheArticlesInFlightSayingSoOnceAndExits130() throws Exception {
        Assumptions.assumeFalse(
                sigintIgnored(), "SIGINT is ignored in this process and so in its children (a background job)");
        Path out = tmp.resolve("out");
        Running running = runs.start(out, "sk-test-sigint");
        long pid = running.process().pid();
        runs.standIn().when("sk-test-sigint", false, 2 * CONCURRENCY, () -> signal("INT", pid));

        Exit stopped = StandInRuns.finish(running, TIMEOUT_SECONDS);

        assertThat(stopped.code()).as(stopped.err()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(stopped.err().lines())
                .containsExactly(
                        "dragoman: interrupted: finishing the articles in flight (Ctrl-C again to abort them)",
                        "dragoman: interrupted: the articles in flight were finished and committed and the outputs"
                                + " written; " + RERUN);
        assertOutputsShowEveryStoredArticle(out, "sigint");
    }

    @Test
    void forceCutShortKeepsEveryStoredArticleInTheOutputsAndTheRerunFinishesIt() throws Exception {
        Path out = tmp.resolve("out");
        Exit cleaned = StandInRuns.finish(
                runs.start(out, "sk-test-force-clean", List.of(), List.of(), List.of("--only", "clean")),
                TIMEOUT_SECONDS);
        assertThat(cleaned.code()).as(cleaned.err()).isZero();
        assertThat(StandInRuns.readJsonl(out.resolve("articles.jsonl"))).hasSize(ARTICLES);

        Running forced = runs.start(out, "sk-test-force", List.of(), List.of(), List.of("--force"));
        runs.standIn().when("sk-test-force", false, 2 * CONCURRENCY, forced.process()::destroy);
        Exit stopped = StandInRuns.finish(forced, TIMEOUT_SECONDS);

        assertThat(stopped.code()).as(stopped.err()).isEqualTo(ExitCodes.TERMINATED);
        Snapshot atStop = assertOutputsShowEveryStoredArticle(out, "force");
        assertThat(atStop.articles())
                .as("articles in the store after --force was cut short")
                .hasSize(ARTICLES);
        assertThat(atStop.summarized()).isPositive().isLessThan(ARTICLES);
        try (Stream<Path> pages = Files.list(out.resolve("md"))) {
            assertThat(pages).hasSize(ARTICLES);
        }

        Exit resumed = StandInRuns.finish(runs.start(out, "sk-test-force-resumed"), TIMEOUT_SECONDS);

        assertThat(resumed.code()).as(resumed.err()).isZero();
        runs.assertEveryArticleOnceAndSummarized(out);
    }

    @Test
    void aSecondRunIntoTheSameDirectoryRefusesAtStartNamingTheFirstWhileReportStillWorks() throws Exception {
        Path out = tmp.resolve("out");
        Running first = runs.start(out, "sk-test-lock-first");
        // the first run's first request is held at the stand-in, so that the run is still going whatever the pace
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        runs.standIn().when("sk-test-lock-first", false, 1, () -> {
            arrived.countDown();
            try {
                release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(arrived.await(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .as("the first run's first request")
                .isTrue();

        Exit second = StandInRuns.finish(runs.start(out, "sk-test-lock-second"), TIMEOUT_SECONDS);
        Exit report = dragoman("report", out.toString());
        first.process().destroy();
        release.countDown();
        Exit firstExit = StandInRuns.finish(first, TIMEOUT_SECONDS);

        assertThat(second.code()).as(second.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(second.err().lines())
                .singleElement()
                .asString()
                .startsWith("dragoman: " + out + " is in use by another dragoman run (pid "
                        + first.process().pid() + " on " + host() + ", started 20")
                .endsWith(", dragoman run); wait for it to end or choose another --out");
        assertThat(second.out()).isEmpty();
        assertThat(runs.standIn().requests("sk-test-lock-second"))
                .as("requests the refused run sent")
                .isZero();
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains("articles");
        assertThat(firstExit.code()).as(firstExit.err()).isEqualTo(ExitCodes.TERMINATED);
    }

    @Test
    void aLockLeftByAKilledRunIsTakenOverWithOneLine() throws Exception {
        Path out = tmp.resolve("out");
        Running killed = runs.start(out, "sk-test-lock-killed");
        runs.standIn().when("sk-test-lock-killed", false, CONCURRENCY, killed.process()::destroyForcibly);
        assertThat(killed.process().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        StandInRuns.kill(killed);
        assertThat(Files.readString(out.resolve(RunLock.FILE), StandardCharsets.UTF_8))
                .startsWith("pid " + killed.process().pid() + " on ");

        Exit next = StandInRuns.finish(runs.start(out, "sk-test-lock-next"), TIMEOUT_SECONDS);

        assertThat(next.code()).as(next.err()).isZero();
        assertThat(next.err().lines())
                .singleElement()
                .asString()
                .startsWith("dragoman: taking over " + out.resolve(RunLock.FILE)
                        + " from a run that ended without releasing it (pid "
                        + killed.process().pid() + " on ");
        runs.assertEveryArticleOnceAndSummarized(out);
        assertThat(out.resolve(RunLock.FILE)).as("released at the end").isEmptyFile();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * {@code articles.jsonl} parses and lists every article the store holds, once, in id order; {@code md/} has a page
     * for each and nothing else; {@code report.json} is there.
     */
    private Snapshot assertOutputsShowEveryStoredArticle(Path out, String name) throws Exception {
        Snapshot stored = Snapshot.of(out, tmp.resolve("snapshot-" + name));
        List<String> ids = stored.articles().keySet().stream().sorted().toList();
        assertThat(ids).as("articles in the store").isNotEmpty();
        List<JsonNode> records = StandInRuns.readJsonl(out.resolve("articles.jsonl"));
        assertThat(records.stream().map(r -> r.get("id").asText()).toList())
                .as("the ids in articles.jsonl")
                .containsExactlyElementsOf(ids);
        try (Stream<Path> pages = Files.list(out.resolve("md"))) {
            assertThat(pages.map(p -> p.getFileName().toString()))
                    .as("the pages in md/")
                    .containsExactlyInAnyOrderElementsOf(
                            ids.stream().map(id -> id + ".md").toList());
        }
        assertThat(out.resolve("report.json")).isNotEmptyFile();
        assertThat(StandInRuns.temporaryFiles(out)).isEmpty();
        return stored;
    }

    /** Runs the packaged jar with these arguments and waits, bounded, for it. */
    private Exit dragoman(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                StandInRuns.jar().toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(tmp, "report", ".out");
        Path stderr = Files.createTempFile(tmp, "report", ".err");
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        return StandInRuns.finish(new Running(process, stdout, stderr), TIMEOUT_SECONDS);
    }

    private static String host() throws IOException {
        return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8)
                .strip();
    }

    private static void signal(String name, long pid) {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether SIGINT is ignored in this process, as in a job a non-interactive shell started in the background. */
    private static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }
}
