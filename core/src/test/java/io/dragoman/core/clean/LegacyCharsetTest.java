package io.dragoman.core.clean;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.lang.LanguageDetector;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages in the single-byte and legacy charsets of the languages Dragoman sees, declared in a {@code <meta>} tag and
 * undeclared: each decodes to exactly the text that was encoded. The undeclared ones are found by
 * {@link CharsetDetection}.
 */
class LegacyCharsetTest {
    private static final ArticleId ID = new ArticleId("legacy");
    private static final LanguageDetector FIXED_LANGUAGE = text -> Optional.of("xx");
    private final DetectingCleaner cleaner =
            new DetectingCleaner(BoilerplateProfiles.builtIn(), FIXED_LANGUAGE, DetectingCleaner.DEFAULT_MAX_BYTES);

    private static final String POLISH_TITLE = "Nowy most dla pieszych w Łodzi";
    private static final String POLISH = "Władze miasta poinformowały w czwartek, że nowy most dla pieszych nad"
            + " rzeką zostanie oddany do użytku jesienią. Budowa kosztowała więcej, niż zakładano, ponieważ ceny"
            + " stali wzrosły. Mieszkańcy żądają też ścieżki rowerowej, która połączy obie dzielnice.";
    private static final String CZECH_TITLE = "Nová lávka pro pěší v Brně";
    private static final String CZECH = "Město ve čtvrtek oznámilo, že nová lávka pro pěší přes řeku bude otevřena"
            + " na podzim. Stavba stála víc, než se čekalo, protože ceny oceli vzrostly. Obyvatelé žádají také"
            + " cyklostezku, která propojí obě čtvrti.";
    private static final String RUSSIAN_TITLE = "Новый пешеходный мост в Минске";
    private static final String RUSSIAN = "Власти города сообщили в четверг, что новый пешеходный мост через реку"
            + " откроют осенью. Строительство обошлось дороже, чем планировалось, потому что выросли цены на"
            + " сталь. Жители требуют также велосипедную дорожку, которая соединит оба района.";
    private static final String UKRAINIAN_TITLE = "Новий пішохідний міст у Києві";
    private static final String UKRAINIAN = "Міська влада повідомила в четвер, що новий пішохідний міст через річку"
            + " відкриють восени. Будівництво коштувало дорожче, ніж планували, бо зросли ціни на сталь. Мешканці"
            + " вимагають також велосипедну доріжку, яка з'єднає обидва райони.";
    private static final String GERMAN_TITLE = "Neue Fußgängerbrücke über die Swislatsch";
    private static final String GERMAN = "Die Stadtverwaltung teilte am Donnerstag mit, dass die neue Brücke über"
            + " den Fluss im Herbst eröffnet wird. Der Bau war teurer als geplant, weil die Stahlpreise gestiegen"
            + " sind. Die Anwohner fordern außerdem einen Radweg für 150 €, der beide Viertel verbindet.";
    private static final String FRENCH_TITLE = "Une nouvelle passerelle à Liège";
    private static final String FRENCH = "La ville a annoncé jeudi que la nouvelle passerelle au-dessus du fleuve"
            + " ouvrira à l'automne. Les travaux ont coûté plus cher que prévu, car le prix de l'acier a augmenté."
            + " Les riverains réclament aussi une piste cyclable qui reliera les deux quartiers.";

    static List<Arguments> pages() {
        List<Arguments> cases = new ArrayList<>();
        Object[][] texts = {
            {"windows-1250", POLISH_TITLE, POLISH},
            {"ISO-8859-2", POLISH_TITLE, POLISH},
            {"windows-1250", CZECH_TITLE, CZECH},
            {"ISO-8859-2", CZECH_TITLE, CZECH},
            {"windows-1251", RUSSIAN_TITLE, RUSSIAN},
            {"KOI8-R", RUSSIAN_TITLE, RUSSIAN},
            {"ISO-8859-5", RUSSIAN_TITLE, RUSSIAN},
            {"windows-1251", UKRAINIAN_TITLE, UKRAINIAN},
            {"windows-1252", GERMAN_TITLE, GERMAN},
            {"windows-1252", FRENCH_TITLE, FRENCH},
        };
        for (Object[] t : texts) {
            cases.add(Arguments.of(t[0], true, t[1], t[2]));
            cases.add(Arguments.of(t[0], false, t[1], t[2]));
        }
        // ISO-8859-15 differs from windows-1252 in the euro sign and a few letters: only a declaration tells them apart
        cases.add(Arguments.of("ISO-8859-15", true, GERMAN_TITLE, GERMAN));
        return cases;
    }

    @ParameterizedTest(name = "{0}, declared {1}: {2}")
    @MethodSource("pages")
    void decodesThePageToTheTextThatWasEncoded(String charset, boolean declared, String title, String body) {
        String meta = declared ? "<meta charset=\"" + charset + "\">" : "";
        String html = "<html><head>" + meta + "<title>" + title + "</title></head><body><article><h1>" + title
                + "</h1><p>" + body + "</p></article></body></html>";
        byte[] bytes = html.getBytes(Charset.forName(charset));

        CleanedArticle article = cleaner.clean(RawArticle.of(ID, "page.html", bytes));

        assertThat(article.title()).isEqualTo(title);
        assertThat(article.paragraphs()).containsExactly(body);
        if (declared) {
            assertThat(article.warnings()).isEmpty();
        } else {
            assertThat(article.warnings()).anyMatch(w -> w.startsWith("not valid UTF-8; decoded as "));
        }
    }
}
