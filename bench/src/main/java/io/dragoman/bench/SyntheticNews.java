package io.dragoman.bench;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.input.Input;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Synthetic German local news, each article with its English translation, made from sentence templates whose slots
 * (cities, people, numbers, dates) are filled from a random source seeded with the article's number. Article {@code n}
 * is the same on every call, so the stand-in model server regenerates the English of an article from the number in its
 * title instead of keeping anything per article: nothing grows with the number of articles on either side.
 *
 * <p>Every article has a page around it as a plain-text scrape has (navigation and a date line above, share and
 * subscribe lines below), a title that ends with {@code (Nr. n)}, an agency dateline and three to five paragraphs of
 * two sentences; articles differ in their number, topic, slot values and sentence order.
 */
final class SyntheticNews {

    /** One article: its page as the scraper saw it, and its parts in German and English. */
    record Article(
            long number,
            String page,
            String titleDe,
            String titleEn,
            String datelineDe,
            String datelineEn,
            List<String> paragraphsDe,
            List<String> paragraphsEn,
            String person,
            String role,
            String city,
            String topic) {

        /** The English of each German part: title, dateline and body paragraphs. */
        Map<String, String> english() {
            Map<String, String> english = new HashMap<>();
            english.put(titleDe, titleEn);
            english.put(datelineDe, datelineEn);
            for (int i = 0; i < paragraphsDe.size(); i++) {
                english.put(paragraphsDe.get(i), paragraphsEn.get(i));
            }
            return english;
        }

        /** The article as an input of a batch. */
        Input input() {
            return new Input.Read(new RawArticle(
                    new ArticleId(String.format(Locale.ROOT, "synthetic-%06d", number)),
                    "synthetic:" + number,
                    page.getBytes(StandardCharsets.UTF_8),
                    Optional.of("text/plain; charset=utf-8")));
        }
    }

    private static final Pattern NUMBER_IN_TITLE = Pattern.compile("\\(Nr\\. (\\d{1,9})\\)\\s*$");

    private SyntheticNews() {}

    /**
     * Articles {@code 0} to {@code count - 1} as a lazy stream: each is made when the stream reaches it and nothing
     * holds on to it afterwards.
     */
    static Stream<Input> inputs(int count) {
        return Stream.iterate(0L, n -> n < count, n -> n + 1)
                .map(n -> article(n).input());
    }

