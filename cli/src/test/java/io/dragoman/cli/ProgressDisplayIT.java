package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.cli.StandInRuns.Exit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees while the packaged CLI works through a batch: the progress bar on a real pseudo-terminal (the jar
 * run under util-linux {@code script}), the plain progress line when standard error is a file, and neither with
 * {@code -q}. Run by failsafe after {@code package}.
 */
class ProgressDisplayIT {

    private static final int ARTICLES = 16;
    private static final long TIMEOUT_SECONDS = 60;
    /** The plain line; while the inputs are still counted the total is "≥ N" or "?". */
    private static final Pattern PLAIN_LINE = Pattern.compile("dragoman: progress: \\d+/(\\d+|≥\\d+|\\?) articles,"
            + " \\d+ failed, \\d+ need review, [\\d,]+ tokens, \\$\\d+\\.\\d\\d, [\\d,]+\\.\\d articles/min, ETA .+");

    @TempDir
    Path tmp;

    private StandInRuns runs;

    @BeforeEach
    void startTheStandIn() throws IOException {
        runs = new StandInRuns(tmp, ARTICLES, 4, 100);
    }

    @AfterEach
    void stopTheStandIn() {
        runs.close();
    }

    /**
     * Runs the java command line it is given under {@code script}, so that its standard input, output and error are a
     * pseudo-terminal; what the terminal showed goes to the wrapper's standard output.
     */
    private static List<String> onATerminal() {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/script")) || Files.isExecutable(Path.of("/bin/script")),
                "util-linux script is not installed: the progress bar cannot be watched on a pseudo-terminal here");
        return List.of("bash", "-c", "exec script -qfec \"$(printf '%q ' \"$@\")\" /dev/null", "bash");
    }

    @Test
    void drawsTheBarOnATerminalUpToEveryArticleDone() throws Exception {
        Exit exit = StandInRuns.finish(
                runs.start(tmp.resolve("out"), "sk-test-progress-bar", onATerminal(), List.of()), TIMEOUT_SECONDS);

        assertThat(exit.code()).as(exit.out()).isZero();
        String screen = exit.out();
        assertThat(screen)
                .as("what the terminal showed")
                .contains("\rdragoman [")
                .contains("] " + ARTICLES + "/" + ARTICLES + "  0 failed  ")
                .contains("Translated " + ARTICLES + " and summarized " + ARTICLES + " of " + ARTICLES + " articles")
                .doesNotContain("dragoman: progress:");
        List<String> bars = Pattern.compile("\rdragoman \\[[^\u001b]*")
                .matcher(screen)
                .results()
                .map(m -> m.group().strip())
                .toList();
        assertThat(bars.get(bars.size() - 1))
                .contains(ARTICLES + "/" + ARTICLES)
                .contains("ETA -");
        String midRun = bars.stream()
                .filter(bar -> !bar.contains(" 0/") && !bar.contains(ARTICLES + "/" + ARTICLES))
                .findFirst()
                .orElse("(none: the run went too fast)");
        System.out.println(
                "ProgressDisplayIT: bars drawn mid-run and last: " + midRun + " | " + bars.get(bars.size() - 1));
    }

    @Test
    void printsThePlainLineOnStandardErrorWhenItIsNotATerminal() throws Exception {
        Exit exit = StandInRuns.finish(
                runs.start(
                        tmp.resolve("out"),
                        "sk-test-progress-line",
                        List.of(),
                        List.of(),
                        List.of("--progress-interval", "PT0.1S")),
                TIMEOUT_SECONDS);

        assertThat(exit.code()).as(exit.err()).isZero();
        List<String> lines = exit.err().lines().toList();
        assertThat(lines).as(exit.err()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches(PLAIN_LINE));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("/" + ARTICLES + " articles"));
        assertThat(exit.err()).doesNotContain("\r").doesNotContain("dragoman [");
        System.out.println("ProgressDisplayIT: a plain progress line: " + lines.get(lines.size() / 2));
    }

    @Test
    void quietShowsNeitherTheBarNorTheLine() throws Exception {
        Exit plain = StandInRuns.finish(
                runs.start(
                        tmp.resolve("plain"),
                        "sk-test-progress-quiet-plain",
                        List.of(),
                        List.of(),
                        List.of("-q", "--progress-interval", "PT0.05S")),
                TIMEOUT_SECONDS);
        Exit terminal = StandInRuns.finish(
                runs.start(
                        tmp.resolve("terminal"), "sk-test-progress-quiet-tty", onATerminal(), List.of(), List.of("-q")),
                TIMEOUT_SECONDS);

        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.err()).isEmpty();
        assertThat(plain.out()).isEmpty();
        assertThat(terminal.code()).as(terminal.out()).isZero();
        assertThat(terminal.out()).doesNotContain("dragoman").doesNotContain("\r\u001b");
    }
}
