package io.dragoman.cli;

import static io.dragoman.cli.Cli.FIRST_SEED;
import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory given as input yields its articles, not the scripts, images, archives, office documents and hidden
 * files beside them: those are skipped and counted in one line; {@code --glob} and a file named on the command line
 * still read them.
 */
class NotArticleFilesTest {
    private static final String SKIPPED =
            "dragoman: skipped 5 files that are not articles: *.sh, *.png, *.zip, *.docx, .*";

    @TempDir
    Path tmp;

    private Path scrape;
    private Path script;

    @BeforeEach
    void scrapeWithFilesThatAreNotArticles() throws IOException {
        scrape = Files.createDirectories(tmp.resolve("scrape"));
        Files.copy(SEEDS.resolve(FIRST_SEED + ".txt"), scrape.resolve(FIRST_SEED + ".txt"));
        // the script holds an article's text, so that reading it is seen in the output
        script = Files.copy(SEEDS.resolve(FIRST_SEED + ".txt"), scrape.resolve("fetch.sh"));
        Files.write(scrape.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.write(scrape.resolve("pages.zip"), new byte[] {'P', 'K', 3, 4});
        Files.write(scrape.resolve("memo.docx"), new byte[] {'P', 'K', 3, 4});
        Files.writeString(scrape.resolve(".DS_Store"), "finder");
    }

    @Test
    void cleanReadsOnlyTheArticleAndSaysWhatItSkippedInOneLine() {
        Cli.Result r = run("clean", scrape.toString(), "--format", "jsonl");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(1).first().asString().contains("\"id\":\"" + FIRST_SEED + "\"");
        assertThat(r.errLines()).containsExactly(SKIPPED);
    }

    @Test
    void runOnlyCleanStoresOnlyTheArticleAndSaysWhatItSkippedOnce() throws IOException {
        Path out = tmp.resolve("run");

        Cli.Result r = run("run", scrape.toString(), "--out", out.toString(), "--only", "clean");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> records = Files.readAllLines(out.resolve("articles.jsonl"));
        assertThat(records).hasSize(1).first().asString().contains("\"id\":\"" + FIRST_SEED + "\"");
        assertThat(r.errLines())
                .containsOnlyOnce(SKIPPED)
                .filteredOn(l -> l.contains("skipped"))
                .hasSize(1);
    }

    @Test
    void theGlobSelectsAScriptExplicitly() {
        Cli.Result r = run("clean", scrape.toString(), "--glob", "*.sh", "--format", "jsonl");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(1).first().asString().contains("\"id\":\"fetch\"");
        assertThat(r.err()).doesNotContain("skipped");
    }

    @Test
    void theGlobSelectsAScriptExplicitlyForRunToo() throws IOException {
        Path out = tmp.resolve("run");

        Cli.Result r = run("run", scrape.toString(), "--glob", "*.sh", "--out", out.toString(), "--only", "clean");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("articles.jsonl")))
                .hasSize(1)
                .first()
                .asString()
                .contains("\"id\":\"fetch\"");
    }

    @Test
    void aScriptNamedOnTheCommandLineIsRead() {
        Cli.Result r = run("clean", script.toString(), "--format", "jsonl");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"id\":\"fetch\"");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void estimateSaysWhatItSkipped() {
        Cli.Result r = run("estimate", scrape.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.errLines()).contains(SKIPPED);
    }

    @Test
    void quietSaysNothingAboutSkippedFiles() throws IOException {
        Cli.Result r = run("run", scrape.toString(), "--out", tmp.resolve("run").toString(), "--only", "clean", "-q");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("skipped");
    }
}
