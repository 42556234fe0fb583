package io.dragoman.core.soak;

import io.dragoman.core.testing.SyntheticNews;
import io.dragoman.core.testing.SyntheticNews.Article;
import io.dragoman.core.testing.SyntheticNews.Person;
import io.dragoman.core.testing.SyntheticNews.Slot;
import io.dragoman.core.testing.SyntheticNews.Style;
import io.dragoman.core.testing.SyntheticNews.Topic;
import io.dragoman.core.testing.SyntheticNews.Words;
import java.util.List;
import java.util.Optional;

/**
 * The soak's articles: synthetic BelTA-style regional news from Belarus ({@link SyntheticNews}), ids {@code
 * soak-00042}. Article {@code n} is the same on every call and its German title ends with {@code (Nr. n)}, so the
 * stand-in model can tell from any prompt which article it is about.
 */
public final class SoakArticles {

    private static final List<Words> CITIES = List.of(
            new Words("Grodno", "Grodno"),
            new Words("Brest", "Brest"),
            new Words("Gomel", "Gomel"),
            new Words("Mogiljow", "Mogilev"),
            new Words("Witebsk", "Vitebsk"),
            new Words("Bobruisk", "Bobruisk"),
            new Words("Pinsk", "Pinsk"),
            new Words("Orscha", "Orsha"));

    private static final List<Person> PEOPLE = List.of(
            new Person("Irina Sokolowa", "Bürgermeisterin", "Mayor"),
            new Person("Pawel Orlow", "Stadtbaurat", "City Planning Officer"),
            new Person("Olga Kusnezowa", "Schulamtsleiterin", "Head of the Schools Office"),
            new Person("Dmitri Below", "Feuerwehrsprecher", "Fire Brigade Spokesman"),
            new Person("Natalja Petrowa", "Kulturreferentin", "Culture Officer"));

    private static final List<Words> TITLES = List.of(
            new Words(
                    "{city} plant neues Hallenbad für {m} Millionen Euro",
                    "{cityEn} plans new indoor pool for {m} million euros"),
            new Words(
                    "Hochwasser in {city}: Pegel steigt auf {n} Zentimeter",
                    "Flooding in {cityEn}: water level rises to {n} centimetres"),
            new Words(
                    "Stadtbibliothek {city} verlängert Öffnungszeiten", "{cityEn} city library extends opening hours"),
            new Words(
                    "Radwegenetz in {city} wächst um {k} Kilometer",
                    "Cycle path network in {cityEn} grows by {k} kilometres"));

    private static final List<Words> SENTENCES = List.of(
            new Words(
                    "Der Stadtrat von {city} hat am {day}. {monthDe} mit {n} Stimmen einen entsprechenden Beschluss gefasst.",
                    "The city council of {cityEn} passed a corresponding resolution with {n} votes on {day} {monthEn}."),
            new Words(
                    "Die Kosten belaufen sich nach Angaben der Verwaltung auf rund {m} Millionen Euro.",
                    "According to the administration, the costs amount to around {m} million euros."),
            new Words(
                    "{roleDe} {person} sprach von einem wichtigen Schritt für die ganze Region.",
                    "{roleEn} {person} spoke of an important step for the whole region."),
            new Words(
                    "Die Arbeiten sollen im kommenden Frühjahr beginnen und etwa {k} Jahre dauern.",
                    "The work is due to begin next spring and to last about {k} years."),
            new Words(
                    "Anwohner hatten sich seit Langem über die schlechten Bedingungen beschwert.",
                    "Residents had long complained about the poor conditions."),
            new Words(
                    "Die Opposition kritisierte die Pläne als zu teuer und schlecht vorbereitet.",
                    "The opposition criticised the plans as too expensive and poorly prepared."),
            new Words(
                    "Nach Schätzungen der Stadtwerke profitieren davon täglich etwa {n2} Familien.",
                    "According to estimates by the municipal utility, about {n2} families benefit from it every day."),
            new Words(
                    "Eine endgültige Entscheidung der Regierung wird für den Herbst erwartet.",
                    "A final decision by the government is expected in the autumn."),
            new Words(
                    "Weitere Einzelheiten will die Verwaltung in den nächsten Wochen bekannt geben.",
                    "The administration intends to announce further details in the coming weeks."),
            new Words(
                    "Bereits im vergangenen Jahr waren {n2} Anträge bei der Stadt eingegangen.",
                    "Last year {n2} applications had already been submitted to the city."),
            new Words(
                    "Die Feuerwehr war nach eigenen Angaben mit {few} Fahrzeugen im Einsatz.",
                    "The fire brigade said it had deployed {few} vehicles."),
            new Words(
                    "Die Polizei sperrte mehrere Straßen in der Innenstadt für einige Stunden.",
                    "The police closed several streets in the city centre for a few hours."));

    private static final SyntheticNews NEWS = new SyntheticNews(new Style(
            "soak",
            5,
            n -> n * 0x9E3779B97F4A7C15L + 17,
            CITIES,
            false,
            false,
            PEOPLE,
            List.of(
                    Slot.of("day", 1, 28),
                    Slot.of("n", 12, 80),
                    Slot.of("n2", 120, 800),
                    Slot.of("m", 2, 60),
                    Slot.of("k", 3, 9),
                    Slot.of("few", 3, 6)),
            List.of(new Topic("regional news", TITLES, SENTENCES, false)),
            List.of(),
            List.of("BelTA"),
            7,
            14,
            "Projekte\nStaatsorgane\nAlle Nachrichten\nRegionen\n{day} {monthDe} 2025, {time}",
            "Abonnieren Sie uns auf\nTwitter\n"));

    private SoakArticles() {}

    /** The number in a German title {@code … (Nr. n)} anywhere in the text, if there is one. */
    public static Optional<Long> numberIn(String text) {
        return SyntheticNews.numberIn(text);
    }

    /** Article {@code number}, the same on every call. */
    public static Article article(long number) {
        return NEWS.article(number);
    }
}
