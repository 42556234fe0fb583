package io.dragoman.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredArticle;
import io.dragoman.core.testing.SyntheticCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {

    @TempDir
    Path tmp;

    private SiteWriter.Result render(int articles) {
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            if (articles > 0) {
                SyntheticCorpus.fill(store, articles);
            }
            return new SiteWriter(tmp.resolve("site")).write(store);
        }
    }

    private Document page(String relative) throws IOException {
        Path file = tmp.resolve("site").resolve(relative);
        return Jsoup.parse(file.toFile(), "UTF-8", file.toUri().toString());
    }

    @Test
    void theIndexListsArticlesNewestFirstInPagesOfFifty() throws IOException {
        SiteWriter.Result result = render(120);

        Document index = page("index.html");
        assertThat(result.articles()).isEqualTo(120);
        assertThat(index.select("li.row")).hasSize(50);
        assertThat(index.select("li.row").first().attr("data-id")).isEqualTo("syn-000000");
        assertThat(index.select("li.row").get(1).attr("data-id")).isEqualTo("syn-000001");
        assertThat(index.select("li.row .meta time").first().text()).isEqualTo("2024-12-31 20:00 +03:00");
        assertThat(index.select("a[rel=next]").attr("href")).isEqualTo("page-2.html");
        assertThat(page("page-3.html").select("li.row")).hasSize(20);
        assertThat(index.select("#filters select[name=source] option").eachText())
                .contains("BelTA", "Minsk Times");
        assertThat(index.select("li.row .lede").first().text()).isEqualTo("Lavrov spoke about the cooperation.");
    }

    @Test
    void anArticlePageShowsTheSummaryAndTheAlignedParagraphsWithLinksAround() throws IOException {
        render(30);

        Document article = page("article/syn-000003.html");
        assertThat(article.select("h1").text()).isEqualTo("Power grid in focus as Makei speaks (No. 3)");
        assertThat(article.select("#summary .points li")).hasSize(2);
        List<Element> rows = article.select("table.aligned tbody tr");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).select("td.src").text()).startsWith("Makej sprach in");
        assertThat(rows.get(0).select("td.en").text()).startsWith("Makei spoke in");
        assertThat(article.select(".quotes a.para-link").attr("href")).isEqualTo("#p2");
        assertThat(article.select("a.origin").attr("href")).isEqualTo("https://example.org/news/3");
        // the same source (BelTA, all but every third article): the older is 4, the newer 1
        assertThat(article.select("a[rel=prev]").attr("href")).isEqualTo("../article/syn-000004.html");
        assertThat(article.select("a[rel=next]").attr("href")).isEqualTo("../article/syn-000001.html");
        assertThat(article.select("#summary dd.people a").eachText()).contains("Vladimir Makei");
    }

    @Test
    void namesSpelledDifferentlyShareOnePersonPageThatListsTheVariants() throws IOException {
        render(60);

        Document people = page("people.html");
        List<String> names = people.select("ol.entities a").eachText();
        assertThat(names).contains("Sergei Lavrov").doesNotContain("Lavrov", "Sergej Lawrow");
        String href = people.select("ol.entities a:containsOwn(Sergei Lavrov)").attr("href");
        Document lavrov = page(href);
        assertThat(lavrov.select(".variant").eachText()).contains("Sergei Lavrov", "Lavrov", "Sergej Lawrow");
        assertThat(lavrov.select("ul.roles li").text()).contains("Foreign Minister of Russia");
        assertThat(lavrov.select("svg rect")).isNotEmpty();
        assertThat(lavrov.select("ul.together a")).isNotEmpty();
        // articles 0-2, 18-20, 36-38, 54-56 are about him; more name him as the second person
        assertThat(lavrov.select("li.row").eachAttr("data-id"))
                .contains("syn-000000", "syn-000001", "syn-000002", "syn-000018", "syn-000056");
        assertThat(page("organizations.html").select("ol.entities a").eachText())
                .contains("Collective Security Treaty Organization");
    }

    @Test
    void everyPageForbidsInlineScriptsAndLoadsNothingFromElsewhere() throws IOException {
        render(10);

        try (Stream<Path> files = Files.walk(tmp.resolve("site"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Document d = Jsoup.parse(Files.readString(f, StandardCharsets.UTF_8));
                assertThat(d.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                        .as(f.toString())
                        .contains("default-src 'none'", "script-src 'self'");
                assertThat(d.select("script").stream().filter(s -> !s.hasAttr("src")))
                        .as("inline scripts in %s", f)
                        .isEmpty();
                assertThat(d.select("[src]").eachAttr("src")).allMatch(s -> !s.contains(":"));
                assertThat(d.select("link[href]").eachAttr("href")).allMatch(s -> !s.contains(":"));
                assertThat(d.select("a[href]").eachAttr("href"))
                        .allMatch(s -> !s.contains(":") || s.startsWith("https://example.org/"));
            }
        }
        assertThat(tmp.resolve("site/assets/lunr.min.js")).exists();
        assertThat(Files.readString(tmp.resolve("site/data/rows-0.js"))).startsWith("DRAGOMAN.rows(0,[");
        assertThat(Files.readString(tmp.resolve("site/data/terms-0.js"))).startsWith("DRAGOMAN.terms(0,[");
    }

    @Test
    void theSearchIndexPointsFromATermToTheArticlesHoldingItInEitherLanguage() throws IOException {
        render(120);

        assertThat(articlesWith("57")).containsExactly("syn-000057");
        assertThat(articlesWith("zusammenarbeit"))
                .as("German, from the original text")
                .isNotEmpty();
        for (String english : List.of("dairy", "cooperation")) {
            List<String> holding = new ArrayList<>();
            try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"));
                    Stream<StoredArticle> rows = store.articles().allById()) {
                rows.forEach(row -> {
                    String text = String.join(
                            "\n",
                            row.translation().orElseThrow().paragraphs().toString(),
                            row.cleaned().orElseThrow().paragraphs().toString(),
                            row.summary().orElseThrow().fields().toString());
                    if (text.toLowerCase(Locale.ROOT).contains(english)) {
                        holding.add(row.id().value());
                    }
                });
            }
            assertThat(holding).as(english).isNotEmpty();
            assertThat(articlesWith(SearchTerms.of(english).get(0)))
                    .as(english)
                    .containsExactlyInAnyOrderElementsOf(holding);
        }
        assertThat(articlesWith("getreideernte"))
                .as("the index holds stems, as Lunr's does")
                .isEmpty();
    }

    @Test
    void aLargerSiteSpreadsItsTermsOverMoreShardsEachTermInTheOneItsHashNames() throws IOException {
        assertThat(SearchIndex.shardsFor(10)).isEqualTo(1);
        assertThat(SearchIndex.shardsFor(SearchIndex.POSTINGS_PER_SHARD * 100L)).isEqualTo(100);
        assertThat(SearchIndex.shardsFor(Long.MAX_VALUE / 2)).isEqualTo(SearchIndex.MAX_SHARDS);
        assertThat(SearchIndex.shardOf("lukashenko", 7)).isEqualTo(Math.floorMod("lukashenko".hashCode(), 7));
        assertThat(SearchIndex.shardOf("", 7)).isZero();
    }

    @Test
    void aSiteRenderedOnSeveralThreadsIsTheSameAsOneRenderedOnOne() throws IOException {
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            SyntheticCorpus.fill(store, 150);
            new SiteWriter(tmp.resolve("one"), 1).write(store);
            new SiteWriter(tmp.resolve("three"), 3).write(store);
        }

        List<Path> files;
        try (Stream<Path> all = Files.walk(tmp.resolve("one"))) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(150);
        for (Path f : files) {
            Path other = tmp.resolve("three").resolve(tmp.resolve("one").relativize(f));
            assertThat(other).as(other.toString()).hasSameBinaryContentAs(f);
        }
        try (Stream<Path> all = Files.walk(tmp.resolve("three"))) {
            assertThat(all.filter(Files::isRegularFile).count()).isEqualTo(files.size());
        }
    }

    /** The ids of the articles the site's term shard lists for a term, read as the page's script reads it. */
    private List<String> articlesWith(String term) throws IOException {
        int shards = Integer.parseInt(page("index.html").selectFirst("#filters").attr("data-term-shards"));
        int shard = SearchIndex.shardOf(term, shards);
        JsonNode terms = call(tmp.resolve("site/data/terms-" + shard + ".js"), "terms", shard);
        List<String> ids = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        call(tmp.resolve("site/data/rows-0.js"), "rows", 0)
                .forEach(r -> rows.add(r.get(0).asText()));
        for (JsonNode t : terms) {
            if (t.get(0).asText().equals(term)) {
                int position = -1;
                for (JsonNode gap : t.get(1)) {
                    position += gap.asInt();
                    ids.add(rows.get(position));
                }
            }
        }
        return ids;
    }

    private static JsonNode call(Path file, String function, int number) throws IOException {
        String js = Files.readString(file, StandardCharsets.UTF_8);
        String start = "DRAGOMAN." + function + "(" + number + ",";
        assertThat(js).startsWith(start).endsWith(");\n");
        return new ObjectMapper().readTree(js.substring(start.length(), js.length() - 3));
    }

    @Test
    void aRenderRemovesThePagesOfArticlesTheStoreNoLongerHas() throws IOException {
        render(5);
        Files.writeString(tmp.resolve("site/article/gone.html"), "old");

        render(0);

        assertThat(tmp.resolve("site/article/gone.html")).doesNotExist();
        assertThat(tmp.resolve("site/article/syn-000001.html")).exists();
    }

    @Test
    void anEmptyStoreGivesAnIndexThatSaysSo() throws IOException {
        render(0);

        assertThat(page("index.html").select("#count").text()).isEqualTo("0 articles");
        assertThat(new ArticleId("x")).isNotNull();
    }

    @Test
    void aRepublishedArticleIsShownAsAnotherVersionOfTheSameStory() throws IOException {
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            SyntheticCorpus.fill(store, 2);
            var original = SyntheticCorpus.article(0);
            ArticleId copy = new ArticleId("syn-copy");
            List<String> paragraphs = new java.util.ArrayList<>(original.paragraphs());
            paragraphs.add("Die Meldung wurde am Abend aktualisiert und um Einzelheiten zum Treffen ergänzt.");
            store.articles()
                    .saveCleaned(
                            copy,
                            "synthetic/copy.txt",
                            "hash-copy",
                            new io.dragoman.core.article.CleanedArticle(
                                    copy, original.title(), paragraphs, original.metadata(), List.of()));
            new SiteWriter(tmp.resolve("site")).write(store);
        }

        Document article = page("article/syn-000000.html");
        assertThat(article.select("#versions a").eachAttr("href")).containsExactly("../article/syn-copy.html");
        assertThat(page("article/syn-copy.html").select("#versions a").eachAttr("href"))
                .containsExactly("../article/syn-000000.html");
        assertThat(page("article/syn-000001.html").select("#versions")).isEmpty();
        assertThat(page("index.html")
                        .select("li.row[data-id=syn-000000] .badge.versions")
                        .text())
                .isEqualTo("2 versions");
    }

    @Test
    void anArticlePageListsAtMostTwentyOtherVersionsWhileTheIndexCountsThemAll() throws IOException {
        // 30 reports, each the one before with its first sentence gone and a new one at the end: one story
        List<String> sentences = new java.util.ArrayList<>();
        for (int k = 0; k < 80; k++) {
            sentences.add("Satz " + k + " über Wort" + (k * 7919 % 1000) + " und Ding" + (k * 104729 % 997) + ".");
        }
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            var a = io.dragoman.core.testing.SyntheticCorpus.article(0);
            for (int n = 0; n < 30; n++) {
                ArticleId id = new ArticleId(String.format(java.util.Locale.ROOT, "version-%02d", n));
                List<String> text = List.of(String.join(" ", sentences.subList(n, n + 40)));
                store.articles()
                        .saveCleaned(
                                id,
                                "in/" + n,
                                "h" + n,
                                new io.dragoman.core.article.CleanedArticle(
                                        id, a.title(), text, a.metadata(), List.of()));
            }
            new SiteWriter(tmp.resolve("site")).write(store);
        }

        Document index = page("index.html");
        assertThat(index.select("li.row .badge.versions").eachText()).containsExactly("30 versions");
        assertThat(index.select("li.row details.versions li a")).hasSize(SiteWriter.VERSIONS_LISTED);
        assertThat(index.select("li.row details.versions li.more").text()).isEqualTo("and 9 more on the article page");
        assertThat(page("article/version-00.html").select("#versions li")).hasSize(SiteWriter.VERSIONS_LISTED);
    }

    @Test
    void theIndexShowsOneRowPerStoryListingTheOtherVersionsUnderTheNewest() throws IOException {
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            SyntheticCorpus.fill(store, 3);
            SyntheticCorpus.threeVersions(store, SyntheticCorpus.published(0).plusDays(1));
            SiteIndex index = SiteIndex.read(store);
            assertThat(index.versions().stories()).hasSize(4);
            assertThat(index.versions().stories().get(0).others())
                    .extracting(p -> index.entries().get(p).id())
                    .containsExactly("story-v1", "story-v2");
            new SiteWriter(tmp.resolve("site")).write(store, index);
        }

        Document page = page("index.html");
        assertThat(page.select("li.row").eachAttr("data-id"))
                .containsExactly("story-v0", "syn-000000", "syn-000001", "syn-000002");
        assertThat(page.select("#count").text()).isEqualTo("4 stories (6 articles)");
        Element row = page.selectFirst("li.row[data-id=story-v0]");
        assertThat(row.select("details.versions > summary").text()).isEqualTo("3 versions");
        assertThat(row.select("details.versions li a").eachAttr("href"))
                .containsExactly("article/story-v1.html", "article/story-v2.html");
        assertThat(row.select("details.versions li").first().text())
                .isEqualTo("2024-12-31 20:00 +03:00 · Minsk Times · Neue Brücke in Grodno eröffnet (Fassung 1)");
        assertThat(page.select("li.row[data-id=syn-000000] details")).isEmpty();
        String rows = Files.readString(tmp.resolve("site/data/rows-0.js"), StandardCharsets.UTF_8);
        assertThat(rows)
                .contains("\"summarized\",1,\"syn-000000\"]")
                .contains("\"cleaned\",3,\"story-v0\"]")
                .doesNotContain("\"story-v1\"]")
                .doesNotContain("\"story-v2\"]");
        assertThat(rows.split("\"story-v0\"]", -1)).hasSize(4); // every version names its story's newest
        assertThat(page("article/story-v2.html").select("#versions a").eachAttr("href"))
                .containsExactly("../article/story-v0.html", "../article/story-v1.html");
    }
}
