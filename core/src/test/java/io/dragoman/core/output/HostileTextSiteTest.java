package io.dragoman.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.testing.HostileArticle;
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
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text from a page or a model that tries to be markup, script or a formula shows as text on every page and table. */
class HostileTextSiteTest {

    @TempDir
    Path tmp;

    private Path site;

    @BeforeEach
    void renderASiteWithTheHostileArticle() {
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            SyntheticCorpus.fill(store, 3);
            HostileArticle.store(store);
            new SiteWriter(tmp.resolve("site")).write(store);
            new CsvTables(tmp).write(store);
        }
        site = tmp.resolve("site");
    }

    private Document page(Path file) throws IOException {
        return Jsoup.parse(file.toFile(), "UTF-8", file.toUri().toString());
    }

    private List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(f -> f.toString().endsWith(".html")).toList();
        }
    }

    @Test
    void noPageGainsAScriptAnEventHandlerAnElementOrAJavascriptLinkFromTheText() throws IOException {
        List<Path> pages = pages();
        assertThat(pages).hasSizeGreaterThan(10);
        for (Path file : pages) {
            Document doc = page(file);
            String where = site.relativize(file).toString();
            assertThat(doc.select("script")).as("scripts of %s", where).allSatisfy(s -> assertThat(s.attr("src"))
                    .endsWith("assets/site.js"));
            assertThat(doc.select("img, iframe, b, u, i, object, embed, base, form[action]"))
                    .as("elements made from text on %s", where)
                    .isEmpty();
            assertThat(doc.select("svg"))
                    .as("svg on %s", where)
                    .allSatisfy(s -> assertThat(s.parent().hasClass("chart")).isTrue());
            for (Element e : doc.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    assertThat(a.getKey()).as("an attribute on %s", where).doesNotStartWith("on");
                }
                assertThat(e.attr("href").strip().toLowerCase(Locale.ROOT))
                        .as("a link on %s", where)
                        .doesNotStartWith("javascript:")
                        .doesNotStartWith("data:");
            }
            assertThat(doc.select("head title")).hasSize(1);
            assertThat(doc.select("meta[http-equiv=Content-Security-Policy]")).hasSize(1);
        }
    }

    @Test
    void theHostileTextShowsAsTheSameTextOnTheIndexTheArticleAndTheEntityPages() throws IOException {
        Document index = page(site.resolve("index.html"));
        Element row = index.selectFirst("li.row[data-id=hostile-1]");
        assertThat(row.selectFirst("a.headline").text()).isEqualTo(HostileArticle.HEADLINE);
        assertThat(row.selectFirst(".src").text()).isEqualTo(HostileArticle.SOURCE);
        assertThat(row.selectFirst(".sec").text()).isEqualTo(HostileArticle.SECTION);

        Document article = page(site.resolve("article/hostile-1.html"));
        assertThat(article.title()).isEqualTo(HostileArticle.HEADLINE + " · Dragoman");
        assertThat(article.selectFirst("p.original").text()).isEqualTo(HostileArticle.TITLE);
        String html = Files.readString(site.resolve("article/hostile-1.html"), StandardCharsets.UTF_8);
        assertThat(html).as("zero-width space in the file").contains("Null\u200Bbreite");
        // the whole text, zero-width and bidi characters included (text() drops the invisible ones)
        assertThat(article.select("td.src").stream().map(Element::wholeText))
                .containsExactlyElementsOf(HostileArticle.PARAGRAPHS);
        assertThat(article.select("td.en").stream().map(Element::wholeText))
                .containsExactlyElementsOf(HostileArticle.ENGLISH);
        assertThat(article.selectFirst("#summary dd.people").text())
                .isEqualTo(shown(HostileArticle.PERSON) + " (" + HostileArticle.ROLE + ")");
        assertThat(article.selectFirst("#summary q").text()).isEqualTo(HostileArticle.QUOTE);
        assertThat(article.select("a.origin"))
                .as("a javascript: URL is not linked")
                .isEmpty();
        assertThat(article.select(".notices").text()).contains("<script>alert('check')</script>");

        Element person = article.selectFirst("#summary dd.people a");
        Document personPage =
                page(site.resolve("article").resolve(person.attr("href")).normalize());
        assertThat(personPage.selectFirst("h1").text()).isEqualTo(shown(HostileArticle.PERSON));
        for (String list : List.of("places.html", "topics.html", "organizations.html")) {
            assertThat(page(site.resolve(list)).select("ol.entities a").eachText())
                    .containsAnyOf(HostileArticle.PLACE, HostileArticle.TOPIC, HostileArticle.ORGANIZATION);
        }
    }

    @Test
    void theSearchAndFilterDataKeepTheTextAsJsonStringsThatCannotEndTheScript() throws IOException {
        String rows = Files.readString(site.resolve("data/rows-0.js"), StandardCharsets.UTF_8);
        assertThat(rows).startsWith("DRAGOMAN.rows(0,").endsWith(");\n");
        // every text is inside a JSON string: a quote in it is escaped, so the call has one argument list
        assertThat(rows).contains("\\\"><img src=x onerror=alert('headline')>");
        String terms = Files.readString(site.resolve("data/terms-0.js"), StandardCharsets.UTF_8);
        assertThat(terms).startsWith("DRAGOMAN.terms(0,").endsWith(");\n");
        JsonNode parsed =
                new ObjectMapper().readTree(terms.substring("DRAGOMAN.terms(0,".length(), terms.length() - 3));
        List<String> words = new ArrayList<>();
        parsed.forEach(t -> words.add(t.get(0).asText()));
        assertThat(words).as("the terms, whole, as JSON strings").anyMatch(w -> w.startsWith("onerror=alert('"));
    }

    @Test
    void aCellThatASpreadsheetWouldTakeForAFormulaIsWrittenAsText() throws IOException {
        String organizations = Files.readString(tmp.resolve("organizations.csv"), StandardCharsets.UTF_8);
        assertThat(organizations).contains("'=cmd|' /C calc'!A0", "'@SUM(1+1)");
        assertThat(organizations.lines().skip(1))
                .noneMatch(line -> Stream.of(line.split(",")).anyMatch(c -> c.matches("\"?[=+@-].*")));
        assertThat(CsvTables.guarded("-1")).isEqualTo("'-1");
        assertThat(CsvTables.guarded("Minsk")).isEqualTo("Minsk");
        assertThat(CsvTables.guarded("")).isEmpty();
    }

    /** A text as Jsoup's {@code text()} gives it: whitespace runs as one space, stripped. */
    private static String shown(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
