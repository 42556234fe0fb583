package io.dragoman.cli;

import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Usage errors, help, version and shell completion: what every subcommand shares. */
class DragomanCommandTest {

    @Test
    void exitsWithTwoAndShowsUsageWhenCleanHasNoInputs() {
        Cli.Result r = run("clean");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines().get(0)).isEqualTo("Missing required parameter: 'INPUT'");
        assertThat(r.err()).contains("Usage: dragoman clean");
    }

    @Test
    void exitsWithTwoAndNamesAnUnknownOption() {
        Cli.Result r = run("clean", "--colour", SEEDS.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines().get(0)).isEqualTo("Unknown option: '--colour'");
    }

    @Test
    void exitsWithTwoAndNamesTheValidFormatsForAnUnknownFormat() {
        Cli.Result r = run("clean", SEEDS.toString(), "--format", "pdf");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines().get(0))
                .contains("'pdf'")
                .contains("text")
                .contains("json")
                .contains("jsonl")
                .contains("md");
    }

    @Test
    void exitsWithTwoForASizeLimitThatIsNotAPositiveNumber() {
        for (String limit : new String[] {"0", "-5", "ten"}) {
            Cli.Result r = run("clean", SEEDS.toString(), "--max-bytes", limit);

            assertThat(r.exitCode()).as(limit).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.errLines().get(0)).startsWith("Invalid value for option '--max-bytes': '" + limit + "'");
        }
    }

    @Test
    void exitsWithTwoAndNamesTheMissingOptionWhenRunHasNoOutputDirectory() {
        Cli.Result r = run("run", SEEDS.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines().get(0)).isEqualTo("Missing required option: '--out=DIR'");
        assertThat(r.err()).contains("Usage: dragoman run");
    }

    @Test
    void exitsWithTwoForAnUnknownSubcommand() {
        Cli.Result r = run("summarise", SEEDS.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'summarise'");
    }

    @Test
    void exitsWithTwoAndListsTheCommandsWhenNoneIsNamed() {
        Cli.Result r = run();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("name a command").contains("clean").contains("run");
    }

    @Test
    void printsHelpListingEverySubcommandWithAOneSentenceSummary() {
        Cli.Result r = run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .startsWith("Usage: dragoman")
                .contains("clean", "run", "generate-completion", "help")
                .contains("Strip navigation, footers and other page chrome from")
                .contains("(plain text or HTML).");
    }

    @Test
    void printsHelpForASubcommandWithItsOptionsAndExitCodes() {
        Cli.Result clean = run("clean", "--help");
        Cli.Result run = run("help", "run");

        assertThat(clean.exitCode()).isZero();
        assertThat(clean.out()).startsWith("Usage: dragoman clean").contains("--format", "--out", "--max-bytes");
        assertThat(clean.out()).contains("Exit codes: 0 all cleaned, 1 some inputs failed");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: dragoman run").contains("failures.jsonl");
    }

    @Test
    void printsTheBuiltVersionAndTheJavaRuntime() {
        Cli.Result r = run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().toList().get(0)).startsWith("dragoman ").matches("dragoman \\d+\\.\\d+\\.\\d+.*");
        assertThat(r.out()).contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void printsABashCompletionScriptThatKnowsTheSubcommands() {
        Cli.Result r = run("generate-completion");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_dragoman")
                .contains("clean")
                .contains("--format")
                .contains("--max-bytes");
    }
}
