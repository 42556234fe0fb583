package io.dragoman.beam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dragoman.core.testing.StandInModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code dragoman-beam.jar} as a user does, on the DirectRunner against a stand-in for OpenAI over
 * the network, with the key in the environment only: the seeds, 200 synthetic articles of a JSONL feed and five
 * captures of a web archive, through transient faults (429, 500, 503, a body that is not JSON). Run by failsafe after
 * {@code package}.
 */
class BeamJarIT {
    private static final int ARTICLES = 200;
    private static final String KEY = "sk-test-beam-jar-secret";

    @TempDir
    Path tmp;

    /** A fault for about one request in five the first time it comes, and one in twenty the second time. */
    static BeamStandIn.Faults transientFaults(long seed) {
        BeamStandIn.Fault[] kinds = BeamStandIn.Fault.values();
        return (article, attempt) -> {
            SplittableRandom random = new SplittableRandom(seed * 31 + article * 7 + attempt);
            double p = attempt == 0 ? 0.2 : attempt == 1 ? 0.05 : 0;
            return random.nextDouble() < p ? Optional.of(kinds[random.nextInt(kinds.length)]) : Optional.empty();
        };
    }

    @Test
    void writesTheSeedsAndTwoHundredArticlesOnceThroughTransientFaultsAndARerunMakesNoModelCall() throws Exception {
        seedsAndTwoHundredArticles(Map.of("OPENAI_API_KEY", KEY), "--provider=openai");
    }

    @Test
    @EnabledIfSystemProperty(named = "dragoman.soak", matches = "true", disabledReason = "runs under -Psoak (.ci/run)")
    void doesTheSameWithAnOpenAiCompatibleServerAndAModelName() throws Exception {
        seedsAndTwoHundredArticles(
                Map.of("OPENAI_COMPATIBLE_API_KEY", KEY),
                "--provider=openai-compatible",
                "--model=" + StandInModel.MODEL);
    }

    private void seedsAndTwoHundredArticles(Map<String, String> env, String... provider) throws Exception {
        BeamJar jar = new BeamJar(tmp);
        String inputs = BeamJar.inputs(tmp.resolve("in"), true, ARTICLES);
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of(
                "--runner=DirectRunner", "--inputs=" + inputs, "--output=" + out, "--shards=4", "--concurrency=4"));
        args.addAll(List.of(provider));
        try (StandInModel model = StandInModel.start(0, 16, 1);
                BeamStandIn api = BeamStandIn.start(model.baseUrl())) {
            api.faults(transientFaults(20261204));
            List<String> withUrl = Stream.concat(args.stream(), Stream.of("--baseUrl=" + api.baseUrl()))
                    .toList();

            BeamJar.Exit first = jar.run(env, "first", withUrl);
            int requests = api.requests();
            BeamJar.Exit again = jar.run(env, "again", withUrl);

            assertThat(first.code()).as(first.err()).isZero();
            List<JsonNode> records = BeamJar.records(out, "articles");
            assertThat(BeamJar.ids(records))
                    .as(first.out() + BeamJar.records(out, "failures"))
                    .hasSize(2 + ARTICLES + 5)
                    .doesNotHaveDuplicates()
                    .contains("synthetic-000000", "synthetic-000199", "lokal.example_200", "lokal.example_204");
            assertThat(records).allSatisfy(r -> {
                assertThat(r.get("status").asText()).as(r.get("id").asText()).isIn("summarized", "needs-review");
                assertThat(r.at("/translation/paragraphs").size()).isPositive();
                assertThat(r.at("/summary/headline").asText()).isNotBlank();
            });
            assertThat(records)
                    .filteredOn(
                            r -> r.at("/summary/headline").asText().equals("Aleinik and Lavrov hold talks in Minsk"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.get("status").asText()).isEqualTo("summarized"));
            assertThat(BeamJar.records(out, "failures")).isEmpty();
            assertThat(api.faulted()).as("faults met").isPositive();
            assertThat(api.paidTwice()).as("requests answered twice").isEmpty();
            assertThat(api.mostArrivals()).as("attempts of one request").isLessThanOrEqualTo(5);
            try (Stream<Path> pages = Files.list(out.resolve("md"))) {
                assertThat(pages.filter(p -> p.getFileName().toString().endsWith(".md")))
                        .hasSize(2 + ARTICLES + 5);
            }

            assertThat(again.code()).as(again.err()).isZero();
            assertThat(api.requests()).as("requests after the rerun").isEqualTo(requests);
            assertThat(BeamJar.records(out, "articles")).hasSize(2 + ARTICLES + 5);
            assertThat(again.out()).contains((2 + ARTICLES + 5) + " already done by an earlier run");

            assertThat(first.out() + first.err() + again.out() + again.err()).doesNotContain(KEY);
            try (Stream<Path> files = Files.walk(out)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(f, StandardCharsets.UTF_8))
                            .as(f.toString())
                            .doesNotContain(KEY);
                }
            }
        }
    }
}
