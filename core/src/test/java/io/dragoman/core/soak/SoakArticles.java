package io.dragoman.core.soak;

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

/**
 * Synthetic BelTA-style German news pages, each with the English a faithful translator would write for its title,
 * dateline and paragraphs. Article {@code n} is the same on every call (its slots come from a random source seeded with
 * {@code n}), and its German title ends with {@code (Nr. n)}, so a stand-in model can tell from any prompt which article
 * it is about.
 */
final class SoakArticles {

    /**
     * One article: the scraped page, and its parts in German and English.
     *
     * @param number the article's number, in its title
     * @param page the plain-text page as a scraper saw it
     * @param titleDe the German title
     * @param titleEn its English
     * @param datelineDe the German dateline, e.g. {@code GRODNO, 4. März (BelTA) –}
     * @param datelineEn its English
     * @param paragraphsDe the German body paragraphs, dateline cut from the first
     * @param paragraphsEn their English
     * @param person the person the article names
     * @param roleEn that person's role, in English
     * @param cityEn the city, in English
     */
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
            String roleEn,
            String cityEn) {

        /** The article's id in a run. */
        String id() {
            return String.format(Locale.ROOT, "soak-%05d", number);
        }

        /** The article as a batch input. */
        Input input() {
            return new Input.Read(new RawArticle(
                    new ArticleId(id()),
                    "soak:" + number,
                    page.getBytes(StandardCharsets.UTF_8),
                    Optional.of("text/plain; charset=utf-8")));
        }

        /** The English of each German part: title, dateline and every paragraph. */
        Map<String, String> english() {
            Map<String, String> english = new HashMap<>();
            english.put(titleDe, titleEn);
            english.put(datelineDe, datelineEn);
            for (int i = 0; i < paragraphsDe.size(); i++) {
                english.put(paragraphsDe.get(i), paragraphsEn.get(i));
            }
            return english;
        }
    }

    private record Words(String de, String en) {}

    private record Official(String name, String roleDe, String roleEn) {}

    private static final Pattern NUMBER = Pattern.compile("\\(Nr\\. (\\d{1,9})\\)");

    private static final List<Words> CITIES = List.of(
            new Words("Grodno", "Grodno"),
            new Words("Brest", "Brest"),
            new Words("Gomel", "Gomel"),
            new Words("Mogiljow", "Mogilev"),
            new Words("Witebsk", "Vitebsk"),
            new Words("Bobruisk", "Bobruisk"),
            new Words("Pinsk", "Pinsk"),
            new Words("Orscha", "Orsha"));

    private static final List<Words> MONTHS = List.of(
            new Words("Januar", "January"),
            new Words("Februar", "February"),
            new Words("März", "March"),
            new Words("April", "April"),
            new Words("Mai", "May"),
            new Words("Juni", "June"),
            new Words("Juli", "July"),
            new Words("August", "August"),
            new Words("September", "September"),
            new Words("Oktober", "October"),
            new Words("November", "November"),
            new Words("Dezember", "December"));

    private static final List<Official> OFFICIALS = List.of(
            new Official("Irina Sokolowa", "Bürgermeisterin", "Mayor"),
            new Official("Pawel Orlow", "Stadtbaurat", "City Planning Officer"),
            new Official("Olga Kusnezowa", "Schulamtsleiterin", "Head of the Schools Office"),
            new Official("Dmitri Below", "Feuerwehrsprecher", "Fire Brigade Spokesman"),
            new Official("Natalja Petrowa", "Kulturreferentin", "Culture Officer"));

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

    private SoakArticles() {}

    /** The number in a German title {@code … (Nr. n)} anywhere in the text, if there is one. */
    static Optional<Long> numberIn(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** Article {@code number}, the same on every call. */
    static Article article(long number) {
        SplittableRandom random = new SplittableRandom(number * 0x9E3779B97F4A7C15L + 17);
        Words city = pick(random, CITIES);
        Words month = pick(random, MONTHS);
        Official official = pick(random, OFFICIALS);
        Map<String, String> slots = new HashMap<>();
        slots.put("city", city.de());
        slots.put("cityEn", city.en());
        slots.put("monthDe", month.de());
        slots.put("monthEn", month.en());
        slots.put("person", official.name());
        slots.put("roleDe", official.roleDe());
        slots.put("roleEn", official.roleEn());
        slots.put("day", Integer.toString(1 + random.nextInt(28)));
        slots.put("n", Integer.toString(12 + random.nextInt(80)));
        slots.put("n2", Integer.toString(120 + random.nextInt(800)));
        slots.put("m", Integer.toString(2 + random.nextInt(60)));
        slots.put("k", Integer.toString(3 + random.nextInt(9)));
        slots.put("few", Integer.toString(3 + random.nextInt(6)));

        List<Words> sentences = new ArrayList<>(SENTENCES);
        for (int i = sentences.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Words t = sentences.get(i);
            sentences.set(i, sentences.get(j));
            sentences.set(j, t);
        }
        int count = 3 + random.nextInt(3);
        List<String> de = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            Words first = sentences.get(2 * p);
            Words second = sentences.get(2 * p + 1);
            de.add(fill(first.de(), slots) + " " + fill(second.de(), slots));
            en.add(fill(first.en(), slots) + " " + fill(second.en(), slots));
        }
        Words title = pick(random, TITLES);
        String titleDe = fill(title.de(), slots) + " (Nr. " + number + ")";
        String titleEn = fill(title.en(), slots) + " (No. " + number + ")";
        String day = slots.get("day");
        String datelineDe = city.de().toUpperCase(Locale.GERMAN) + ", " + day + ". " + month.de() + " (BelTA) –";
        String datelineEn = city.en().toUpperCase(Locale.ROOT) + ", " + day + " " + month.en() + " (BelTA) –";

        StringBuilder page = new StringBuilder()
                .append("Projekte\nStaatsorgane\nAlle Nachrichten\nRegionen\n")
                .append(day)
                .append(' ')
                .append(month.de())
                .append(" 2025, ")
                .append(String.format(Locale.ROOT, "%02d:%02d", 7 + random.nextInt(14), random.nextInt(60)))
                .append("\n\n")
                .append(titleDe)
                .append("\n\n");
        for (int p = 0; p < count; p++) {
            if (p == 0) {
                page.append(datelineDe).append(' ');
            }
            page.append(de.get(p)).append("\n\n");
        }
        page.append("Abonnieren Sie uns auf\nTwitter\n");
        return new Article(
                number,
                page.toString(),
                titleDe,
                titleEn,
                datelineDe,
                datelineEn,
                List.copyOf(de),
                List.copyOf(en),
                official.name(),
                official.roleEn(),
                city.en());
    }

    private static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String fill(String template, Map<String, String> slots) {
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = slots.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("No value for " + m.group() + " in " + template);
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b.toString();
    }
}
