package io.dragoman.cli;

import static io.dragoman.cli.Cli.run;
import static io.dragoman.cli.Cli.runWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.testing.SyntheticCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
    void aModelWritesAnOverviewPerPeriodWhoseCitationsAreCheckedCachedAndPriced() throws IOException {
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            SyntheticCorpus.fill(store, 30); // 31 December 2024 back to the 29th
        }
        // the model cites one article of the period, one of no period, and writes a sentence citing nothing valid
        String overview = "{\"sentences\":[{\"text\":\"Lavrov spoke about <b>cooperation</b>.\","
                + "\"articles\":[\"syn-000000\",\"syn-999999\"]},"
                + "{\"text\":\"An invented claim.\",\"articles\":[\"syn-999998\"]}]}";
        WireMockServer server = StubChatServer.start();
        try {
            StubChatServer.answerEveryChat(server, 200, TranslateEndToEndTest.completion(overview));
            String[] args = {
                "digest",
                tmp.toString(),
                "--by",
                "day",
                "--since",
                "2024-12-31",
                "--provider",
                "openai",
                "--model",
                "gpt-4.1-mini",
                "--base-url",
                StubChatServer.baseUrl(server)
            };
            Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-digest-secret");

            Cli.Result estimate = runWith(env, concat(args, "--estimate"));
            assertThat(estimate.exitCode()).as(estimate.err()).isZero();
            assertThat(estimate.out())
                    .startsWith("Overviews by openai gpt-4.1-mini: 1 calls, ")
                    .contains("Nothing sent.");
            assertThat(server.getAllServeEvents()).isEmpty();

            Cli.Result first = runWith(env, args);
            Cli.Result second = runWith(env, args);

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out())
                    .contains("Overviews by openai gpt-4.1-mini for 1 of 1 periods: 1 calls sent, 0 answered from the"
                            + " cache; 1,200 input and 900 output tokens, $");
            assertThat(second.out()).contains("0 calls sent, 1 answered from the cache");
            assertThat(server.getAllServeEvents()).hasSize(1);
            String sent = server.getAllServeEvents().get(0).getRequest().getBodyAsString();
            assertThat(sent).contains("[syn-000000] 2024-12-31 20:00 +03:00").doesNotContain("syn-000020]");
            assertThat(first.out() + first.err()).doesNotContain("sk-digest-secret");
            String md = Files.readString(tmp.resolve("digest.md"));
            assertThat(md)
                    .contains("### Overview\n\nLavrov spoke about &lt;b&gt;cooperation&lt;/b&gt;."
                            + " ([syn-000000](md/syn-000000.md))\n")
                    .contains("Written by openai gpt-4.1-mini from the summaries; 1 sentences without a valid"
                            + " citation left out.")
                    .doesNotContain("invented", "syn-999999");
            var page = Jsoup.parse(tmp.resolve("site/digest.html").toFile(), "UTF-8");
            assertThat(page.select(".overview .cites a").eachAttr("href")).containsExactly("article/syn-000000.html");
        } finally {
            server.stop();
        }
    }

    @Test
    void anOverviewWithoutAProviderIsAConfigurationError() throws IOException {
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            SyntheticCorpus.fill(store, 3);
        }

        Cli.Result r = runWith(Map.of(), "digest", tmp.toString(), "--overview");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(tmp.resolve("digest.md")).doesNotExist();
    }

    private static String[] concat(String[] args, String more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
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
