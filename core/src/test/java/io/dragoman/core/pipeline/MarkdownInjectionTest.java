package io.dragoman.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.Dateline;
import io.dragoman.core.article.Stage;
import io.dragoman.core.llm.Provenance;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredFailure;
import io.dragoman.core.summary.ArticleSummary;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.CheckResult;
import io.dragoman.core.translate.Translation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page and a model whose every field carries Markdown and HTML injection: the Markdown outputs ({@code md/<id>.md},
 * {@code report.md}, {@code clean --format md}) are rendered as a Markdown viewer renders them (CommonMark with
 * GitHub tables), and the payload must come out as visible text: no script, image, link, frame, event handler or
 * comment, no heading, quote or list the page did not get from Dragoman, no table cell more or less, and no raw
 * terminal control character in the file.
 */
class MarkdownInjectionTest {

    /** Each line is one payload; each is embedded in a sentence so the text around it must survive too. */
    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(2)>",
            "[click](javascript:alert(3))",
            "![pixel](http://127.0.0.1:9/track.png)",
            "<javascript:alert(4)>",
            "<a href=\"http://127.0.0.1:9/\">link</a>",
            "<iframe src=//127.0.0.1:9></iframe>",
            "cell | breaker | here",
            "`code` and ``` fences",
            "<!-- hidden comment -->",
            "line one\n# Injected heading",
            "line one\n\n> injected quote\n- injected item",
            "line one\r\n<script>alert(5)</script>",
            "&lt;script&gt;alert(6)&lt;/script&gt;",
            "clear\u001b[2Jscreen and bell\u0007 and C1\u009b31m",
            "*bold* _it_ __strong__");

    @TempDir
    Path tmp;

    private static String hostile(int i) {
        return "Vor " + PAYLOADS.get(i % PAYLOADS.size()) + " nach " + i;
    }

    private static String all() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            b.append(hostile(i)).append(' ');
        }
        return b.toString().strip();
    }

    private static ArticleMetadata metadata() {
        return new ArticleMetadata(
                null,
                null,
                new Dateline("MINSK", LocalDate.of(2020, 11, 26), "BelTA", "MINSK " + all() + " – "),
                all(),
                "BelTA <b>",
                all(),
                "de",
                null,
                "in/" + all(),
                "javascript:alert(7)",
                List.of(all(), "| x |"));
    }

    private static CleanedArticle article(String id) {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            paragraphs.add(hostile(i));
        }
        paragraphs.add("- a list marker, 1. an ordered one, and a pipe |");
        return new CleanedArticle(new ArticleId(id), all(), paragraphs, metadata(), List.of(all(), "\n# warning"));
    }

    private static Translation translation(CleanedArticle article) {
        List<String> english = new ArrayList<>();
        for (int i = 0; i < article.paragraphs().size(); i++) {
            english.add("Before " + PAYLOADS.get(i % PAYLOADS.size()) + " after " + i);
        }
        return new Translation(
                article.id(),
                all(),
                "MINSK <script>alert(8)</script> –",
                english,
                List.of(
                        new CheckResult("numbers", CheckResult.Status.WARNING, List.of(all())),
                        new CheckResult("length-ratio", CheckResult.Status.PASSED, List.of())),
                1,
                new Provenance(
                        ProviderKind.OPENAI,
                        "gpt<script>alert(9)</script>|x",
                        Map.of("translate", "abc"),
                        new Usage(100, 120),
                        Optional.of(new BigDecimal("0.001")),
                        1));
    }

    private static Summary summary(CleanedArticle article) {
        return new Summary(
                article.id(),
                new ArticleSummary(
                        all(),
                        all(),
                        List.of(all(), "1. not a list", "# not a heading"),
                        List.of(new ArticleSummary.Person(all(), all())),
                        List.of(new ArticleSummary.Organization(all(), "<b>X</b>")),
                        List.of(all()),
                        List.of(new ArticleSummary.Quote(all(), all()), new ArticleSummary.Quote("", "\n# q")),
                        List.of(all(), "| topic |")),
                List.of(all()),
                false,
                true,
                new Provenance(
                        ProviderKind.OPENAI,
                        "gpt-<img src=x onerror=alert(10)>",
                        Map.of(Summary.TASK, "def"),
                        new Usage(100, 50),
                        Optional.of(new BigDecimal("0.0005")),
                        1));
    }

    /** The Markdown rendered as GitHub-style Markdown viewers do, then parsed as HTML. */
    static Document view(String markdown) {
        Parser parser =
                Parser.builder().extensions(List.of(TablesExtension.create())).build();
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(List.of(TablesExtension.create()))
                .build();
        return Jsoup.parseBodyFragment(renderer.render(parser.parse(markdown)));
    }

    /** The rendered page has no active content, no comment, and the given headings only. */
    static void assertInert(String markdown, List<String> headings) {
        assertThat(markdown)
                .as("no raw control characters")
                .doesNotContain("\u001b")
                .doesNotContain("\u0007")
                .doesNotContain("\u009b");
        Document html = view(markdown);
        assertThat(html.select("script, img, a, iframe, object, embed, style, link, meta, base, form, input, svg"))
                .as("active elements in\n%s", html.body().html())
                .isEmpty();
        for (Element e : html.getAllElements()) {
            e.attributes().forEach(a -> assertThat(a.getKey())
                    .as("attribute of <%s>", e.tagName())
                    .doesNotStartWith("on")
                    .isNotIn("href", "src", "srcset", "style"));
        }
        List<Node> comments = new ArrayList<>();
        NodeTraversor.traverse(
                (NodeVisitor) (node, depth) -> {
                    if (node instanceof Comment) {
                        comments.add(node);
                    }
                },
                html);
        assertThat(comments).as("HTML comments").isEmpty();
        assertThat(html.select("h1, h2, h3, h4, h5, h6").eachText())
                .as("headings")
                .isEqualTo(headings);
        for (Element table : html.select("table")) {
            int columns = table.select("thead tr").first().select("th").size();
            for (Element row : table.select("tbody tr")) {
                assertThat(row.select("td")).as("cells of %s", row.text()).hasSize(columns);
            }
        }
    }

    /** Every payload shows in the rendered text as the page had it (line breaks shown as spaces). */
    static void assertReadable(String markdown) {
        String text = view(markdown).text();
        for (String payload : PAYLOADS) {
            String shown = payload.replace("\r\n", " ")
                    .replace('\n', ' ')
                    .replace("\u001b", "␛")
                    .replace("\u0007", "␇")
                    .replace("\u009b", "\ufffd")
                    .replaceAll(" +", " ");
            assertThat(text.replaceAll(" +", " ")).as("shows %s", payload).contains(shown);
        }
    }

    private Path render(StoredRows rows) {
        Path out = tmp.resolve("out");
        OutputWriter writer = new OutputWriter(out);
        writer.prepare();
        try (RunStore store = RunStore.open(out.resolve("dragoman.db"))) {
            rows.save(store);
            writer.render(store, Optional.empty());
        }
        return out;
    }

    private interface StoredRows {
        void save(RunStore store);
    }

    @Test
    void aCleanedArticleThatFailedShowsItsPageAndReasonAsText() throws IOException {
        CleanedArticle article = article("_draft_");
        Path out = render(store -> {
            store.articles().saveCleaned(new ArticleId("_draft_"), "in/x", "h1", article);
            store.articles().saveFailure(new ArticleId("_draft_"), StoredFailure.of(Stage.TRANSLATE, all(), true));
        });

        String md = Files.readString(out.resolve("md/_draft_.md"), StandardCharsets.UTF_8);

        assertInert(
                md, List.of(view("# " + ArticleFormat.escape(article.title())).text()));
        assertReadable(md);
        assertThat(view(md).select("blockquote").text()).contains("Failed at translate: Vor <script>");
    }

    @Test
    void aTranslatedAndSummarisedArticleShowsTheModelsTextAsText() throws IOException {
        CleanedArticle article = article("a1");
        Translation t = translation(article);
        Path out = render(store -> {
            store.articles().saveCleaned(new ArticleId("a1"), "in/a1", "h1", article);
            store.articles().saveTranslation(new ArticleId("a1"), t);
            store.articles().saveSummary(new ArticleId("a1"), summary(article));
        });

        String md = Files.readString(out.resolve("md/a1.md"), StandardCharsets.UTF_8);

        assertInert(md, List.of(view("# " + ArticleFormat.escape(t.title())).text(), "Summary"));
        assertReadable(md);
        Document page = view(md);
        assertThat(page.select("table").get(1).select("tbody tr"))
                .as("one row per paragraph, and the dateline")
                .hasSize(article.paragraphs().size() + 1);
        assertThat(page.select("ul li").eachText()).contains("1. not a list", "# not a heading");
    }

    @Test
    void theReportShowsFailureReasonsIdsAndModelNamesAsText() throws IOException {
        CleanedArticle article = article("a1");
        Path out = render(store -> {
            store.articles().saveCleaned(new ArticleId("a1"), "in/a1", "h1", article);
            store.articles().saveTranslation(new ArticleId("a1"), translation(article));
            store.articles().saveCleaned(new ArticleId("_b_"), "in/b", "h2", article("_b_"));
            store.articles()
                    .saveFailure(new ArticleId("_b_"), StoredFailure.of(Stage.TRANSLATE, hostile(0) + ". More.", true));
            for (int i = 1; i < PAYLOADS.size(); i++) {
                store.articles()
                        .saveFailure(
                                new ArticleId("f" + i),
                                StoredFailure.of(Stage.CLEAN, hostile(i), false).at("in/" + hostile(i), "h"));
            }
        });

        String md = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);

        assertInert(md, List.of("Run report"));
        String text = view(md).text();
        assertThat(text).contains("translate: Vor <script>alert(1)</script> nach 0. (1): _b_");
        assertThat(text).contains("gpt<script>alert(9)</script>|x");
        assertThat(text).contains("clean: Vor clear␛[2Jscreen");
    }

    @Test
    void cleanFormatMarkdownShowsThePageAsText() {
        String md = ArticleFormat.MD.render(article("a1"));

        assertInert(
                md,
                List.of(view("# " + ArticleFormat.escape(article("a1").title())).text()));
        assertReadable(md);
    }
}
