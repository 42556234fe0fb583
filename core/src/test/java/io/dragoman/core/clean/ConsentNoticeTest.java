package io.dragoman.core.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsentNoticeTest {

    private static final String NOTICE = "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten."
            + " Wenn Sie fortfahren, stimmen Sie der Verwendung zu.";
    private static final String PARAGRAPH = "Der Stadtrat von Grodno hat am Dienstag den Haushalt für das kommende"
            + " Jahr beschlossen, wie die Verwaltung mitteilte. Die Ausgaben für Schulen, Straßen und Krankenhäuser"
            + " steigen demnach um neun Prozent, die Einnahmen aus Steuern um sieben Prozent.";

    private final HtmlCleaner cleaner =
            new HtmlCleaner(SharedCleaner.profiles(), SharedCleaner.languages(), DetectingCleaner.DEFAULT_MAX_BYTES);

    private CleanedArticle clean(String body) {
        String html = "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Haushalt</title></head>"
                + "<body>" + body + "</body></html>";
        return cleaner.clean(RawArticle.of(new ArticleId("page"), "page.html", html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPageThatIsOnlyAConsentWallHasNoArticle() {
        assertThatThrownBy(() ->
                        clean("<div id=\"cookie-banner\"><p>" + NOTICE + "</p><button>Akzeptieren</button></div>"))
                .isInstanceOf(CleaningException.class)
                .hasMessageContaining("no article body found");
    }

    @Test
    void aConsentBannerBesideTheArticleIsDropped() {
        CleanedArticle article = clean("<div class=\"consent-overlay\"><p>" + NOTICE + "</p></div><article><h1>Haushalt"
                + " beschlossen</h1><p>" + PARAGRAPH + "</p><p>" + PARAGRAPH + "</p></article>");

        assertThat(String.join("\n", article.paragraphs())).contains("Stadtrat").doesNotContain("Cookies");
    }

    @Test
    void aLongPageWrapperNamedAfterItsConsentStateKeepsTheArticle() {
        StringBuilder paragraphs = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            paragraphs.append("<p>").append(i).append(". ").append(PARAGRAPH).append("</p>");
        }
        CleanedArticle article = clean("<div class=\"page cookie-consent-open\"><article><h1>Haushalt beschlossen</h1>"
                + paragraphs + "</article></div>");

        assertThat(article.paragraphs()).hasSize(5);
    }
}
