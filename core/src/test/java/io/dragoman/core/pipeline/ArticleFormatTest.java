package io.dragoman.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.Dateline;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleFormatTest {

    private static ArticleMetadata metadata() {
        return new ArticleMetadata(
                OffsetDateTime.of(2020, 11, 26, 17, 25, 0, 0, ZoneOffset.ofHours(3)),
                null,
                new Dateline("MINSK", LocalDate.of(2020, 11, 26), "BelTA", "MINSK, 26. November (BelTA) – "),
                "Politik",
                "BelTA",
                "BelTA",
                "de",
                LocalDate.of(2024, 5, 2),
                "seeds/000.txt",
                null,
                List.of());
    }

    private static CleanedArticle article(String title, String... paragraphs) {
        return new CleanedArticle(new ArticleId("a1"), title, List.of(paragraphs), metadata(), List.of());
    }

    @Test
    void rendersTextAsTitleBlankLineAndParagraphsWithTrailingNewline() {
        assertThat(ArticleFormat.TEXT.render(article("Titel", "Eins.", "Zwei.")))
                .isEqualTo("Titel\n\nEins.\n\nZwei.\n");
    }

    @Test
    void rendersTextWithoutTitleAsParagraphsOnly() {
        assertThat(ArticleFormat.TEXT.render(article("", "Eins."))).isEqualTo("Eins.\n");
    }

    @Test
    void rendersJsonWithOffsetTimesAndNoNullFields() {
        String json = ArticleFormat.JSONL.render(article("Titel", "Eins."));

        assertThat(json).endsWith("}\n").doesNotContain("\n{").doesNotContain("null");
        assertThat(json)
                .contains("\"published\":\"2020-11-26T17:25:00+03:00\"")
                .contains("\"capturedAt\":\"2024-05-02\"")
                .contains("\"id\":\"a1\"");
    }

    @Test
    void escapesScriptTagsInMarkdown() {
        String md = ArticleFormat.MD.render(
                article("<script>alert(1)</script>", "Vorher <script src=x></script> & <img onerror=y>"));

        assertThat(md).doesNotContain("<script").doesNotContain("<img");
        assertThat(md).contains("# &lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(md).contains("Vorher &lt;script src=x&gt;&lt;/script&gt; &amp; &lt;img onerror=y&gt;");
    }

    @Test
    void escapesMarkdownSyntaxInlineSoTextShowsAsText() {
        String md = ArticleFormat.MD.render(article("*Titel* mit _Betonung_", "[Link](http://x) `code` # | \\ ! *"));

        assertThat(md).contains("# \\*Titel\\* mit \\_Betonung\\_");
        assertThat(md).contains("\\[Link\\](http://x) \\`code\\` \\# \\| \\\\ ! \\*");
    }

    @Test
    void escapesMarkdownBlockSyntaxAtTheStartOfParagraphs() {
        String md = ArticleFormat.MD.render(article(
                "Titel",
                "1. FC Köln gewinnt das Derby.",
                "- kein Listenpunkt",
                "+ auch keiner",
                "> kein Zitat",
                "---",
                "~~~",
                "2024) war ein Jahr."));

        assertThat(md)
                .contains("\n\n1\\. FC Köln gewinnt das Derby.\n\n")
                .contains("\n\n\\- kein Listenpunkt\n\n")
                .contains("\n\n\\+ auch keiner\n\n")
                .contains("\n\n&gt; kein Zitat\n\n")
                .contains("\n\n\\---\n\n")
                .contains("\n\n\\~~~\n\n")
                .contains("\n\n2024\\) war ein Jahr.\n");
    }

    @Test
    void escapesPipesInTheMetadataTable() {
        ArticleMetadata m = metadata();
        CleanedArticle a = new CleanedArticle(
                new ArticleId("a1"),
                "Titel",
                List.of("Text."),
                new ArticleMetadata(
                        m.published(),
                        null,
                        m.dateline(),
                        "Politik | Welt",
                        m.agency(),
                        m.source(),
                        m.language(),
                        m.capturedAt(),
                        m.location(),
                        null,
                        List.of()),
                List.of("a <b> warning"));

        String md = ArticleFormat.MD.render(a);

        assertThat(md).contains("| Section | Politik \\| Welt |");
        assertThat(md).contains("| Published | 2020-11-26T17:25:00+03:00 |");
        assertThat(md).contains("> - a &lt;b&gt; warning");
        assertThat(md).endsWith("\n").doesNotEndWith("\n\n");
    }

    @Test
    void parsesFormatNamesCaseInsensitively() {
        assertThat(ArticleFormat.parse(" md ")).isEqualTo(ArticleFormat.MD);
        assertThat(ArticleFormat.parse("Jsonl")).isEqualTo(ArticleFormat.JSONL);
        assertThat(ArticleFormat.TEXT.extension()).isEqualTo("txt");
    }
}
