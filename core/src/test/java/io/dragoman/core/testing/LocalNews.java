package io.dragoman.core.testing;

import io.dragoman.core.testing.SyntheticNews.Person;
import io.dragoman.core.testing.SyntheticNews.Slot;
import io.dragoman.core.testing.SyntheticNews.Style;
import io.dragoman.core.testing.SyntheticNews.Topic;
import io.dragoman.core.testing.SyntheticNews.Words;
import java.util.List;

/**
 * The batch benchmark's articles: synthetic German local news ({@link SyntheticNews}) on seven topics, ids {@code
 * synthetic-000042}. Article {@code n} is the same on every call, so the stand-in model server regenerates the English
 * of an article from the number in its title instead of keeping anything per article: nothing grows with the number of
 * articles on either side. Pages carry a local paper's chrome (navigation and a weekday date line above, share and
 * subscribe lines below) and a dateline of one of four agencies; each topic's lede opens its articles.
 */
public final class LocalNews {

    /** The generator; article {@code n} is the same on every call. */
    public static final SyntheticNews NEWS;

    private static final List<Words> CITIES = List.of(
            new Words("Hamburg", "Hamburg"),
            new Words("Bremen", "Bremen"),
            new Words("Dresden", "Dresden"),
            new Words("Leipzig", "Leipzig"),
            new Words("Hannover", "Hanover"),
            new Words("München", "Munich"),
            new Words("Köln", "Cologne"),
            new Words("Nürnberg", "Nuremberg"),
            new Words("Kiel", "Kiel"),
            new Words("Mainz", "Mainz"),
            new Words("Erfurt", "Erfurt"),
            new Words("Potsdam", "Potsdam"),
            new Words("Rostock", "Rostock"),
            new Words("Freiburg", "Freiburg"),
            new Words("Augsburg", "Augsburg"),
            new Words("Kassel", "Kassel"));

    private static final List<String> AGENCIES = List.of("dpa", "epd", "AFP", "KNA");

    private static final List<Person> PEOPLE = List.of(
            new Person("Anna Weber", "Oberbürgermeisterin", "Mayor"),
            new Person("Thomas Schulz", "Stadtkämmerer", "City Treasurer"),
            new Person("Julia Becker", "Verkehrsdezernentin", "Transport Chief"),
            new Person("Markus Hoffmann", "Polizeisprecher", "Police Spokesman"),
            new Person("Sabine Koch", "Schulleiterin", "Head Teacher"),
            new Person("Stefan Wagner", "Feuerwehrchef", "Fire Chief"),
            new Person("Katrin Richter", "Kulturdezernentin", "Culture Chief"),
            new Person("Jens Neumann", "Landeswirtschaftsminister", "State Economy Minister"),
            new Person("Claudia Wolf", "Stadtwerkesprecherin", "Utilities Spokeswoman"),
            new Person("Michael Braun", "Mieterbundchef", "Tenants' Association Head"));

    private static final List<Words> GENERIC = List.of(
            new Words(
                    "Eine endgültige Entscheidung wird für die kommende Woche erwartet.",
                    "A final decision is expected in the coming week."),
            new Words(
                    "Weitere Einzelheiten wollte die Verwaltung zunächst nicht nennen.",
                    "The administration did not initially want to give any further details."),
            new Words(
                    "Die Pläne sollen am {day}. {monthDe} öffentlich vorgestellt werden.",
                    "The plans are to be presented to the public on {day} {monthEn}."),
            new Words(
                    "Kritiker bemängeln seit Langem fehlende Transparenz bei dem Vorhaben.",
                    "Critics have long complained about a lack of transparency in the project."));

