package io.dragoman.core.clean;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.pipeline.ArticleFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the plain-text cleaner on generated input: it fails only with {@link CleaningException}, it only
 * selects source lines (never rewrites them), and an article without chrome comes through unchanged and stays so
 * when cleaned again. Tries are kept low (200, see {@code junit-platform.properties}) so the suite stays fast.
 */
class TextCleanerProperties {
    private static final ArticleId ID = new ArticleId("property");
    private static final String LOCATION = "generated/property.txt";
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private final TextCleaner text =
            new TextCleaner(SharedCleaner.profiles(), SharedCleaner.languages(), DetectingCleaner.DEFAULT_MAX_BYTES);
    private final HtmlCleaner html =
            new HtmlCleaner(SharedCleaner.profiles(), SharedCleaner.languages(), DetectingCleaner.DEFAULT_MAX_BYTES);
    private final DetectingCleaner detecting = SharedCleaner.standard();

    // (a) nothing but CleaningException

    @Property
    void textCleanerFailsOnlyWithCleaningExceptionOnAnyString(@ForAll("anyText") String input) {
        cleanOrCleaningException(() -> text.cleanText(ID, LOCATION, input, List.of()));
        cleanOrCleaningException(() -> html.cleanHtml(ID, LOCATION, input, List.of()));
        cleanOrCleaningException(
                () -> detecting.clean(RawArticle.of(ID, LOCATION, input.getBytes(StandardCharsets.UTF_8))));
    }

    @Property(tries = 25)
    void textCleanerFailsOnlyWithCleaningExceptionOnHugeLines(@ForAll("hugeLines") String input) {
        cleanOrCleaningException(() -> text.cleanText(ID, LOCATION, input, List.of()));
    }

    @Property
    void detectingCleanerFailsOnlyWithCleaningExceptionOnAnyBytes(
            @ForAll("anyBytes") byte[] bytes, @ForAll("contentTypes") Optional<String> contentType) {
        cleanOrCleaningException(() -> detecting.clean(new RawArticle(ID, LOCATION, bytes, contentType)));
    }

    // (b) output lines are source lines

    @Property
    void titleAndParagraphsAreSourceLinesInOrder(@ForAll("scrapes") String input) {
        CleanedArticle article;
        try {
            article = text.cleanText(ID, LOCATION, input, List.of());
        } catch (CleaningException e) {
            return;
        }
        List<String> lines = LINE_BREAK
                .splitAsStream(input)
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        int next = 0;
        if (!article.title().isEmpty()) {
            next = indexOf(lines, next, article.title(), false, "title", input) + 1;
        }
        for (int p = 0; p < article.paragraphs().size(); p++) {
            next = indexOf(lines, next, article.paragraphs().get(p), p == 0, "paragraph " + p, input) + 1;
        }
    }