    /** The number of the article whose German title this is, if it is one of these articles. */
    static Optional<Long> numberInTitle(String titleDe) {
        Matcher m = NUMBER_IN_TITLE.matcher(titleDe.strip());
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    // ------------------------------------------------------------------ vocabulary

    private record Pair(String de, String en) {}

    private record Person(String name, String roleDe, String roleEn) {}

    private record Topic(String labelEn, Pair title, List<Pair> sentences) {}

    private static final List<Pair> CITIES = List.of(
            new Pair("Hamburg", "Hamburg"),
            new Pair("Bremen", "Bremen"),
            new Pair("Dresden", "Dresden"),
            new Pair("Leipzig", "Leipzig"),
            new Pair("Hannover", "Hanover"),
            new Pair("München", "Munich"),
            new Pair("Köln", "Cologne"),
            new Pair("Nürnberg", "Nuremberg"),
            new Pair("Kiel", "Kiel"),
            new Pair("Mainz", "Mainz"),
            new Pair("Erfurt", "Erfurt"),
            new Pair("Potsdam", "Potsdam"),
            new Pair("Rostock", "Rostock"),
            new Pair("Freiburg", "Freiburg"),
            new Pair("Augsburg", "Augsburg"),
            new Pair("Kassel", "Kassel"));

    private static final List<Pair> MONTHS = List.of(
            new Pair("Januar", "January"),
            new Pair("Februar", "February"),
            new Pair("März", "March"),
            new Pair("April", "April"),
            new Pair("Mai", "May"),
            new Pair("Juni", "June"),
            new Pair("Juli", "July"),
            new Pair("August", "August"),
            new Pair("September", "September"),
            new Pair("Oktober", "October"),
            new Pair("November", "November"),
            new Pair("Dezember", "December"));

    private static final List<Pair> WEEKDAYS = List.of(
            new Pair("Montag", "Monday"),
            new Pair("Dienstag", "Tuesday"),
            new Pair("Mittwoch", "Wednesday"),
            new Pair("Donnerstag", "Thursday"),
            new Pair("Freitag", "Friday"),
            new Pair("Samstag", "Saturday"));

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

    private static final List<Pair> GENERIC = List.of(
            new Pair(
                    "Eine endgültige Entscheidung wird für die kommende Woche erwartet.",
                    "A final decision is expected in the coming week."),
            new Pair(
                    "Weitere Einzelheiten wollte die Verwaltung zunächst nicht nennen.",
                    "The administration did not initially want to give any further details."),
            new Pair(
                    "Die Pläne sollen am {day}. {monthDe} öffentlich vorgestellt werden.",
                    "The plans are to be presented to the public on {day} {monthEn}."),
            new Pair(
                    "Kritiker bemängeln seit Langem fehlende Transparenz bei dem Vorhaben.",
                    "Critics have long complained about a lack of transparency in the project."));

    private static final List<Topic> TOPICS = List.of(
            new Topic(
                    "municipal budget",
                    new Pair(
                            "{city}: Stadtrat beschließt Haushalt für {year}",
                            "{cityEn}: city council adopts budget for {year}"),
                    List.of(
                            new Pair(
                                    "Der Stadtrat von {city} hat am {day}. {monthDe} den Haushalt für das Jahr {year} mit {n} Stimmen beschlossen.",
                                    "The city council of {cityEn} adopted the budget for {year} with {n} votes on {day} {monthEn}."),
                            new Pair(
                                    "Das Volumen beträgt {m},{d} Millionen Euro und liegt damit {p},{q} Prozent über dem Vorjahr.",
                                    "It amounts to {m}.{d} million euros, which is {p}.{q} per cent above the previous year."),
                            new Pair(
                                    "{roleDe} {person} sprach von einem soliden Ergebnis trotz steigender Kosten.",
                                    "{roleEn} {person} spoke of a solid result despite rising costs."),
                            new Pair(
                                    "Den größten Posten bilden mit {m2} Millionen Euro die Ausgaben für Schulen und Kitas.",
                                    "The largest item is spending on schools and day-care centres, at {m2} million euros."),
                            new Pair(
                                    "Die Opposition kritisierte, dass die Schulden der Stadt weiter wachsen.",
                                    "The opposition criticised the fact that the city's debts keep growing."),
                            new Pair(
                                    "Nach Angaben der Verwaltung sollen in den kommenden {k} Jahren {n2} neue Stellen entstehen.",
                                    "According to the administration, {n2} new posts are to be created over the next {k} years."))),
            new Topic(
                    "public transport",
                    new Pair(
                            "Neue Straßenbahnlinie in {city} fährt ab {monthDe}",
                            "New tram line in {cityEn} to run from {monthEn}"),
                    List.of(
                            new Pair(
                                    "Die neue Straßenbahnlinie in {city} soll ab dem {day}. {monthDe} alle zehn Minuten fahren.",
                                    "The new tram line in {cityEn} is to run every ten minutes from {day} {monthEn}."),
                            new Pair(
                                    "Die Strecke ist {k},{d} Kilometer lang und verbindet {n2} Haltestellen mit dem Hauptbahnhof.",
                                    "The route is {k}.{d} kilometres long and links {n2} stops with the main station."),
                            new Pair(
                                    "Die Baukosten lagen bei rund {m} Millionen Euro, den größten Teil übernahm der Bund.",
                                    "Construction cost around {m} million euros, most of which the federal government paid."),
                            new Pair(
                                    "{roleDe} {person} erwartet täglich etwa {big} Fahrgäste auf der neuen Linie.",
                                    "{roleEn} {person} expects about {bigEn} passengers a day on the new line."),
                            new Pair(
                                    "Anwohner hatten sich jahrelang über Lärm und Staus in der Innenstadt beschwert.",
                                    "Residents had complained for years about noise and traffic jams in the city centre."),
                            new Pair(
                                    "Während der Bauarbeiten wurde der Busverkehr immer wieder umgeleitet.",
                                    "Bus services were diverted again and again during the construction work."))),
            new Topic(
                    "weather",
                    new Pair("Sturm richtet in {city} schwere Schäden an", "Storm causes heavy damage in {cityEn}"),
                    List.of(
                            new Pair(
                                    "Ein schwerer Sturm hat in der Nacht zum {weekdayDe} in {city} zahlreiche Bäume entwurzelt.",
                                    "A heavy storm uprooted numerous trees in {cityEn} in the night to {weekdayEn}."),
                            new Pair(
                                    "Die Feuerwehr rückte nach eigenen Angaben zu {n} Einsätzen aus.",
                                    "The fire brigade said it had been called out {n} times."),
                            new Pair(
                                    "Verletzt wurde niemand, mehrere Straßen blieben jedoch bis zum Morgen gesperrt.",
                                    "Nobody was injured, but several roads remained closed until the morning."),
                            new Pair(
                                    "{roleDe} {person} schätzte den Schaden auf mindestens {m} Millionen Euro.",
                                    "{roleEn} {person} put the damage at no less than {m} million euros."),
                            new Pair(
                                    "Der Wetterdienst hatte vor Böen mit bis zu {gust} Kilometern pro Stunde gewarnt.",
                                    "The weather service had warned of gusts of up to {gust} kilometres per hour."),
                            new Pair(
                                    "Auch der Zugverkehr zwischen {city} und {city2} war stundenlang unterbrochen.",
                                    "Rail traffic between {cityEn} and {city2En} was also interrupted for hours."))),
            new Topic(
                    "schools",
                    new Pair("{city} saniert {n2} Schulen bis {year2}", "{cityEn} to renovate {n2} schools by {year2}"),
                    List.of(
                            new Pair(
                                    "Die Stadt {city} will bis {year2} insgesamt {n2} Schulen sanieren und modernisieren.",
                                    "The city of {cityEn} plans to renovate and modernise a total of {n2} schools by {year2}."),
                            new Pair(
                                    "Dafür stehen nach Angaben der Verwaltung {m} Millionen Euro zur Verfügung.",
                                    "According to the administration, {m} million euros are available for this."),
                            new Pair(
                                    "{roleDe} {person} sagte, viele Gebäude stammten noch aus den siebziger Jahren.",
                                    "{roleEn} {person} said that many of the buildings dated back to the seventies."),
                            new Pair(
                                    "Neben neuen Fenstern und Dächern sollen alle Klassenräume digitale Tafeln erhalten.",
                                    "Besides new windows and roofs, every classroom is to be given a digital whiteboard."),
                            new Pair(
                                    "Der Elternbeirat begrüßte die Pläne, forderte aber einen schnelleren Zeitplan.",
                                    "The parents' council welcomed the plans but called for a faster timetable."),
                            new Pair(
                                    "Im vergangenen Jahr hatten mehr als {big} Schüler an einer Umfrage zum Zustand ihrer Schulen teilgenommen.",
                                    "Last year more than {bigEn} pupils took part in a survey on the condition of their schools."))),
            new Topic(
                    "crime",
                    new Pair(
                            "Polizei in {city} nimmt mutmaßliche Einbrecher fest",
                            "Police in {cityEn} arrest suspected burglars"),
                    List.of(
                            new Pair(
                                    "Die Polizei in {city} hat am {weekdayDe} {few} Männer festgenommen, die für eine Serie von Einbrüchen verantwortlich sein sollen.",
                                    "Police in {cityEn} on {weekdayEn} arrested {few} men who are believed to be responsible for a series of burglaries."),
                            new Pair(
                                    "Den Verdächtigen werden nach Angaben der Ermittler mindestens {n} Taten zur Last gelegt.",
                                    "According to the investigators, the suspects are accused of at least {n} offences."),
                            new Pair(
                                    "{roleDe} {person} sprach von einem wichtigen Erfolg für die Ermittler.",
                                    "{roleEn} {person} spoke of an important success for the investigators."),
                            new Pair(
                                    "Bei Durchsuchungen stellten die Beamten Schmuck und Bargeld im Wert von rund {big} Euro sicher.",
                                    "During the searches, officers seized jewellery and cash worth around {bigEn} euros."),
                            new Pair(
                                    "Die Männer sollen noch am selben Tag einem Haftrichter vorgeführt werden.",
                                    "The men are to be brought before a magistrate on the same day."),
                            new Pair(
                                    "Die Zahl der Wohnungseinbrüche in {city} war zuletzt um {p},{q} Prozent gestiegen.",
                                    "The number of burglaries in {cityEn} had most recently risen by {p}.{q} per cent."))),
            new Topic(
                    "economy",
                    new Pair(
                            "Solarhersteller schafft {n} Arbeitsplätze in {city}",
                            "Solar manufacturer creates {n} jobs in {cityEn}"),
                    List.of(
                            new Pair(
                                    "Ein Hersteller von Solaranlagen will in {city} ein neues Werk mit {n} Arbeitsplätzen errichten.",
                                    "A manufacturer of solar panels plans to build a new plant with {n} jobs in {cityEn}."),
                            new Pair(
                                    "Die Investition beläuft sich nach Angaben des Unternehmens auf {m} Millionen Euro.",
                                    "According to the company, the investment amounts to {m} million euros."),
                            new Pair(
                                    "{roleDe} {person} nannte die Entscheidung ein starkes Signal für die Region.",
                                    "{roleEn} {person} called the decision a strong signal for the region."),
                            new Pair(
                                    "Die Produktion soll im {monthDe} {year} beginnen.",
                                    "Production is due to begin in {monthEn} {year}."),
                            new Pair(
                                    "Die Arbeitslosenquote in der Region liegt derzeit bei {p},{q} Prozent.",
                                    "The unemployment rate in the region currently stands at {p}.{q} per cent."),
                            new Pair(
                                    "Gewerkschaften forderten, dass die neuen Stellen nach Tarif bezahlt werden.",
                                    "Trade unions demanded that the new jobs be paid according to collective agreements."))),
            new Topic(
                    "culture",
                    new Pair(
                            "Stadtmuseum {city} zeigt {centuries} Jahre Stadtgeschichte",
                            "{cityEn} city museum shows {centuries} years of city history"),
                    List.of(
                            new Pair(
                                    "Das Stadtmuseum in {city} eröffnet am {day}. {monthDe} eine Ausstellung über {centuries} Jahre Stadtgeschichte.",
                                    "The city museum in {cityEn} opens an exhibition on {centuries} years of city history on {day} {monthEn}."),
                            new Pair(
                                    "Gezeigt werden mehr als {n} Objekte, darunter Karten, Fotografien und Alltagsgegenstände.",
                                    "More than {n} objects will be on display, including maps, photographs and everyday items."),
                            new Pair(
                                    "{roleDe} {person} rechnet mit mindestens {big} Besuchern bis zum Jahresende.",
                                    "{roleEn} {person} expects at least {bigEn} visitors by the end of the year."),
                            new Pair(
                                    "Der Eintritt kostet {fee} Euro, für Schüler und Studierende ist er frei.",
                                    "Admission costs {fee} euros and is free for pupils and students."),
                            new Pair(
                                    "Die Ausstellung wurde gemeinsam mit der Universität vorbereitet.",
                                    "The exhibition was prepared jointly with the university."),
                            new Pair(
                                    "Zahlreiche Leihgaben stammen aus dem Privatbesitz von Bürgern der Stadt.",
                                    "Many of the loans come from the private collections of the city's residents."))));

    // ------------------------------------------------------------------ generation

    /** Article {@code number}, the same on every call. */
    static Article article(long number) {
        SplittableRandom random = new SplittableRandom(0x5DEECE66DL ^ (number * 0x9E3779B97F4A7C15L));
        Topic topic = TOPICS.get(random.nextInt(TOPICS.size()));
        Pair city = pick(random, CITIES);
        Pair city2 = pick(random, CITIES);
        while (city2.equals(city)) {
            city2 = pick(random, CITIES);
        }
        Pair month = pick(random, MONTHS);
        Pair weekday = pick(random, WEEKDAYS);
        Person person = pick(random, PEOPLE);
        int day = 1 + random.nextInt(28);
        int year = 2024 + random.nextInt(3);
        int big = 1_000 + random.nextInt(49_000);
        Map<String, String> slots = new HashMap<>();
        slots.put("city", city.de());
        slots.put("cityEn", city.en());
        slots.put("city2", city2.de());
        slots.put("city2En", city2.en());
        slots.put("monthDe", month.de());
        slots.put("monthEn", month.en());
        slots.put("weekdayDe", weekday.de());
        slots.put("weekdayEn", weekday.en());
        slots.put("person", person.name());
        slots.put("roleDe", person.roleDe());
        slots.put("roleEn", person.roleEn());
        slots.put("day", Integer.toString(day));
        slots.put("year", Integer.toString(year));
        slots.put("year2", Integer.toString(2027 + random.nextInt(4)));
        slots.put("n", Integer.toString(12 + random.nextInt(470)));
        slots.put("n2", Integer.toString(5 + random.nextInt(36)));
        slots.put("few", Integer.toString(2 + random.nextInt(5)));
        slots.put("m", Integer.toString(2 + random.nextInt(89)));
        slots.put("m2", Integer.toString(2 + random.nextInt(89)));
        slots.put("d", Integer.toString(1 + random.nextInt(9)));
        slots.put("p", Integer.toString(1 + random.nextInt(9)));
        slots.put("q", Integer.toString(1 + random.nextInt(9)));
        slots.put("k", Integer.toString(3 + random.nextInt(7)));
        slots.put("gust", Integer.toString(80 + random.nextInt(61)));
        slots.put("centuries", Integer.toString(100 + random.nextInt(800)));
        slots.put("fee", Integer.toString(4 + random.nextInt(9)));
        slots.put("big", String.format(Locale.GERMANY, "%,d", big));
        slots.put("bigEn", String.format(Locale.ROOT, "%,d", big));

        List<Pair> sentences = new ArrayList<>(topic.sentences());
        sentences.addAll(GENERIC);
        // the lede stays first; the rest in an order of this article's own
        for (int i = sentences.size() - 1; i > 1; i--) {
            int j = 1 + random.nextInt(i);
            Pair t = sentences.get(i);
            sentences.set(i, sentences.get(j));
            sentences.set(j, t);
        }
        int paragraphs = 3 + random.nextInt(3);
        List<String> de = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (int p = 0; p < paragraphs; p++) {
            Pair a = sentences.get(2 * p);
            Pair b = sentences.get(2 * p + 1);
            de.add(fill(a.de(), slots) + " " + fill(b.de(), slots));
            en.add(fill(a.en(), slots) + " " + fill(b.en(), slots));
        }
        String agency = pick(random, AGENCIES);
        String datelineDe =
                city.de().toUpperCase(Locale.GERMAN) + ", " + day + ". " + month.de() + " (" + agency + ") –";
        String datelineEn = city.en().toUpperCase(Locale.ROOT) + ", " + day + " " + month.en() + " (" + agency + ") –";
        String titleDe = fill(topic.title().de(), slots) + " (Nr. " + number + ")";
        String titleEn = fill(topic.title().en(), slots) + " (No. " + number + ")";

        StringBuilder page = new StringBuilder();
        page.append("Startseite\nLokales\n").append(city.de()).append('\n');
        page.append(String.format(
                Locale.ROOT,
                "%s, %d. %s %d, %02d:%02d%n%n",
                weekday.de(),
                day,
                month.de(),
                year,
                6 + random.nextInt(16),
                random.nextInt(60)));
        page.append(titleDe).append("\n\n");
        for (int p = 0; p < paragraphs; p++) {
            page.append(p == 0 ? datelineDe + " " : "").append(de.get(p)).append("\n\n");
        }
        page.append("Teilen Sie diesen Artikel\nAbonnieren Sie unseren Newsletter\nWeitere Nachrichten aus ")
                .append(city.de())
                .append('\n');
        return new Article(
                number,
                page.toString(),
                titleDe,
                titleEn,
                datelineDe,
                datelineEn,
                List.copyOf(de),
                List.copyOf(en),
                person.name(),
                person.roleEn(),
                city.en(),
                topic.labelEn());
    }

    private static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String fill(String template, Map<String, String> slots) {
        StringBuilder b = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                b.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            b.append(template, i, open);
            String value = slots.get(template.substring(open + 1, close));
            if (value == null) {
                throw new IllegalStateException("No slot " + template.substring(open, close + 1) + " in " + template);
            }
            b.append(value);
            i = close + 1;
        }
        return b.toString();
    }
}
