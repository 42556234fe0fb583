package io.dragoman.beam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dragoman.core.testing.StandInModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code dragoman-beam.jar} when things go wrong for good: a provider that keeps failing some articles,
 * and a job killed with SIGKILL while it works; and the same jar on the FlinkRunner in Flink's embedded cluster. Run by
 * failsafe after {@code package}; the last two (about two minutes together) under {@code -Psoak}, which {@code .ci/run}
 * runs for this module after the default suite.
 */
class BeamFaultsIT {
    private static final int ARTICLES = 20;

    @TempDir
    Path tmp;

    private static List<String> job(String inputs, Path out, String baseUrl, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--inputs=" + inputs,
                "--output=" + out,
                "--provider=openai-compatible",
                "--model=" + StandInModel.MODEL,
                "--baseUrl=" + baseUrl,
                "--shards=2",
                "--concurrency=2"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void articlesTheServerKeepsFailingAreRecordedWithTheReasonAndTheRerunDoesOnlyThem() throws Exception {
        BeamJar jar = new BeamJar(tmp);
        String inputs = BeamJar.inputs(tmp.resolve("in"), false, ARTICLES);
        Path out = tmp.resolve("out");
        Set<Long> broken = Set.of(3L, 11L);
        try (StandInModel model = StandInModel.start(0, 16, 1);
                BeamStandIn api = BeamStandIn.start(model.baseUrl())) {
            api.faults((article, attempt) ->
                    broken.contains(article) ? Optional.of(BeamStandIn.Fault.SERVER_ERROR) : Optional.empty());
            List<String> args = job(inputs, out, api.baseUrl(), "--runner=DirectRunner");

            BeamJar.Exit first = jar.run(Map.of(), "first", args);
            int paid = api.paid();
            int attempts = api.mostArrivals();
            Map<String, Integer> often = api.arrivedMoreThan(1);
            api.faults(BeamStandIn.Faults.NONE);
            BeamJar.Exit again = jar.run(Map.of(), "again", args);

            assertThat(first.code()).as(first.err()).isEqualTo(1);
            assertThat(first.out()).contains("2 articles failed", (ARTICLES + 5 - 2) + " articles summarized");
            List<JsonNode> failures = BeamJar.records(out, "failures");
            assertThat(BeamJar.ids(failures)).containsExactlyInAnyOrder("synthetic-000003", "synthetic-000011");
            assertThat(failures).allSatisfy(f -> {
                assertThat(f.get("stage").asText()).isEqualTo("translate");
                assertThat(f.get("reason").asText()).contains("500", "gave up after 5 attempts");
            });
            assertThat(attempts)
                    .as("attempts of one request in the first run: %s", often)
                    .isEqualTo(5);

            assertThat(again.code()).as(again.err()).isZero();
            assertThat(again.out()).contains((ARTICLES + 5 - 2) + " already done by an earlier run", "2 articles");
            assertThat(BeamJar.ids(BeamJar.records(out, "articles")))
                    .hasSize(ARTICLES + 5)
                    .doesNotHaveDuplicates()
                    .contains("synthetic-000003", "synthetic-000011");
            assertThat(api.paid() - paid)
                    .as("calls the rerun paid for: the two articles' own")
                    .isBetween(4, 8);
            assertThat(api.paidTwice()).isEmpty();
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "dragoman.soak", matches = "true", disabledReason = "runs under -Psoak (.ci/run)")
    void aJobKilledWhileItWorksIsRerunToTheEndWithoutPayingForWhatItHadAlreadyPaid() throws Exception {
        BeamJar jar = new BeamJar(tmp);
        int articles = 100;
        String inputs = BeamJar.inputs(tmp.resolve("in"), false, articles);
        Path out = tmp.resolve("out");
        try (StandInModel model = StandInModel.start(100, 16, 1);
                BeamStandIn api = BeamStandIn.start(model.baseUrl())) {
            List<String> args = job(inputs, out, api.baseUrl(), "--runner=DirectRunner");
            Process first = jar.start(Map.of(), "first", args);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (api.paid() < articles && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(first.isAlive())
                    .as("still working after %d calls: %s", api.paid(), jar.printed("first"))
                    .isTrue();
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int paidBeforeTheKill = api.paid();

            BeamJar.Exit again = jar.run(Map.of(), "again", args);

            assertThat(again.code()).as(again.err()).isZero();
            assertThat(BeamJar.ids(BeamJar.records(out, "articles")))
                    .hasSize(articles + 5)
                    .doesNotHaveDuplicates();
            assertThat(paidBeforeTheKill).isGreaterThanOrEqualTo(articles);
            // at most the calls in flight when the job died (2 shards × 2 articles) are paid again
            assertThat(api.paidTwice()).hasSizeLessThanOrEqualTo(4);
            assertThat(api.paid()).isLessThanOrEqualTo(2 * (articles + 5) + 20);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "dragoman.soak", matches = "true", disabledReason = "runs under -Psoak (.ci/run)")
    void thePackagedJarRunsTheJobOnTheFlinkRunnerInFlinksEmbeddedCluster() throws Exception {
        BeamJar jar = new BeamJar(tmp);
        String inputs = BeamJar.inputs(tmp.resolve("in"), true, ARTICLES);
        Path out = tmp.resolve("out");
        try (StandInModel model = StandInModel.start(0, 16, 1);
                BeamStandIn api = BeamStandIn.start(model.baseUrl())) {
            api.faults(BeamJarIT.transientFaults(7));
            List<String> args =
                    job(inputs, out, api.baseUrl(), "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");

            BeamJar.Exit run = jar.run(Map.of(), "flink", args);
            int requests = api.requests();
            BeamJar.Exit again = jar.run(Map.of(), "flink-again", args);

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(BeamJar.ids(BeamJar.records(out, "articles")))
                    .hasSize(2 + ARTICLES + 5)
                    .doesNotHaveDuplicates();
            assertThat(api.faulted()).isPositive();
            assertThat(api.paidTwice()).isEmpty();
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(api.requests()).as("requests after the rerun").isEqualTo(requests);
        }
    }
}
