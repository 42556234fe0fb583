package io.dragoman.cli;

import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rerun that changes no article rewrites only the report; any change, or a missing output, renders everything. */
class RerenderTest {

    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);
    private static final List<String> OUTPUTS =
            List.of("articles.jsonl", "failures.jsonl", "articles.csv", "site/index.html", "report.md");

    @TempDir
    Path tmp;

    /** Sets every output's time far back, so that a file written again shows a new time. */
    private static void age(Path out) throws IOException {
        for (String f : OUTPUTS) {
            Files.setLastModifiedTime(out.resolve(f), LONG_AGO);
        }
    }

    private static Map<String, Boolean> rewritten(Path out) throws IOException {
        Map<String, Boolean> rewritten = new LinkedHashMap<>();
        for (String f : OUTPUTS) {
            rewritten.put(f, !Files.getLastModifiedTime(out.resolve(f)).equals(LONG_AGO));
        }
        return rewritten;
    }

    private static Cli.Result clean(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(
                List.of("run", SEEDS.toString(), "--out", out.toString(), "--only", "clean", "-q"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void aRerunThatChangesNoArticleRewritesOnlyTheReport() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(clean(out).exitCode()).isZero();
        String records = Files.readString(out.resolve("articles.jsonl"));
        age(out);

        Cli.Result again = clean(out);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(rewritten(out))
                .containsEntry("report.md", true)
                .containsEntry("articles.jsonl", false)
                .containsEntry("failures.jsonl", false)
                .containsEntry("articles.csv", false)
                .containsEntry("site/index.html", false);
        assertThat(Files.readString(out.resolve("articles.jsonl"))).isEqualTo(records);
    }

    @Test
    void aMissingOutputOrAChangedArticleRendersEverythingAgain() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(clean(out).exitCode()).isZero();

        Files.delete(out.resolve("site/index.html"));
        age(out.resolve("..").resolve("out"), List.of("articles.jsonl", "articles.csv", "report.md"));
        assertThat(clean(out).exitCode()).isZero();
        assertThat(out.resolve("site/index.html")).isRegularFile();
        assertThat(Files.getLastModifiedTime(out.resolve("articles.jsonl"))).isNotEqualTo(LONG_AGO);

        // --force starts over: every article is done again, so the outputs are rendered again
        age(out);
        assertThat(clean(out, "--force").exitCode()).isZero();
        assertThat(rewritten(out)).doesNotContainValue(false);
    }

    private static void age(Path out, List<String> files) throws IOException {
        for (String f : files) {
            Files.setLastModifiedTime(out.resolve(f), LONG_AGO);
        }
    }
}
