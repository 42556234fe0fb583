package io.dragoman.cli;

import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exit codes README promises for an output directory that cannot be created and for inputs without articles. */
class ExitCodesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} --out /proc/…")
    @ValueSource(strings = {"clean", "run", "run --only clean", "translate", "summarize"})
    void endsWithFiveNamingTheOutputDirectoryThatCannotBeCreated(String command) {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc here to refuse a directory");
        Path out = Path.of("/proc/dragoman-cannot-create");

        Cli.Result r = run(args(command, SEEDS.toString(), "--out", out.toString()));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.CANNOT_WRITE);
        assertThat(r.errLines())
                .filteredOn(l -> l.contains(out.toString()))
                .containsExactly(
                        "dragoman: cannot create output directory " + out
                                + ": the file system there does not allow it (no such file or directory); choose another --out");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0} on an empty directory")
    @ValueSource(
            strings = {
                "clean",
                "clean --out",
                "run --out",
                "run --only clean --out",
                "run --dry-run --out",
                "translate --out",
                "summarize --out",
                "translate --dry-run --out",
                "estimate"
            })
    void endsWithOneSayingSoWhenADirectoryHoldsNoArticles(String command) throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("scrape"));
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add(1, empty.toString());
        if (command.endsWith("--out")) {
            args.add(tmp.resolve("out").toString());
        }

        Cli.Result r = run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(r.errLines())
                .containsOnlyOnce("dragoman: no articles found in " + empty
                        + " (an empty directory, a JSONL file without records)");
    }

    private static String[] args(String command, String... rest) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of(rest));
        return args.toArray(String[]::new);
    }
}
