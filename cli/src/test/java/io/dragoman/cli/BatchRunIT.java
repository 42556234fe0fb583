package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.llm.ProviderKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code run --batch} from the packaged jar against a stand-in of OpenAI's batch API, on 200 synthetic articles: the
 * run is killed (SIGKILL) or stopped (SIGTERM) while it waits for its job, run again, and every article ends done with
 * every request submitted exactly once. The same kill and rerun against stand-ins of Anthropic's and Mistral's.
 */
class BatchRunIT {

    private static final int ARTICLES = 200;
    private static final long TIMEOUT_SECONDS = 180;

    @TempDir
    Path tmp;

    private StandInRuns runs;
    private BatchStandIn api;

    @BeforeEach
    void startTheStandIns() throws IOException {
        runs = new StandInRuns(tmp, ARTICLES, 16, 0);
        api = new BatchStandIn(ARTICLES, Duration.ofSeconds(3));
    }

    @AfterEach
    void stopTheStandIns() {
        api.close();
        runs.close();
    }

    private StandInRuns.Running start(Path out, List<String> more) throws IOException {
        List<String> options = new java.util.ArrayList<>(List.of("--batch", "--batch-poll", "200ms,400ms"));
        options.addAll(more);
        return runs.startAt(api.baseUrl(), out, "sk-test-batch-1", options);
    }

    /** Waits, bounded, until the run has said that it submitted a job. */
    private static void awaitSubmitted(StandInRuns.Running running) throws Exception {
        awaitSubmitted(running, "openai");
    }

