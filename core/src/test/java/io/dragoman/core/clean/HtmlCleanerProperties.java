package io.dragoman.core.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Bad HTML never makes the HTML cleaner fail with anything but {@link CleaningException}, and pathological pages
 * (deep nesting, huge pages, binary bytes) finish in bounded time. Tries stay low so the suite stays fast.
 */
class HtmlCleanerProperties {
    private static final ArticleId ID = new ArticleId("html-property");
    private static final String LOCATION = "generated/property.html";
    private static final Optional<String> HTML = Optional.of("text/html; charset=utf-8");
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final HtmlCleaner html =
            new HtmlCleaner(SharedCleaner.profiles(), SharedCleaner.languages(), DetectingCleaner.DEFAULT_MAX_BYTES);
    private final DetectingCleaner detecting = SharedCleaner.standard();

    /** A realistic news page: head with metadata and JSON-LD, navigation, article, related links, comments, footer. */
    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8">
            <title>Stadtrat beschließt neuen Radweg | Kreisbote</title>
            <meta property="og:title" content="Stadtrat beschließt neuen Radweg an der Ringstraße">
            <meta property="og:site_name" content="Kreisbote">
            <meta property="article:published_time" content="2024-06-24T16:28:00+02:00">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Stadtrat beschließt neuen Radweg","datePublished":"2024-06-24T16:28:00+02:00",
            "author":{"@type":"Person","name":"Anna Berger"}}</script>
            <style>body{font-family:sans-serif}</style>
            </head><body>
            <header><nav class="main-nav"><ul><li><a href="/">Startseite</a></li><li><a href="/lokales">Lokales</a></li>
            <li><a href="/sport">Sport</a></li></ul></nav></header>
            <div id="cookie-banner">Wir verwenden Cookies. <button>Akzeptieren</button></div>
            <main><article class="article">
            <h1>Stadtrat beschließt neuen Radweg</h1>
            <div class="byline">Von Anna Berger · <time datetime="2024-06-24T16:28:00+02:00">24.06.2024</time></div>
            <p class="teaser">Nach monatelanger Debatte hat der Stadtrat am Montagabend den Bau eines neuen Radwegs
            entlang der Ringstraße beschlossen.</p>
            <p>Die Entscheidung fiel mit 23 zu 11 Stimmen. Die Verwaltung rechnet mit Kosten von rund 1,8 Millionen
            Euro, von denen das Land knapp die Hälfte übernehmen soll.</p>
            <figure><img src="/img/radweg.jpg" alt="Ringstraße"><figcaption>Die Ringstraße am Morgen. Foto: privat
            </figcaption></figure>
            <p>Baubeginn soll im Frühjahr kommenden Jahres sein. Während der Arbeiten wird die Ringstraße
            abschnittsweise auf eine Fahrspur verengt, teilte die Stadt mit.</p>
            <div class="ad"><script>loadAd("mid")</script>Anzeige</div>
            <p>Anwohner hatten sich in einer Bürgerversammlung im März mehrheitlich für den Radweg ausgesprochen.
            Kritik kam vor allem von Einzelhändlern, die den Wegfall von Parkplätzen fürchten.</p>
            <ul class="share"><li><a href="#">Teilen</a></li><li><a href="#">Drucken</a></li></ul>
            </article>
            <aside class="related"><h2>Mehr zum Thema</h2><ul><li><a href="/a">Neue Ampel am Marktplatz</a></li>
            <li><a href="/b">Parkgebühren steigen</a></li></ul></aside>
            <section id="comments"><h3>Kommentare (2)</h3><div class="comment"><p>Endlich!</p></div></section>
            </main>
            <footer><p>© 2024 Kreisbote · <a href="/impressum">Impressum</a> · <a href="/datenschutz">Datenschutz</a>
            </p></footer>
            </body></html>
            """;

    // (a) arbitrary strings in or after a body, and truncated real-looking pages

    @Property
    void anyStringInsideABodyGivesAnArticleOrCleaningException(@ForAll("anyText") String s) {
        cleanOrCleaningException(() -> html.cleanHtml(ID, LOCATION, "<html><body>" + s, List.of()));
        cleanOrCleaningException(() -> html.cleanHtml(ID, LOCATION, "<html><body>" + s + "</body></html>", List.of()));
        cleanOrCleaningException(() -> html.cleanHtml(ID, LOCATION, "<html><body></body></html>" + s, List.of()));
    }

    @Property
    void aTruncatedPageGivesAnArticleOrCleaningException(
            @ForAll @IntRange(min = 0, max = 1_000_000) int cut, @ForAll("anyText") String tail) {
        String page = PAGE.substring(0, cut % (PAGE.length() + 1));
        cleanOrCleaningException(() -> html.cleanHtml(ID, LOCATION, page, List.of()));
        cleanOrCleaningException(() -> html.cleanHtml(ID, LOCATION, page + tail, List.of()));
    }

    @Test
    void theFullPageIsAnArticle() {
        CleanedArticle article = html.cleanHtml(ID, LOCATION, PAGE, List.of());
        assertThat(article.paragraphs()).isNotEmpty();
        assertThat(String.join("\n", article.paragraphs())).contains("23 zu 11 Stimmen");
    }

    // (b) arbitrary bytes declared as HTML

    @Property
    void anyBytesAsHtmlGiveAnArticleOrCleaningException(@ForAll("anyBytes") byte[] bytes) {
        cleanOrCleaningException(() -> detecting.clean(new RawArticle(ID, LOCATION, bytes, HTML)));
    }

    // (c) pathological pages

    @Test
    void tenThousandNestedDivsAroundAParagraph() {
        String paragraph = "Der Stadtrat hat am Montag den Bau eines neuen Radwegs entlang der Ringstraße beschlossen,"
                + " die Arbeiten sollen im Frühjahr beginnen und rund ein Jahr dauern.";
        int depth = 10_000;
        StringBuilder b = new StringBuilder("<html><head><title>Radweg</title></head><body>");
        b.append("<div>".repeat(depth)).append("<p>").append(paragraph).append("</p>");
        b.append("</div>".repeat(depth)).append("</body></html>");
        String page = b.toString();
        // the parser caps the depth; the deep paragraph is kept (re-parented), so the page is still an article
        CleanedArticle article = assertTimeoutPreemptively(LIMIT, () -> html.cleanHtml(ID, LOCATION, page, List.of()));
        assertThat(article.paragraphs()).containsExactly(paragraph);
    }

    @Test
    void aFiftyMegabytePageIsTooLarge() {
        byte[] page = bigPage(50 * 1024 * 1024);
        CleaningException e = assertTimeoutPreemptively(
                LIMIT,
                () -> catchThrowableOfType(
                        CleaningException.class, () -> detecting.clean(new RawArticle(ID, LOCATION, page, HTML))));
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(CleaningException.Reason.TOO_LARGE);
        assertThat(e.getMessage()).contains("too large").contains("over the limit of 10,485,760 bytes");
    }

    @Test
    void aNineMegabytePageIsCleanedInBoundedTime() {
        byte[] page = bigPage(9 * 1024 * 1024);
        assertThat((long) page.length).isLessThan(DetectingCleaner.DEFAULT_MAX_BYTES);
        CleanedArticle article =
                assertTimeoutPreemptively(LIMIT, () -> detecting.clean(new RawArticle(ID, LOCATION, page, HTML)));
        assertThat(article.paragraphs()).hasSizeGreaterThan(1000);
    }

    @Test
    void binaryGarbageWithAnHtmlContentTypeIsBinary() {
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        CleaningException e = assertTimeoutPreemptively(
                LIMIT,
                () -> catchThrowableOfType(
                        CleaningException.class, () -> detecting.clean(new RawArticle(ID, LOCATION, garbage, HTML))));
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(CleaningException.Reason.BINARY);
        assertThat(e.getMessage()).contains("binary");
    }

    /** A page of at least {@code size} bytes: a head, a headline and numbered paragraphs of distinct sentences. */
    private static byte[] bigPage(int size) {
        StringBuilder b = new StringBuilder(size + 1024);
        b.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Ein sehr langer Bericht</title></head>")
                .append("<body><article><h1>Ein sehr langer Bericht</h1>\n");
        for (int i = 0; b.length() < size; i++) {
            b.append("<p>Absatz ")
                    .append(i)
                    .append(": Der Ausschuss hat in seiner Sitzung Nummer ")
                    .append(i)
                    .append(" über den Haushalt beraten, und die Mitglieder haben sich nach langer Aussprache auf")
                    .append(" einen Kompromiss verständigt, der im Herbst umgesetzt werden soll.</p>\n");
        }
        b.append("</article></body></html>");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void cleanOrCleaningException(Supplier<CleanedArticle> clean) {
        try {
            CleanedArticle article = clean.get();
            assertThat(article.paragraphs()).isNotEmpty();
        } catch (CleaningException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.reason()).isNotNull();
        }
    }

    // generators

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> markup = Arbitraries.of(TagSoup.PIECES);
        Arbitrary<String> chars = Arbitraries.strings().all().ofMaxLength(40);
        return Arbitraries.oneOf(markup, markup, chars).list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> htmlish = anyText().map(s -> ("<html><body>" + s).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, htmlish);
    }
}
