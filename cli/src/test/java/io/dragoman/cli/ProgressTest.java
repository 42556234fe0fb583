package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.Stage;
import io.dragoman.core.llm.Provenance;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.pipeline.ArticleOutcome;
import io.dragoman.core.translate.CheckResult;
import io.dragoman.core.translate.Translation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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

    private static final Progress.Display PLAIN = new Progress.Display(Optional.empty(), false, Duration.ofHours(1));

    private static ArticleOutcome.Failed failedAfterOneCall() {
        return new ArticleOutcome.Failed(
                "a", "a.txt", Stage.TRANSLATE, "x", true, 1, new Usage(1000, 500), Optional.of(new BigDecimal("0.5")));
    }

    /** An article translated with a finding left for review, or with none; its one call cost $0.25. */
    private static ArticleOutcome.Done translated(String id, boolean needsReview) {
        ArticleId articleId = new ArticleId(id);
        List<CheckResult> checks = needsReview
                ? List.of(new CheckResult("numbers", CheckResult.Status.REVIEW, List.of("1,5 Mio. became 15 million")))
                : List.of();
        Usage usage = new Usage(600, 400);
        Optional<BigDecimal> cost = Optional.of(new BigDecimal("0.25"));
        Translation translation = new Translation(
                articleId,
                "Title",
                "",
                List.of("Text."),
                checks,
                1,
                new Provenance(ProviderKind.OPENAI, "gpt-test", Map.of("translate", "0123456789ab"), usage, cost, 1));
        CleanedArticle article = new CleanedArticle(
                articleId,
                "Titel",
                List.of("Text."),
                new ArticleMetadata(null, null, null, null, null, null, "de", null, id + ".txt", null, List.of()),
                List.of());
        return new ArticleOutcome.Done(article, Optional.of(translation), Optional.empty());
    }

    @Test
    void countsTheArticlesDoneWithAFindingLeftForReview() {
        try (Progress p = Progress.start(PLAIN, true, new PrintWriter(new StringWriter()), new ManualClock())) {
            p.counted(5, true);
            p.finished(translated("a", true));
            p.finished(translated("b", false));
            p.finished(translated("c", true));

            assertThat(p.line())
                    .startsWith(
                            "dragoman: progress: 3/5 articles, 0 failed, 2 need review, 3,000 tokens," + " $0.75, ");
            assertThat(p.bar(120)).contains("] 3/5  0 failed  2 need review  3,000 tokens  $0.75  ");
        }
    }

    @Test
    void reportsArticlesFailuresTokensCostRateAndEta() {
        ManualClock clock = new ManualClock();
        StringWriter err = new StringWriter();
        try (Progress p = Progress.start(PLAIN, true, new PrintWriter(err), clock)) {
            p.counted(10, true);
            p.finished(failedAfterOneCall());
            p.finished(new ArticleOutcome.Skipped("b", ArticleStatus.SUMMARIZED));
            clock.now = clock.now.plus(Duration.ofMinutes(1));

            assertThat(p.line())
                    .as("the rate counts the articles this run worked on, not those done before")
                    .isEqualTo(
                            "dragoman: progress: 2/10 articles, 1 failed, 0 need review, 1,500 tokens, $0.50, 1.0 articles/min,"
                                    + " ETA 8 min");
        }
    }

    @Test
    void showsTheTotalAsAtLeastWhileTheInputsAreStillCounted() {
        try (Progress p = Progress.start(PLAIN, false, new PrintWriter(new StringWriter()), new ManualClock())) {
            p.counting(57);

            assertThat(p.line()).isEqualTo("dragoman: progress: 0/≥57 articles, 0 failed, 0.0 articles/min, ETA -");

            p.counted(60, false); // standard input cannot be counted ahead
            p.cleaned(true);
            assertThat(p.line()).startsWith("dragoman: progress: 1/≥60 articles");
        }
    }

    @Test
    void printsThePlainLineEveryIntervalWhenNotATerminal() throws InterruptedException {
        StringWriter err = new StringWriter();
        Progress.Display often = new Progress.Display(Optional.empty(), false, Duration.ofMillis(20));
        try (Progress p = Progress.start(often, false, new PrintWriter(err), Clock.systemUTC())) {
            p.counted(3, true);
            p.cleaned(true);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (err.toString().lines().count() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertThat(err.toString().lines().limit(2)).hasSize(2).allSatisfy(line -> assertThat(line)
                .startsWith("dragoman: progress: 1/3 articles, 0 failed, "));
    }

    @Test
    void showsNothingWhenQuiet() {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Progress.Display quiet = new Progress.Display(
                Optional.of(new Terminal(new PrintStream(screen), 80)), true, Duration.ofMillis(1));
        try (Progress p = Progress.start(quiet, true, new PrintWriter(err), Clock.systemUTC())) {
            p.finished(new ArticleOutcome.Skipped("b", ArticleStatus.SUMMARIZED));
        }
        assertThat(err.toString()).isEmpty();
        assertThat(screen.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void drawsABarThatFitsTheTerminalAndEndsItWithTheFinalCounts() {
        ManualClock clock = new ManualClock();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Progress.Display bar = new Progress.Display(
                Optional.of(new Terminal(new PrintStream(screen, true), 80)), false, Progress.LOG_EVERY);
        try (Progress p = Progress.start(bar, true, new PrintWriter(screen), clock)) {
            p.counted(4, true);
            p.finished(failedAfterOneCall());
            clock.now = clock.now.plus(Duration.ofSeconds(30));

            assertThat(p.bar(80))
                    .hasSizeLessThan(80)
                    .isEqualTo("dragoman [===>         ] 1/4  1 failed  1,500 tokens  $0.50  2.0/min  ETA 2 min");
            assertThat(p.bar(50))
                    .as("a narrow terminal: no graphic, text cut")
                    .hasSize(49)
                    .startsWith("dragoman 1/4  1 failed");
            p.finished(failedAfterOneCall());
            p.finished(failedAfterOneCall());
            p.finished(failedAfterOneCall());
        }
        assertThat(screen.toString(StandardCharsets.UTF_8))
                .endsWith("\rdragoman [=================] 4/4  4 failed  6,000 tokens  $2.00  8.0/min  ETA -"
                        + "\u001b[K\n");
    }

    @Test
    void printsLinesAboveTheBarNotThroughIt() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Progress.Display bar = new Progress.Display(
                Optional.of(new Terminal(new PrintStream(screen, true), 80)), false, Progress.LOG_EVERY);
        try (Progress p = Progress.start(bar, false, new PrintWriter(screen), new ManualClock())) {
            p.counted(2, true);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!screen.toString(StandardCharsets.UTF_8).contains("dragoman [") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            p.say("dragoman: a.txt: empty file");
            String shown = screen.toString(StandardCharsets.UTF_8);
            assertThat(shown).contains("\r\u001b[Kdragoman: a.txt: empty file\n\rdragoman [");
        }
    }
}
