package io.dragoman.core.testing;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.Dateline;
import io.dragoman.core.llm.Provenance;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.summary.ArticleSummary;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.CheckResult;
import io.dragoman.core.translate.Translation;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Fills a run store with finished articles (cleaned, translated, summarised) without any model: German paragraphs
 * with their English, summaries naming people under several spellings ("Sergei Lavrov", "Lavrov", "Sergej
 * Lawrow"), organisations with abbreviations, places and topics, dates spread over months. For the site's tests and
 * benchmarks; the same number always gives the same article.
 */
public final class SyntheticCorpus {

    /** A person as summaries name them: the full English name, other spellings, a role. */
    public record Figure(String name, List<String> variants, String role, String german) {}

    public static final List<Figure> PEOPLE = List.of(
            new Figure("Sergei Lavrov", List.of("Lavrov", "Sergej Lawrow"), "Foreign Minister of Russia", "Lawrow"),
            new Figure("Vladimir Makei", List.of("Makei", "Wladimir Makej"), "Foreign Minister of Belarus", "Makej"),
            new Figure("Alexander Lukashenko", List.of("Lukashenko"), "President of Belarus", "Lukaschenko"),
            new Figure(
                    "Mikhail Myasnikovich",
                    List.of("Michail Mjasnikowitsch"),
                    "Chairman of the Council",
                    "Mjasnikowitsch"),
            new Figure("Roman Golovchenko", List.of("Golovchenko"), "Prime Minister of Belarus", "Golowtschenko"),
            new Figure("Yuri Ambrazevich", List.of(), "Ambassador", "Ambrasewitsch"));

    private static final String[][] ORGS = {
        {"Collective Security Treaty Organization", "CSTO"},
        {"Eurasian Economic Union", "EAEU"},
        {"United Nations", "UN"},
        {"Union State", ""},
        {"Belarusian Telegraph Agency", "BelTA"},
    };
    private static final String[] PLACES = {"Minsk", "Moscow", "Brest", "Gomel", "Vitebsk", "Geneva"};
    private static final String[] TOPICS = {"foreign policy", "economy", "security", "agriculture", "energy", "trade"};
    private static final String[][] SOURCES = {{"BelTA", "Politik"}, {"BelTA", "Wirtschaft"}, {"Minsk Times", "Society"}
    };
    private static final String[][] WORDS = {
        {"Zusammenarbeit", "cooperation"}, {"Getreideernte", "grain harvest"}, {"Grenzübergang", "border crossing"},
        {"Stromnetz", "power grid"}, {"Handelsbilanz", "trade balance"}, {"Sicherheitsrat", "security council"},
        {"Milchprodukte", "dairy products"}, {"Flughafen", "airport"}, {"Wahlkommission", "electoral commission"},
    };

    private static final String[] WORKS = {
        "Schulen",
        "Straßen",
        "Brücken",
        "Wohnhäuser",
        "Sportplätze",
        "Bibliotheken",
        "Kindergärten",
        "Werkstätten",
        "Lagerhallen",
        "Kraftwerke",
        "Windparks",
        "Solaranlagen",
        "Wasserleitungen",
        "Bahnhöfe",
        "Busdepots",
        "Molkereien",
        "Bäckereien",
        "Sägewerke",
        "Ziegeleien",
        "Gewächshäuser",
        "Fischteiche",
        "Obstgärten",
        "Museen",
        "Theater",
        "Parkanlagen",
        "Labore",
        "Kliniken",
        "Markthallen",
        "Flusshäfen",
        "Radwege"
    };

    private SyntheticCorpus() {}

    /** Stores articles {@code 0 … count-1} with ids {@code syn-000000}…; returns the ids. */
    public static List<ArticleId> fill(RunStore store, int count) {
        List<ArticleId> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            ArticleId id = id(n);
            CleanedArticle article = article(n);
            store.articles().saveCleaned(id, "synthetic/" + id.value() + ".txt", "hash-" + n, article);
            store.articles().saveTranslation(id, translation(n, article));
            store.articles().saveSummary(id, summary(n));
            ids.add(id);
        }
        return ids;
    }

    /** The word only the oldest of {@link #threeVersions}' reports has. */
    public static final String OLDEST_ONLY = "Pontonsteg";

    /**
     * Stores three versions of one report (cleaned only), {@code story-v0} published at {@code newest}, {@code
     * story-v1} (from "Minsk Times") a day before and {@code story-v2} two days before, the oldest with a sentence the
     * later ones dropped, holding {@link #OLDEST_ONLY}; returns their ids, newest first.
     */
    public static List<ArticleId> threeVersions(RunStore store, OffsetDateTime newest) {
        List<String> story = List.of(
                "In Grodno wurde am Freitag eine neue Brücke über die Memel für den Verkehr freigegeben.",
                "Der Bau dauerte drei Jahre und kostete nach Angaben der Stadtverwaltung rund vierzig Millionen Rubel.",
                "Die Brücke soll den Verkehr im Zentrum entlasten und die Fahrzeit zum Bahnhof verkürzen.",
                "Zur Eröffnung kamen viele Einwohner und Vertreter der Bauunternehmen der Region.");
        List<ArticleId> ids = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            ArticleId id = new ArticleId("story-v" + n);
            List<String> paragraphs = new ArrayList<>(story);
            if (n == 2) {
                paragraphs.add("Zuvor hatte ein Sprecher den " + OLDEST_ONLY + " am Fluss erwähnt.");
            }
            ArticleMetadata meta = new ArticleMetadata(
                    newest.minusDays(n),
                    null,
                    null,
                    "Politik",
                    "BelTA",
                    n == 1 ? "Minsk Times" : "BelTA",
                    "de",
                    null,
                    "in/" + id.value(),
                    null,
                    List.of());
            store.articles()
                    .saveCleaned(
                            id,
                            "in/" + id.value(),
                            "h-" + id.value(),
                            new CleanedArticle(
                                    id,
                                    "Neue Brücke in Grodno eröffnet (Fassung " + n + ")",
                                    paragraphs,
                                    meta,
                                    List.of()));
            ids.add(id);
        }
        return ids;
    }

    /** The id of article {@code n}. */
    public static ArticleId id(int n) {
        return new ArticleId(String.format(java.util.Locale.ROOT, "syn-%06d", n));
    }

    /** The keyword pair (German, English) article {@code n} is about: its headline and every paragraph use it. */
    public static String[] keyword(int n) {
        return WORDS[n % WORDS.length];
    }

    /** The person article {@code n} is mostly about. */
    public static Figure figure(int n) {
        return PEOPLE.get((n / 3) % PEOPLE.size());
    }

    /** When article {@code n} was published: one every few hours going back from December 2024, Minsk time. */
    public static OffsetDateTime published(int n) {
        return OffsetDateTime.of(2024, 12, 31, 20, 0, 0, 0, ZoneOffset.ofHours(3))
                .minusMinutes(97L * n);
    }

    /** The cleaned article {@code n}: a German title and four paragraphs. */
    public static CleanedArticle article(int n) {
        Random r = new Random(n);
        String[] w = keyword(n);
        Figure f = figure(n);
        String[] source = SOURCES[n % SOURCES.length];
        String place = PLACES[r.nextInt(PLACES.length)];
        List<String> paragraphs = List.of(
                f.german() + " sprach in " + place + " über die " + w[0] + " (Nr. " + n + ").",
                "Die " + w[0] + " sei für beide Länder von großer Bedeutung, sagte " + f.german() + ".",
                "Im Jahr 2024 wurden " + (100 + n % 900) + " Projekte vereinbart, für " + works(r) + ".",
                "Weitere Gespräche sind für den Herbst geplant.");
        ArticleMetadata meta = new ArticleMetadata(
                published(n),
                null,
                new Dateline(
                        place.toUpperCase(java.util.Locale.ROOT), published(n).toLocalDate(), source[0], place + " –"),
                source[1],
                source[0],
                source[0],
                "de",
                null,
                "synthetic/" + id(n).value() + ".txt",
                "https://example.org/news/" + n,
                List.of());
        return new CleanedArticle(
                id(n), f.german() + ": " + w[0] + " im Mittelpunkt (Nr. " + n + ")", paragraphs, meta, List.of());
    }

    /**
     * What an article's projects are for: twelve of {@link #WORKS} in an order of its own, so that two articles on the
     * same person, place and keyword are still different reports to the site's near-duplicate search.
     */
    private static String works(Random r) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            picked.add(WORKS[r.nextInt(WORKS.length)]);
        }
        return String.join(", ", picked.subList(0, 11)) + " und " + picked.get(11);
    }

    /** The English of article {@code n}, paragraph by paragraph. */
    public static Translation translation(int n, CleanedArticle article) {
        String[] w = keyword(n);
        Figure f = figure(n);
        String place = article.metadata().dateline().place();
        List<String> english = List.of(
                surname(f) + " spoke in " + capital(place) + " about the " + w[1] + " (No. " + n + ").",
                "The " + w[1] + " is of great importance for both countries, " + surname(f) + " said.",
                "In 2024, " + (100 + n % 900) + " projects were agreed.",
                "Further talks are planned for the autumn.");
        return new Translation(
                id(n),
                surname(f) + ": " + w[1] + " in focus (No. " + n + ")",
                capital(place) + " –",
                english,
                List.of(new CheckResult("numbers", CheckResult.Status.PASSED, List.of())),
                1,
                new Provenance(
                        ProviderKind.OPENAI,
                        "synthetic",
                        Map.of("translate", "v1"),
                        new Usage(300, 320),
                        Optional.of(new BigDecimal("0.0004")),
                        1));
    }

    /** The summary of article {@code n}. */
    public static Summary summary(int n) {
        Random r = new Random(31L * n + 7);
        String[] w = keyword(n);
        Figure f = figure(n);
        List<String> spellings = new ArrayList<>(f.variants());
        spellings.add(0, f.name());
        String named = spellings.get(n % spellings.size());
        Figure other = PEOPLE.get((n / 3 + 1 + r.nextInt(PEOPLE.size() - 1)) % PEOPLE.size());
        String[] org = ORGS[r.nextInt(ORGS.length)];
        String topic = TOPICS[n % TOPICS.length];
        return new Summary(
                id(n),
                new ArticleSummary(
                        capitalize(w[1]) + " in focus as " + surname(f) + " speaks (No. " + n + ")",
                        surname(f) + " spoke about the " + w[1] + ". Further talks are planned for the autumn.",
                        List.of(
                                "The " + w[1] + " matters to both countries.",
                                (100 + n % 900) + " projects were agreed."),
                        List.of(
                                new ArticleSummary.Person(named, f.role()),
                                new ArticleSummary.Person(other.name(), other.role())),
                        List.of(new ArticleSummary.Organization(org[0], org[1])),
                        List.of(PLACES[r.nextInt(PLACES.length)]),
                        List.of(new ArticleSummary.Quote(
                                f.name(), "The " + w[1] + " is of great importance for both countries")),
                        List.of(topic, "Belarus–Russia relations")),
                List.of(),
                false,
                true,
                new Provenance(
                        ProviderKind.OPENAI,
                        "synthetic",
                        Map.of(Summary.TASK, "v1"),
                        new Usage(400, 150),
                        Optional.of(new BigDecimal("0.0003")),
                        1));
    }

    private static String surname(Figure f) {
        String[] words = f.name().split(" ");
        return words[words.length - 1];
    }

    private static String capital(String place) {
        return place.charAt(0) + place.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
