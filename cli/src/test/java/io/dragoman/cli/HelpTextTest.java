package io.dragoman.cli;

import static io.dragoman.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What each command's {@code --help} offers: its exit codes, values as they are typed, only options it uses. */
class HelpTextTest {

    private static final Set<Integer> EVERY_CODE = Set.of(0, 1, 2, 3, 4, 5, 130, 143);

    @Test
    void listsEveryExitCodeEachCommandCanEndWith() {
        Map<String, Set<Integer>> expected = Map.ofEntries(
                Map.entry("clean", Set.of(0, 1, 2, 5, 130, 143)),
                Map.entry("run", EVERY_CODE),
                Map.entry("translate", EVERY_CODE),
                Map.entry("summarize", EVERY_CODE),
                Map.entry("estimate", Set.of(0, 1, 2, 130, 143)),
                Map.entry("report", Set.of(0, 1, 2, 130, 143)),
                Map.entry("site", Set.of(0, 1, 2, 5, 130, 143)),
                Map.entry("digest", Set.of(0, 1, 2, 3, 5, 130, 143)),
                Map.entry("serve", Set.of(0, 1, 2, 5, 130, 143)),
                Map.entry("models", Set.of(0, 2, 130, 143)),
                Map.entry("generate-completion", Set.of(0, 2)),
                Map.entry("help", Set.of(0, 2)));

        expected.forEach((command, codes) -> {
            Cli.Result r = run(command, "--help");

            assertThat(r.exitCode()).as(command).isZero();
            assertThat(exitCodes(r.out())).as(command).isEqualTo(codes);
        });
        assertThat(exitCodes(run("--help").out())).isEqualTo(EVERY_CODE);
    }

    @Test
    void showsFormatsAndProvidersInLowerCaseAsTheyAreTyped() {
        String clean = oneLine(run("clean", "--help").out());
        String runHelp = oneLine(run("run", "--help").out());

        assertThat(clean).contains("text, json, jsonl, md (default: text)").doesNotContain("TEXT");
        assertThat(runHelp)
                .contains("openai, anthropic, gemini, mistral, ollama, openai-compatible")
                .contains("clean, translate, summarize")
                .doesNotContain("OPENAI,", "TRANSLATE");
    }

    @Test
    void offersNoPacingOptionsToEstimateWhichSendsNothing() {
        String estimate = run("estimate", "--help").out();
        String runHelp = run("run", "--help").out();

        assertThat(estimate).doesNotContain("--rpm", "--tpm", "--concurrency").contains("--provider", "--prices");
        assertThat(runHelp).contains("--rpm", "--tpm", "--concurrency");
    }

    @Test
    void rejectsAPacingOptionOnEstimateAsUnknown() {
        Cli.Result r = run("estimate", "--rpm", "30", Cli.SEEDS.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).first().isEqualTo("dragoman: unknown option '--rpm'");
    }

    @Test
    void completesTheValuesOfProviderOnlyAndFormat() {
        String script = run("generate-completion").out();

        assertThat(script)
                .contains("(\"openai\" \"anthropic\" \"gemini\" \"mistral\" \"ollama\" \"openai-compatible\")"
                        + " # --provider values")
                .contains("(\"clean\" \"translate\" \"summarize\") # --only values")
                .contains("(\"text\" \"json\" \"jsonl\" \"md\") # --format values");
    }

    /** The numbers that start the items of the help's "Exit codes" paragraph. */
    private static Set<Integer> exitCodes(String help) {
        String text = oneLine(help);
        int start = text.indexOf("Exit codes");
        assertThat(start).as("an exit-code paragraph in:%n%s", help).isNotNegative();
        Matcher m = Pattern.compile("(?:: |, )(\\d+) ").matcher(text.substring(start));
        Set<Integer> codes = new TreeSet<>();
        while (m.find()) {
            codes.add(Integer.parseInt(m.group(1)));
        }
        return codes;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