    private static void awaitSubmitted(StandInRuns.Running running, String provider) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!Files.readString(running.stderr(), StandardCharsets.UTF_8)
                .contains("requests submitted to " + provider)) {
            assertThat(running.process().isAlive())
                    .as("the run is still going: %s", Files.readString(running.stderr()))
                    .isTrue();
            assertThat(System.nanoTime()).as("a job was submitted in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void assertEveryRequestSubmittedOnce() {
        for (int n = 0; n < ARTICLES; n++) {
            assertThat(api.batchedTranslations(n))
                    .as("translation requests of article %d", n)
                    .isEqualTo(1);
            assertThat(api.batchedSummaries(n))
                    .as("summary requests of article %d", n)
                    .isEqualTo(1);
        }
        assertThat(api.online()).as("requests sent online").isZero();
        assertThat(api.jobs()).as("jobs: the translations, then the summaries").isEqualTo(2);
    }

    @Test
    void aRunKilledWhileItWaitsForItsJobIsRunAgainAndEveryArticleIsDoneWithNoRequestSubmittedTwice() throws Exception {
        Path out = tmp.resolve("out");
        StandInRuns.Running first = start(out, List.of());
        awaitSubmitted(first);
        StandInRuns.kill(first);

        StandInRuns.Exit second = StandInRuns.finish(start(out, List.of()), TIMEOUT_SECONDS);

        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err()).contains("batch job batch_1: completed, 200 of 200 answered");
        runs.assertEveryArticleOnceAndSummarized(out);
        assertEveryRequestSubmittedOnce();
        assertThat(second.err()).doesNotContain("sk-test-batch-1");
    }

    @ParameterizedTest
    @EnumSource(
            value = BatchStandIn.Dialect.class,
            names = {"ANTHROPIC", "GEMINI", "MISTRAL"})
    void anthropicGeminiAndMistralRunsKilledWhileTheyWaitAreRunAgainWithNoRequestSubmittedTwice(
            BatchStandIn.Dialect dialect) throws Exception {
        api.close();
        api = new BatchStandIn(dialect, ARTICLES, Duration.ofSeconds(3));
        ProviderKind provider = ProviderKind.valueOf(dialect.name());
        Path out = tmp.resolve("out");
        List<String> options = List.of("--batch", "--batch-poll", "200ms,400ms");
        StandInRuns.Running first = runs.startAt(provider, api.baseUrl(), out, "sk-test-batch-2", options);
        awaitSubmitted(first, provider.id());
        StandInRuns.kill(first);

        StandInRuns.Exit second = StandInRuns.finish(
                runs.startAt(provider, api.baseUrl(), out, "sk-test-batch-2", options), TIMEOUT_SECONDS);

        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err()).contains("batch job batch_1: completed, 200 of 200 answered");
        runs.assertEveryArticleOnceAndSummarized(out);
        assertEveryRequestSubmittedOnce();
        assertThat(second.err()).doesNotContain("sk-test-batch-2");
    }

    @Test
    void sigtermWhileWaitingLeavesTheJobWithTheProviderAndTheSameCommandCollectsIt() throws Exception {
        Path out = tmp.resolve("out");
        StandInRuns.Running first = start(out, List.of());
        awaitSubmitted(first);
        first.process().destroy(); // SIGTERM
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        StandInRuns.Exit stopped = first.exit();
        assertThat(stopped.code()).as(stopped.err()).isEqualTo(128 + 15);
        assertThat(stopped.err()).contains("the batch jobs go on at the provider");

        StandInRuns.Exit second = StandInRuns.finish(start(out, List.of()), TIMEOUT_SECONDS);
        assertThat(second.code()).as(second.err()).isZero();
        runs.assertEveryArticleOnceAndSummarized(out);
        assertEveryRequestSubmittedOnce();
    }

    @Test
    void submitOnlyExitsAtOnceAndTheNextRunCollectsTheReplies() throws Exception {
        Path out = tmp.resolve("out");
        StandInRuns.Exit submitted = StandInRuns.finish(start(out, List.of("--batch-submit-only")), TIMEOUT_SECONDS);
        assertThat(submitted.code()).as(submitted.err()).isZero();
        assertThat(submitted.err()).contains("Submitted 1 batch job; run the same command again");
        assertThat(api.jobs()).isEqualTo(1);

        StandInRuns.Exit second = StandInRuns.finish(start(out, List.of()), TIMEOUT_SECONDS);
        assertThat(second.code()).as(second.err()).isZero();
        runs.assertEveryArticleOnceAndSummarized(out);
        assertEveryRequestSubmittedOnce();
    }

    @Test
    void batchesListsTheOpenJobFromTheJarAndCancelAsksTheProviderToCancelIt() throws Exception {
        Path out = tmp.resolve("out");
        StandInRuns.Exit submitted = StandInRuns.finish(start(out, List.of("--batch-submit-only")), TIMEOUT_SECONDS);
        assertThat(submitted.code()).as(submitted.err()).isZero();

        StandInRuns.Exit listed = jar(List.of("batches", out.toString()));
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).containsPattern("batch_1\\s+openai gpt-4.1-mini\\s+validating\\*\\s+200\\s+0\\s+0");
        assertThat(listed.out()).contains("still open");

        StandInRuns.Exit cancel = jar(
                List.of("batches", out.toString(), "--cancel", "--provider", "openai", "--base-url", api.baseUrl()));
        assertThat(cancel.code()).as(cancel.err()).isZero();
        assertThat(cancel.err()).contains("dragoman: batch job batch_1: cancelling");
        assertThat(cancel.err()).doesNotContain("sk-test-batch-1");
        assertThat(api.cancelled()).containsExactly("batch_1");
    }

    /** Runs the packaged jar with these arguments and the stand-in's key, to the end. */
    private StandInRuns.Exit jar(List<String> args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                StandInRuns.jar().toString()));
        command.addAll(args);
        Path stdout = Files.createTempFile(tmp, "jar", ".out");
        Path stderr = Files.createTempFile(tmp, "jar", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put("OPENAI_API_KEY", "sk-test-batch-1");
        builder.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        StandInRuns.Running running = new StandInRuns.Running(builder.start(), stdout, stderr);
        return StandInRuns.finish(running, TIMEOUT_SECONDS);
    }
}