    private static int indexOf(
            List<String> lines, int from, String wanted, boolean suffixAllowed, String what, String input) {
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals(wanted) || (suffixAllowed && !wanted.isEmpty() && line.endsWith(wanted))) {
                return i;
            }
        }
        throw new AssertionError(what + " '" + wanted + "' is not a source line after line " + from + " of:\n" + input);
    }

    // (c) a clean article stays as it is

    @Property
    void cleaningAnArticleWithoutChromeKeepsTitleAndParagraphs(@ForAll("articles") Article generated) {
        CleanedArticle article = text.cleanText(ID, LOCATION, generated.render(), List.of());

        assertThat(article.title()).isEqualTo(generated.title());
        assertThat(article.paragraphs()).containsExactlyElementsOf(generated.paragraphs());
    }

    @Property
    void cleaningTheRenderedTextAgainChangesNothing(@ForAll("articles") Article generated) {
        CleanedArticle once = text.cleanText(ID, LOCATION, generated.render(), List.of());
        CleanedArticle twice = text.cleanText(ID, LOCATION, ArticleFormat.TEXT.render(once), List.of());

        assertThat(twice.title()).isEqualTo(once.title());
        assertThat(twice.paragraphs()).containsExactlyElementsOf(once.paragraphs());
    }

    private static void cleanOrCleaningException(Runnable clean) {
        try {
            clean.run();
        } catch (CleaningException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.reason()).isNotNull();
        }
    }

    // generators

    /** A generated article: a title line and paragraphs of whole sentences. */
    record Article(String title, List<String> paragraphs) {
        String render() {
            return title + "\n\n" + String.join("\n\n", paragraphs) + "\n";
        }
    }

    private static final List<String> GERMAN = List.of(
            "der",
            "die",
            "das",
            "und",
            "hat",
            "wurde",
            "Regierung",
            "Minister",
            "Stadt",
            "neue",
            "Gesetz",
            "am",
            "Montag",
            "mit",
            "für",
            "über",
            "Zusammenarbeit",
            "Bürger",
            "Präsident",
            "Gespräche",
            "wirtschaftliche",
            "Entwicklung",
            "zwischen",
            "beiden",
            "Ländern",
            "Millionen",
            "Euro",
            "soll",
            "werden",
            "nach",
            "Angaben",
            "Behörde",
            "große",
            "Mehrheit",
            "beschlossen",
            "Straße",
            "Verkehr",
            "Kritik",
            "Opposition");
    private static final List<String> ENGLISH = List.of(
            "the",
            "a",
            "and",
            "of",
            "to",
            "in",
            "government",
            "minister",
            "city",
            "new",
            "law",
            "on",
            "Monday",
            "with",
            "for",
            "about",
            "cooperation",
            "citizens",
            "president",
            "talks",
            "economic",
            "development",
            "between",
            "both",
            "countries",
            "million",
            "dollars",
            "will",
            "be",
            "according",
            "officials",
            "said",
            "large",
            "majority",
            "approved",
            "road",
            "traffic",
            "criticism",
            "opposition");

    @Provide
    Arbitrary<Article> articles() {
        return Arbitraries.of(GERMAN, ENGLISH).flatMap(words -> {
            Arbitrary<String> title =
                    Arbitraries.of(words).list().ofMinSize(3).ofMaxSize(9).map(ws -> capitalize(String.join(" ", ws)));
            Arbitrary<String> sentence = Combinators.combine(
                            Arbitraries.of(words).list().ofMinSize(4).ofMaxSize(12), Arbitraries.of(".", ".", "!", "?"))
                    .as((ws, end) -> capitalize(String.join(" ", ws)) + end);
            Arbitrary<String> paragraph =
                    sentence.list().ofMinSize(2).ofMaxSize(4).map(ss -> String.join(" ", ss));
            return Combinators.combine(
                            title, paragraph.list().ofMinSize(1).ofMaxSize(8).uniqueElements())
                    .as(Article::new);
        });
    }

    /** Scrape-like texts: chrome, dates, datelines, footers and paragraphs in any order, with odd white space. */
    @Provide
    Arbitrary<String> scrapes() {
        Arbitrary<String> paragraph = articles().map(a -> a.paragraphs().get(0));
        Arbitrary<String> line = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, paragraph),
                net.jqwik.api.Tuple.of(2, articles().map(Article::title)),
                net.jqwik.api.Tuple.of(
                        3,
                        Arbitraries.of(
                                "Projekte",
                                "Staatsorgane",
                                "Alle Nachrichten",
                                "Politik",
                                "Twitter",
                                "Startseite",
                                "Abonnieren Sie uns auf",
                                "Letzte Nachrichten aus Belarus",
                                "Lesen Sie auch",
                                "Latest news",
                                "Проекты",
                                "Политика",
                                "Share this article",
                                "© 2024 Example",
                                "")),
                net.jqwik.api.Tuple.of(
                        2,
                        Arbitraries.of(
                                "26 November 2020, 17:25",
                                "flag Donnerstag, 2 Mai 2024",
                                "12.03.2024, 14:05 Uhr",
                                "24 июня 2024, 16:28",
                                "32 Foo 2020, 25:99",
                                "June 24, 2024 4:28 PM")),
                net.jqwik.api.Tuple.of(
                        2,
                        Combinators.combine(
                                        Arbitraries.of(
                                                "MINSK, 26. November (BelTA) – ",
                                                "МИНСК, 24 июня (БЕЛТА) – ",
                                                "WASHINGTON (Reuters) - ",
                                                "MINSK, 24 June (BelTA) - ",
                                                "MINSK (BelTA) – "),
                                        paragraph)
                                .as(String::concat)));
        Arbitrary<String> padded = Combinators.combine(
                        Arbitraries.of("", " ", "\t", "\u00A0"), line, Arbitraries.of("", " ", "  "))
                .as((a, b, c) -> a + b + c);
        return Combinators.combine(padded.list().ofMinSize(0).ofMaxSize(25), Arbitraries.of("\n", "\r\n", "\n\n", "\r"))
                .as((lines, separator) -> String.join(separator, lines));
    }

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(3000);
        Arbitrary<String> lines = Arbitraries.strings()
                .all()
                .ofMaxLength(200)
                .list()
                .ofMaxSize(40)
                .map(ls -> String.join("\n", ls));
        Arbitrary<String> separators = Arbitraries.strings()
                .withChars("\n\r\u2028\u2029\u0085\u000B\f \t\u00A0\uFEFFAaÄ.:,()-–|»<>&#;")
                .ofMaxLength(500);
        return Arbitraries.oneOf(unicode, lines, separators, scrapes());
    }

    @Provide
    Arbitrary<String> hugeLines() {
        Arbitrary<String> huge = Arbitraries.strings()
                .withChars("Ab -.:,()–|»>·…0Ä")
                .ofMinLength(5_000)
                .ofMaxLength(60_000);
        return Combinators.combine(Arbitraries.of("", "Titel der Meldung\n\n", "MINSK, 3. März (BelTA) – "), huge)
                .as(String::concat);
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(4000);
        Arbitrary<byte[]> prefix = Arbitraries.of(
                new byte[0],
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                new byte[] {(byte) 0xFE, (byte) 0xFF},
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF},
                "<html><body><p>".getBytes(StandardCharsets.US_ASCII),
                "<meta charset=\"windows-1251\"><p>".getBytes(StandardCharsets.US_ASCII),
                "Titel\n\n".getBytes(StandardCharsets.US_ASCII));
        return Combinators.combine(prefix, raw).as((p, b) -> {
            byte[] all = new byte[p.length + b.length];
            System.arraycopy(p, 0, all, 0, p.length);
            System.arraycopy(b, 0, all, p.length, b.length);
            return all;
        });
    }

    @Provide
    Arbitrary<Optional<String>> contentTypes() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                                "text/html; charset=utf-8",
                                "text/plain; charset=windows-1251",
                                "text/html; charset=bogus",
                                "text/html; charset=UTF-32",
                                "text/html; charset=x-JISAutoDetect",
                                "text/plain; charset=ISO-2022-JP",
                                "text/plain; charset=\"",
                                "application/octet-stream")
                        .map(Optional::of),
                Arbitraries.strings().all().ofMaxLength(60).map(Optional::of),
                Arbitraries.just(Optional.empty()));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
