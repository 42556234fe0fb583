package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.cli.StandInRuns.Exit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI against a stand-in that enforces a request limit in a sliding window, as providers do, answering
 * 429 to each request over it: at {@code --rpm} matching that limit the run draws no 429 at all and takes close to
 * the fastest time the server allows (the limit's requests in every window). With more requests than one window
 * holds, so that the window fills again and again.
 *
 * <p>By default the window is 3 s (5 requests per window, 16 articles, 32 requests), to keep the suite fast. The
 * provider-sized run: {@code -Ddragoman.ratelimit.window=60 -Ddragoman.ratelimit.requests=30
 * -Ddragoman.ratelimit.articles=41} (82 requests, about 3 minutes); it prints its figures.
 */
class RateLimitIT {

    private static final int WINDOW_SECONDS = Integer.getInteger("dragoman.ratelimit.window", 2);
    private static final int PER_WINDOW = Integer.getInteger("dragoman.ratelimit.requests", 5);
    private static final int ARTICLES = Integer.getInteger("dragoman.ratelimit.articles", 10);
    private static final int LATENCY_MS = 50;

    @TempDir
    Path tmp;

    private StandInRuns runs;

    @BeforeEach
    void startTheStandIn() throws IOException {
        runs = new StandInRuns(tmp, ARTICLES, 8, LATENCY_MS);
    }

    @AfterEach
    void stopTheStandIn() {
        runs.close();
    }

    @Test
    void aRunAtTheServersLimitDrawsNo429AndTakesCloseToTheFastestTimeItAllows() throws Exception {
        Duration window = Duration.ofSeconds(WINDOW_SECONDS);
        StandInRuns.StandIn.Window limit = runs.standIn().enforce(PER_WINDOW, window);
        int rpm = (int) (PER_WINDOW * 60L / WINDOW_SECONDS);
        Path out = tmp.resolve("out");

        Exit run = StandInRuns.finish(
                runs.start(
                        out,
                        "sk-test-pace",
                        List.of(),
                        List.of(),
                        List.of("--rpm", Integer.toString(rpm), "--rate-window", WINDOW_SECONDS + "s", "-q")),
                30L * WINDOW_SECONDS * (2 * ARTICLES / PER_WINDOW + 2));

        assertThat(run.code()).as(run.err()).isZero();
        runs.assertEveryArticleOnceAndSummarized(out);
        int requests = limit.acceptedCount();
        assertThat(requests).isEqualTo(2 * ARTICLES);
        // the fastest the server allows: PER_WINDOW at once, the next PER_WINDOW a window later, and so on
        Duration ideal = window.multipliedBy((requests - 1) / PER_WINDOW);
        double ratio = limit.span().toNanos() / (double) ideal.toNanos();
        System.out.printf(
                Locale.ROOT,
                "RateLimitIT: %d requests, %d per %d s sliding window, %d answered 429; first to last %.1f s, ideal"
                        + " %.1f s, %.3f× ideal%n",
                requests,
                PER_WINDOW,
                WINDOW_SECONDS,
                limit.rejected(),
                limit.span().toMillis() / 1000.0,
                ideal.toMillis() / 1000.0,
                ratio);
        assertThat(limit.rejected()).as("requests answered 429").isZero();
        assertThat(ratio)
                .as("time from the first request to the last over the ideal")
                .isLessThan(1.15);
    }
}
