package io.dragoman.core.clean;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of lines in plain-text scrapes that {@link TextCleaner} must tell apart from the article, each on a small
 * hand-made page.
 */
class TextCleanerLinesTest {
    private final TextCleaner cleaner =
            new TextCleaner(SharedCleaner.profiles(), SharedCleaner.languages(), DetectingCleaner.DEFAULT_MAX_BYTES);

    private CleanedArticle clean(String... lines) {
        return cleaner.cleanText(new ArticleId("lines"), "test/lines.txt", String.join("\n", lines), List.of());
    }

    @Test
    void pictureCreditBetweenParagraphsIsLeftOut() {
        CleanedArticle article = clean(
                "Startseite",
                "Neue Brücke über den Fluss eröffnet",
                "Die Stadt hat am Montag die neue Brücke über den Fluss für den Verkehr freigegeben, nach drei Jahren Bauzeit.",
                "Foto: Max Beispiel",
                "Der Bürgermeister sprach von einem wichtigen Tag für die Pendler aus den Vororten und dankte den Arbeitern.",
                "Die alte Brücke wird im kommenden Frühjahr abgerissen, weil sie den Lasten nicht mehr gewachsen ist.");
        assertThat(article.paragraphs()).hasSize(3).noneMatch(p -> p.contains("Max Beispiel"));
    }

    @Test
    void readAlsoLinkWithItsHeadlineOnTheLineIsLeftOutAndTheArticleGoesOn() {
        CleanedArticle article = clean(
                "Inicio",
                "El puerto amplía su muelle principal",
                "La autoridad portuaria anunció el lunes la ampliación del muelle principal para recibir barcos más grandes.",
                "Lea también: La nueva terminal de pasajeros abrirá sus puertas antes del verano según el gobierno regional",
                "Las obras durarán dos años y costarán unos cuarenta millones de euros, según el presidente del puerto.",
                "Los pescadores temen que el ruido de las obras afecte a su trabajo durante los meses de verano.");
        assertThat(article.paragraphs())
                .hasSize(3)
                .noneMatch(p -> p.startsWith("Lea también"))
                .last()
                .asString()
                .startsWith("Los pescadores");
    }

    @Test
    void codeBlockBetweenParagraphsKeepsTheArticleTogether() {
        CleanedArticle article = clean(
                "Blog",
                "Reading a config file in Python",
                "Most small tools need a configuration file, and the standard library already reads the common formats.",
                "Open the file and hand it to the parser, which returns a dictionary of sections and their keys.",
                "import configparser",
                "config = configparser.ConfigParser()",
                "config.read('tool.ini')",
                "for section in config.sections():",
                "print(section)",
                "names = [s.upper() for s in config]",
                "items = {}",
                "The parser keeps the keys as strings, so numbers have to be converted where they are used later.",
                "That is all it takes to read a small configuration file without any third-party package at all.");
        assertThat(article.paragraphs())
                .contains("config.read('tool.ini')")
                .last()
                .asString()
                .startsWith("That is all");
    }

    @Test
    void newsletterInvitationEndsTheArticleBeforeTheTeasersBelowIt() {
        CleanedArticle article = clean(
                "Home",
                "Town library extends its opening hours",
                "The town library will open until nine in the evening from next month, the council said on Tuesday.",
                "Students had asked for longer hours for years, and a grant from the county now pays for the staff.",
                "The reading room on the first floor will also stay open on Sunday afternoons during the exam weeks.",
                "Stay up to date: subscribe to our newsletter.",
                "Every week we send the most important local stories straight to your inbox, free of charge and ads.",
                "The bakery on the market square has closed after forty years, and its owners are looking for a buyer.");
        assertThat(article.paragraphs()).hasSize(3).last().asString().startsWith("The reading room");
    }

    @Test
    void listOfTeaserHeadlinesWithSentencesInsideIsNoBody() {
        CleanedArticle article = clean(
                "Wiadomości",
                "Nowy most na rzece otwarty",
                "Miasto otworzyło w poniedziałek nowy most na rzece po trzech latach budowy i wielu opóźnieniach.",
                "Burmistrz mówił o ważnym dniu dla mieszkańców, którzy codziennie dojeżdżają do pracy w centrum.",
                "Udostępnij",
                "Drukuj",
                "Tematy",
                "most",
                "rzeka",
                "miasto",
                "Komentarze",
                "Zobacz więcej",
                "Ceny mieszkań rosną. Co to oznacza dla kupujących w dużych miastach",
                "Nowa linia kolejowa. Pociągi pojadą szybciej już od przyszłego roku",
                "Rekord w energetyce. Jeszcze nigdy nie wyprodukowano tyle prądu ze słońca",
                "Zima wraca. Synoptycy ostrzegają przed mrozem i śniegiem w górach",
                "Szkoły bez ocen? Ministerstwo chce zmian w sposobie oceniania uczniów",
                "Rynek pracy. Firmy szukają pracowników z doświadczeniem w handlu",
                "Wybory lokalne. Kandydaci przedstawili swoje programy dla regionu",
                "Drogi ekspresowe. Nowe odcinki zostaną otwarte jeszcze przed wakacjami");
        assertThat(article.paragraphs()).hasSize(2).first().asString().startsWith("Miasto otworzyło");
    }

    @Test
    void sentenceCutBeforeTheFirstParagraphOpensTheBody() {
        CleanedArticle article = clean(
                "Startseite",
                "Vereine",
                "Sommerfest am See",
                "Das große Sommerfest des Segelvereins",
                "findet in diesem Jahr zum zehnten Mal statt, am ersten Samstag im Juli auf der Wiese am Hafen.",
                "Für Kinder gibt es eine Regatta mit kleinen Booten, und am Abend spielt eine Band aus der Stadt.");
        assertThat(article.paragraphs()).first().asString().isEqualTo("Das große Sommerfest des Segelvereins");
    }
}
