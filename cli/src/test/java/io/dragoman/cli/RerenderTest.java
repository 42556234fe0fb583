package io.dragoman.cli;

import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rerun that changes no article rewrites only the report; a changed article, or an output missing or edited since,
 * renders everything. A file written again is a new file (written beside it, then renamed over it), so it is told by
 * its file key (the inode).
 */
class RerenderTest {

    private static final List<String> OUTPUTS =
            List.of("articles.jsonl", "failures.jsonl", "articles.csv", "site/index.html", "report.md");

    @TempDir
    Path tmp;

    private static Map<String, Object> keys(Path out) throws IOException {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (String f : OUTPUTS) {
            keys.put(
                    f,
                    Files.readAttributes(out.resolve(f), BasicFileAttributes.class)
                            .fileKey());
        }
        return keys;
    }

    private static Map<String, Boolean> rewritten(Map<String, Object> before, Path out) throws IOException {
        Map<String, Object> after = keys(out);
        Map<String, Boolean> rewritten = new LinkedHashMap<>();
        before.forEach((f, key) -> rewritten.put(f, !key.equals(after.get(f))));
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
        assertThat(keys(out).values()).as("the file system gives file keys").doesNotContainNull();
        String records = Files.readString(out.resolve("articles.jsonl"));
        Map<String, Object> before = keys(out);

        Cli.Result again = clean(out);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(rewritten(before, out))
                .containsEntry("report.md", true)
                .containsEntry("articles.jsonl", false)
                .containsEntry("failures.jsonl", false)
                .containsEntry("articles.csv", false)
                .containsEntry("site/index.html", false);
        assertThat(Files.readString(out.resolve("articles.jsonl"))).isEqualTo(records);
    }

    @Test
    void aMissingOrEditedOutputOrAChangedArticleRendersEverythingAgain() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(clean(out).exitCode()).isZero();
        String records = Files.readString(out.resolve("articles.jsonl"));

        Files.delete(out.resolve("site/index.html"));
        Map<String, Object> before = keys(out.resolve("..").resolve("out"), "articles.jsonl", "articles.csv");
        assertThat(clean(out).exitCode()).isZero();
        assertThat(out.resolve("site/index.html")).isRegularFile();
        assertThat(keys(out, "articles.jsonl", "articles.csv"))
                .doesNotContainEntry("articles.jsonl", before.get("articles.jsonl"));

        Files.writeString(out.resolve("articles.jsonl"), "edited\n", StandardCharsets.UTF_8);
        assertThat(clean(out).exitCode()).isZero();
        assertThat(Files.readString(out.resolve("articles.jsonl")))
                .as("rendered again")
                .isEqualTo(records);

        // --force starts over: every article is done again, so the outputs are rendered again
        Map<String, Object> all = keys(out);
        assertThat(clean(out, "--force").exitCode()).isZero();
        assertThat(rewritten(all, out)).doesNotContainValue(false);
    }

    private static Map<String, Object> keys(Path out, String... files) throws IOException {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (String f : files) {
            keys.put(
                    f,
                    Files.readAttributes(out.resolve(f), BasicFileAttributes.class)
                            .fileKey());
        }
        return keys;
    }
}