    private static final List<Topic> TOPICS = List.of(
            new Topic(
                    "municipal budget",
                    List.of(new Words(
                            "{city}: Stadtrat beschließt Haushalt für {year}",
                            "{cityEn}: city council adopts budget for {year}")),
                    List.of(
                            new Words(
                                    "Der Stadtrat von {city} hat am {day}. {monthDe} den Haushalt für das Jahr {year} mit {n} Stimmen beschlossen.",
                                    "The city council of {cityEn} adopted the budget for {year} with {n} votes on {day} {monthEn}."),
                            new Words(
                                    "Das Volumen beträgt {m},{d} Millionen Euro und liegt damit {p},{q} Prozent über dem Vorjahr.",
                                    "It amounts to {m}.{d} million euros, which is {p}.{q} per cent above the previous year."),
                            new Words(
                                    "{roleDe} {person} sprach von einem soliden Ergebnis trotz steigender Kosten.",
                                    "{roleEn} {person} spoke of a solid result despite rising costs."),
                            new Words(
                                    "Den größten Posten bilden mit {m2} Millionen Euro die Ausgaben für Schulen und Kitas.",
                                    "The largest item is spending on schools and day-care centres, at {m2} million euros."),
                            new Words(
                                    "Die Opposition kritisierte, dass die Schulden der Stadt weiter wachsen.",
                                    "The opposition criticised the fact that the city's debts keep growing."),
                            new Words(
                                    "Nach Angaben der Verwaltung sollen in den kommenden {k} Jahren {n2} neue Stellen entstehen.",
                                    "According to the administration, {n2} new posts are to be created over the next {k} years.")),
                    true),
            new Topic(
                    "public transport",
                    List.of(new Words(
                            "Neue Straßenbahnlinie in {city} fährt ab {monthDe}",
                            "New tram line in {cityEn} to run from {monthEn}")),
                    List.of(
                            new Words(
                                    "Die neue Straßenbahnlinie in {city} soll ab dem {day}. {monthDe} alle zehn Minuten fahren.",
                                    "The new tram line in {cityEn} is to run every ten minutes from {day} {monthEn}."),
                            new Words(
                                    "Die Strecke ist {k},{d} Kilometer lang und verbindet {n2} Haltestellen mit dem Hauptbahnhof.",
                                    "The route is {k}.{d} kilometres long and links {n2} stops with the main station."),
                            new Words(
                                    "Die Baukosten lagen bei rund {m} Millionen Euro, den größten Teil übernahm der Bund.",
                                    "Construction cost around {m} million euros, most of which the federal government paid."),
                            new Words(
                                    "{roleDe} {person} erwartet täglich etwa {big} Fahrgäste auf der neuen Linie.",
                                    "{roleEn} {person} expects about {bigEn} passengers a day on the new line."),
                            new Words(
                                    "Anwohner hatten sich jahrelang über Lärm und Staus in der Innenstadt beschwert.",
                                    "Residents had complained for years about noise and traffic jams in the city centre."),
                            new Words(
                                    "Während der Bauarbeiten wurde der Busverkehr immer wieder umgeleitet.",
                                    "Bus services were diverted again and again during the construction work.")),
                    true),
            new Topic(
                    "weather",
                    List.of(new Words(
                            "Sturm richtet in {city} schwere Schäden an", "Storm causes heavy damage in {cityEn}")),
                    List.of(
                            new Words(
                                    "Ein schwerer Sturm hat in der Nacht zum {weekdayDe} in {city} zahlreiche Bäume entwurzelt.",
                                    "A heavy storm uprooted numerous trees in {cityEn} in the night to {weekdayEn}."),
                            new Words(
                                    "Die Feuerwehr rückte nach eigenen Angaben zu {n} Einsätzen aus.",
                                    "The fire brigade said it had been called out {n} times."),
                            new Words(
                                    "Verletzt wurde niemand, mehrere Straßen blieben jedoch bis zum Morgen gesperrt.",
                                    "Nobody was injured, but several roads remained closed until the morning."),
                            new Words(
                                    "{roleDe} {person} schätzte den Schaden auf mindestens {m} Millionen Euro.",
                                    "{roleEn} {person} put the damage at no less than {m} million euros."),
                            new Words(
                                    "Der Wetterdienst hatte vor Böen mit bis zu {gust} Kilometern pro Stunde gewarnt.",
                                    "The weather service had warned of gusts of up to {gust} kilometres per hour."),
                            new Words(
                                    "Auch der Zugverkehr zwischen {city} und {city2} war stundenlang unterbrochen.",
                                    "Rail traffic between {cityEn} and {city2En} was also interrupted for hours.")),
                    true),
            new Topic(
                    "schools",
                    List.of(new Words(
                            "{city} saniert {n2} Schulen bis {year2}", "{cityEn} to renovate {n2} schools by {year2}")),
                    List.of(
                            new Words(
                                    "Die Stadt {city} will bis {year2} insgesamt {n2} Schulen sanieren und modernisieren.",
                                    "The city of {cityEn} plans to renovate and modernise a total of {n2} schools by {year2}."),
                            new Words(
                                    "Dafür stehen nach Angaben der Verwaltung {m} Millionen Euro zur Verfügung.",
                                    "According to the administration, {m} million euros are available for this."),
                            new Words(
                                    "{roleDe} {person} sagte, viele Gebäude stammten noch aus den siebziger Jahren.",
                                    "{roleEn} {person} said that many of the buildings dated back to the seventies."),
                            new Words(
                                    "Neben neuen Fenstern und Dächern sollen alle Klassenräume digitale Tafeln erhalten.",
                                    "Besides new windows and roofs, every classroom is to be given a digital whiteboard."),
                            new Words(
                                    "Der Elternbeirat begrüßte die Pläne, forderte aber einen schnelleren Zeitplan.",
                                    "The parents' council welcomed the plans but called for a faster timetable."),
                            new Words(
                                    "Im vergangenen Jahr hatten mehr als {big} Schüler an einer Umfrage zum Zustand ihrer Schulen teilgenommen.",
                                    "Last year more than {bigEn} pupils took part in a survey on the condition of their schools.")),
                    true),
            new Topic(
                    "crime",
                    List.of(new Words(
                            "Polizei in {city} nimmt mutmaßliche Einbrecher fest",
                            "Police in {cityEn} arrest suspected burglars")),
                    List.of(
                            new Words(
                                    "Die Polizei in {city} hat am {weekdayDe} {few} Männer festgenommen, die für eine Serie von Einbrüchen verantwortlich sein sollen.",
                                    "Police in {cityEn} on {weekdayEn} arrested {few} men who are believed to be responsible for a series of burglaries."),
                            new Words(
                                    "Den Verdächtigen werden nach Angaben der Ermittler mindestens {n} Taten zur Last gelegt.",
                                    "According to the investigators, the suspects are accused of at least {n} offences."),
                            new Words(
                                    "{roleDe} {person} sprach von einem wichtigen Erfolg für die Ermittler.",
                                    "{roleEn} {person} spoke of an important success for the investigators."),
                            new Words(
                                    "Bei Durchsuchungen stellten die Beamten Schmuck und Bargeld im Wert von rund {big} Euro sicher.",
                                    "During the searches, officers seized jewellery and cash worth around {bigEn} euros."),
                            new Words(
                                    "Die Männer sollen noch am selben Tag einem Haftrichter vorgeführt werden.",
                                    "The men are to be brought before a magistrate on the same day."),
                            new Words(
                                    "Die Zahl der Wohnungseinbrüche in {city} war zuletzt um {p},{q} Prozent gestiegen.",
                                    "The number of burglaries in {cityEn} had most recently risen by {p}.{q} per cent.")),
                    true),
            new Topic(
                    "economy",
                    List.of(new Words(
                            "Solarhersteller schafft {n} Arbeitsplätze in {city}",
                            "Solar manufacturer creates {n} jobs in {cityEn}")),
                    List.of(
                            new Words(
                                    "Ein Hersteller von Solaranlagen will in {city} ein neues Werk mit {n} Arbeitsplätzen errichten.",
                                    "A manufacturer of solar panels plans to build a new plant with {n} jobs in {cityEn}."),
                            new Words(
                                    "Die Investition beläuft sich nach Angaben des Unternehmens auf {m} Millionen Euro.",
                                    "According to the company, the investment amounts to {m} million euros."),
                            new Words(
                                    "{roleDe} {person} nannte die Entscheidung ein starkes Signal für die Region.",
                                    "{roleEn} {person} called the decision a strong signal for the region."),
                            new Words(
                                    "Die Produktion soll im {monthDe} {year} beginnen.",
                                    "Production is due to begin in {monthEn} {year}."),
                            new Words(
                                    "Die Arbeitslosenquote in der Region liegt derzeit bei {p},{q} Prozent.",
                                    "The unemployment rate in the region currently stands at {p}.{q} per cent."),
                            new Words(
                                    "Gewerkschaften forderten, dass die neuen Stellen nach Tarif bezahlt werden.",
                                    "Trade unions demanded that the new jobs be paid according to collective agreements.")),
                    true),
            new Topic(
                    "culture",
                    List.of(new Words(
                            "Stadtmuseum {city} zeigt {centuries} Jahre Stadtgeschichte",
                            "{cityEn} city museum shows {centuries} years of city history")),
                    List.of(
                            new Words(
                                    "Das Stadtmuseum in {city} eröffnet am {day}. {monthDe} eine Ausstellung über {centuries} Jahre Stadtgeschichte.",
                                    "The city museum in {cityEn} opens an exhibition on {centuries} years of city history on {day} {monthEn}."),
                            new Words(
                                    "Gezeigt werden mehr als {n} Objekte, darunter Karten, Fotografien und Alltagsgegenstände.",
                                    "More than {n} objects will be on display, including maps, photographs and everyday items."),
                            new Words(
                                    "{roleDe} {person} rechnet mit mindestens {big} Besuchern bis zum Jahresende.",
                                    "{roleEn} {person} expects at least {bigEn} visitors by the end of the year."),
                            new Words(
                                    "Der Eintritt kostet {fee} Euro, für Schüler und Studierende ist er frei.",
                                    "Admission costs {fee} euros and is free for pupils and students."),
                            new Words(
                                    "Die Ausstellung wurde gemeinsam mit der Universität vorbereitet.",
                                    "The exhibition was prepared jointly with the university."),
                            new Words(
                                    "Zahlreiche Leihgaben stammen aus dem Privatbesitz von Bürgern der Stadt.",
                                    "Many of the loans come from the private collections of the city's residents.")),
                    true));

