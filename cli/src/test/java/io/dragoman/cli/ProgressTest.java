package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.Stage;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.pipeline.ArticleOutcome;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressTest {

    /** A clock the test moves. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void reportsArticlesFailuresTokensCostRateAndEta() {
        ManualClock clock = new ManualClock();
        StringWriter err = new StringWriter();
        try (Progress p = Progress.start(
                10, false, false, new PrintStream(PrintStream.nullOutputStream()), new PrintWriter(err), clock)) {
            p.finished(new ArticleOutcome.Failed(
                    "a",
                    "a.txt",
                    Stage.TRANSLATE,
                    "x",
                    true,
                    1,
                    new Usage(1000, 500),
                    Optional.of(new BigDecimal("0.5"))));
            p.finished(new ArticleOutcome.Skipped("b", io.dragoman.core.article.ArticleStatus.SUMMARIZED));
            clock.now = clock.now.plus(Duration.ofMinutes(1));

            assertThat(p.line())
                    .isEqualTo("dragoman: progress: 2/10 articles, 1 failed, 1,500 tokens, $0.50, 2.0 articles/min,"
                            + " ETA 4 min");
        }
    }

    @Test
    void showsNothingWhenQuiet() {
        StringWriter err = new StringWriter();
        try (Progress p = Progress.start(
                1,
                false,
                true,
                new PrintStream(PrintStream.nullOutputStream()),
                new PrintWriter(err),
                Clock.systemUTC())) {
            p.finished(new ArticleOutcome.Skipped("b", io.dragoman.core.article.ArticleStatus.SUMMARIZED));
        }
        assertThat(err.toString()).isEmpty();
    }
}
