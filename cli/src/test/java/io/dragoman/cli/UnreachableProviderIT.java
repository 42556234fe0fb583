package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dragoman.cli.StandInRuns.Exit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI against a base URL where nothing listens ({@code 127.0.0.1:1}): the run gives up on the provider
 * after a few connection failures in a row instead of trying each article five times, says so in one line naming the
 * base URL, ends with exit 3, and leaves the articles it did not process pending (cleaned, not failed), so that a
 * rerun once the server answers picks them up. Run by failsafe after {@code package}.
 */
class UnreachableProviderIT {

    private static final int ARTICLES = 40;
    private static final String NOWHERE = "http://127.0.0.1:1/v1";
    private static final String KEY = "sk-test-unreachable-0123456789";

    @TempDir
    Path tmp;

    private StandInRuns runs;

    @BeforeEach
    void writeTheInputs() throws IOException {
        runs = new StandInRuns(tmp, ARTICLES, 8, 0);
    }

    @AfterEach
    void stopTheStandIn() {
        runs.close();
    }

    @Test
    void anUnreachableProviderIsGivenUpOnWithinThirtySecondsLeavingTheArticlesPending() throws Exception {
        Path out = tmp.resolve("out");
        long start = System.nanoTime();

        Exit stopped = StandInRuns.finish(runs.startAt(NOWHERE, out, KEY, List.of()), 120);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(stopped.code()).as(stopped.err()).isEqualTo(ExitCodes.CONFIG);
        assertThat(took).as("from start to exit").isLessThan(Duration.ofSeconds(30));
        assertThat(stopped.err().lines().filter(l -> !l.startsWith("dragoman: progress: ")))
                .singleElement()
                .asString()
                .startsWith("dragoman: Gave up on openai at " + NOWHERE + ": ")
                .contains(" connection attempts in a row failed over ")
                .endsWith("the articles not reached stay pending, run the same command again once the server"
                        + " answers.")
                .doesNotContain(KEY);
        assertThat(stopped.out())
                .contains("Of " + ARTICLES + ": 0 done now, 0 done before, 0 failed, 0 need review, " + ARTICLES
                        + " not reached.")
                .doesNotContain(KEY);
        List<JsonNode> records = StandInRuns.readJsonl(out.resolve("articles.jsonl"));
        assertThat(records)
                .as("the articles reached are cleaned and pending, none failed")
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("cleaned"));
        assertThat(Files.readString(out.resolve("failures.jsonl"))).isEmpty();
    }
}
