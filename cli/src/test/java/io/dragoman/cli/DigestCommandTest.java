package io.dragoman.cli;

import static io.dragoman.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.store.RunStore;
import io.dragoman.core.testing.SyntheticCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheDigestByDayAndTheSitePageForTheDaysAskedFor() throws IOException {
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            SyntheticCorpus.fill(store, 60); // one every 97 minutes back from 31 December 2024, 20:00
        }

        Cli.Result r = run("digest", tmp.toString(), "--by", "day", "--since", "2024-12-29", "--until", "2024-12-30");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo("Wrote the digest of 30 articles in 2 periods to " + tmp.resolve("digest.md") + " and "
                        + tmp.resolve("site").resolve("digest.html") + ".\n");
        String md = Files.readString(tmp.resolve("digest.md"));
        assertThat(md)
                .startsWith("# Digest, by day\n\n30 articles in 2 periods, from 2024-12-29, until 2024-12-30."
                        + " 30 outside the range left out.")
                .contains("## Monday 30 December 2024", "## Sunday 29 December 2024", "| Sergei Lavrov |");
        var page = Jsoup.parse(tmp.resolve("site/digest.html").toFile(), "UTF-8");
        assertThat(page.select("section.period h2").eachText())
                .containsExactly("Monday 30 December 2024", "Sunday 29 December 2024");
        assertThat(page.select("ol.stories a[href^=article/]")).isNotEmpty();
        assertThat(tmp.resolve("site/index.html")).exists();
    }

    @Test
    void refusesARangeThatEndsBeforeItStartsAndADirectoryWithoutAStore() {
        Cli.Result backwards = run("digest", tmp.toString(), "--since", "2024-12-30", "--until", "2024-12-01");
        Cli.Result empty = run("digest", tmp.resolve("nothing").toString());
        Cli.Result period = run("digest", tmp.toString(), "--by", "month");

        assertThat(backwards.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).contains("holds no run store (dragoman.db)");
        assertThat(period.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(period.err()).contains("'month' is not a period: day or week.");
    }
}
