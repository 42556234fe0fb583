package io.dragoman.cli;

import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Usage errors, help, version and shell completion: what every subcommand shares. */
class DragomanCommandTest {

    @Test
    void namesTheMissingInputInTwoLinesWithoutTheHelp() {
        Cli.Result r = run("clean");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .containsExactly(
                        "dragoman: missing required parameter: 'INPUT'", "dragoman: see 'dragoman clean --help'");
    }

    @Test
    void suggestsTheOptionMeantForAMistypedOneInThreeLines() {
        Cli.Result r = run("clean", "--fromat", "md", SEEDS.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .containsExactly(
                        "dragoman: unknown option '--fromat'",
                        "dragoman: did you mean --format?",
                        "dragoman: see 'dragoman clean --help'");
    }

    @Test
    void suggestsTheOptionMeantWhenTheMistypedOneCarriesItsValue() {
        Cli.Result r = run("run", SEEDS.toString(), "--out", "unused", "--concurency=3");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines())
                .containsExactly(
                        "dragoman: unknown option '--concurency'",
                        "dragoman: did you mean --concurrency?",
                        "dragoman: see 'dragoman run --help'");
    }

    @Test
    void namesAnUnknownOptionWithoutASuggestionWhenNoneIsClose() {
        Cli.Result r = run("clean", "--colour", SEEDS.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .containsExactly("dragoman: unknown option '--colour'", "dragoman: see 'dragoman clean --help'");
    }

    @Test
    void namesTheValidFormatsAndTheNearestForAnUnknownFormat() {
        Cli.Result r = run("clean", SEEDS.toString(), "--format", "mdd");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .containsExactly(
                        "dragoman: invalid value for option '--format': expected one of text, json, jsonl, md but"
                                + " was 'mdd'",
                        "dragoman: did you mean --format md?",
                        "dragoman: see 'dragoman clean --help'");
    }

    @Test
    void suggestsTheProviderMeantForAMistypedOneBeforeAnyWork() {
        Cli.Result r = run("estimate", SEEDS.toString(), "--provider", "antropic");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(3);
        assertThat(r.errLines().get(0)).contains("'--provider'", "openai-compatible", "'antropic'");
        assertThat(r.errLines().get(1)).isEqualTo("dragoman: did you mean --provider anthropic?");
    }

    @Test
    void exitsWithTwoForASizeLimitThatIsNotAPositiveNumber() {
        for (String limit : new String[] {"0", "-5", "ten"}) {
            Cli.Result r = run("clean", SEEDS.toString(), "--max-bytes", limit);

            assertThat(r.exitCode()).as(limit).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.errLines()).as(limit).hasSizeLessThanOrEqualTo(3);
            assertThat(r.errLines().get(0))
                    .startsWith("dragoman: invalid value for option '--max-bytes': '" + limit + "'");
        }
    }

    @Test
    void namesTheMissingOptionInTwoLinesWhenRunHasNoOutputDirectory() {
        Cli.Result r = run("run", SEEDS.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .containsExactly(
                        "dragoman: missing required option: '--out=DIR'", "dragoman: see 'dragoman run --help'");
    }

    @Test
    void suggestsTheCommandMeantForAMistypedOne() {
        Cli.Result rn = run("rn", SEEDS.toString());
        Cli.Result summarise = run("summarise", SEEDS.toString());
        Cli.Result help = run("help", "modles");

        assertThat(rn.exitCode()).isEqualTo(2);
        assertThat(rn.errLines())
                .containsExactly(
                        "dragoman: unknown command 'rn'",
                        "dragoman: did you mean run?",
                        "dragoman: see 'dragoman --help'");
        assertThat(summarise.exitCode()).isEqualTo(2);
        assertThat(summarise.errLines()).hasSize(3).contains("dragoman: did you mean summarize?");
        assertThat(help.exitCode()).isEqualTo(2);
        assertThat(help.errLines()).hasSize(3).contains("dragoman: did you mean models?");
    }

    @Test
    void namesTheCommandsInTwoLinesWhenNoneIsNamed() {
        Cli.Result r = run();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(2);
        assertThat(r.errLines().get(0)).startsWith("dragoman: name a command: clean, run, translate");
        assertThat(r.err()).doesNotContain("Usage:");
    }

    @Test
    void showsTheFullHelpOnlyWhenAskedFor() {
        for (String[] wrong : new String[][] {
            {"clean", "--fromat", "md"}, {"run", "seeds/"}, {"rn"}, {"estimate", "--only", "nothing", "seeds/"}
        }) {
            Cli.Result r = run(wrong);

            assertThat(r.exitCode()).as(String.join(" ", wrong)).isEqualTo(2);
            assertThat(r.errLines()).as(String.join(" ", wrong)).hasSizeBetween(1, 3);
            assertThat(r.err()).as(String.join(" ", wrong)).doesNotContain("Usage:");
        }
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