    static {
        NEWS = new SyntheticNews(new Style(
                "synthetic",
                6,
                n -> 0x5DEECE66DL ^ (n * 0x9E3779B97F4A7C15L),
                CITIES,
                true,
                true,
                PEOPLE,
                List.of(
                        Slot.of("day", 1, 28),
                        Slot.of("year", 2024, 3),
                        Slot.grouped("big", 1_000, 49_000),
                        Slot.of("year2", 2027, 4),
                        Slot.of("n", 12, 470),
                        Slot.of("n2", 5, 36),
                        Slot.of("few", 2, 5),
                        Slot.of("m", 2, 89),
                        Slot.of("m2", 2, 89),
                        Slot.of("d", 1, 9),
                        Slot.of("p", 1, 9),
                        Slot.of("q", 1, 9),
                        Slot.of("k", 3, 7),
                        Slot.of("gust", 80, 61),
                        Slot.of("centuries", 100, 800),
                        Slot.of("fee", 4, 9)),
                TOPICS,
                GENERIC,
                AGENCIES,
                6,
                16,
                "Startseite\nLokales\n{city}\n{weekdayDe}, {day}. {monthDe} {year}, {time}",
                "Teilen Sie diesen Artikel\nAbonnieren Sie unseren Newsletter\nWeitere Nachrichten aus {city}\n"));
    }

    private LocalNews() {}
}
