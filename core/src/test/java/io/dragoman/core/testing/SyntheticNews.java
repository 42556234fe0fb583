package io.dragoman.core.testing;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.input.Input;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Synthetic German news pages, each with the English a faithful translator would write for its title, dateline and
 * paragraphs, made from the sentence templates of a {@link Style} whose slots (cities, people, numbers, dates) are
 * filled from a random source seeded with the article's number.
 *
 * <p>Article {@code n} is the same on every call, and its German title ends with {@code (Nr. n)}, so a stand-in model
 * can regenerate the English of any article from the number in a prompt instead of keeping anything per article.
 * Every page has the style's chrome around it as a plain-text scrape has (navigation and a date line above, a footer
 * below), an agency dateline opening the first paragraph, and three to five paragraphs of two sentences each.
 */
public final class SyntheticNews {

    /** German months, January first; every style dates its articles with them. */
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

    /** German weekdays Monday to Saturday, for styles whose pages name the weekday. */
    private static final List<Words> WEEKDAYS = List.of(
            new Words("Montag", "Monday"),
            new Words("Dienstag", "Tuesday"),
            new Words("Mittwoch", "Wednesday"),
            new Words("Donnerstag", "Thursday"),
            new Words("Freitag", "Friday"),
            new Words("Samstag", "Saturday"));

    /** The article number in a German title, {@code (Nr. 42)}, or in its English, {@code (No. 42)}. */
    private static final Pattern NUMBER = Pattern.compile("\\((?:Nr|No)\\. (\\d{1,9})\\)");

    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

    private final Style style;

    /** A generator of articles in {@code style}. */
    public SyntheticNews(Style style) {
        this.style = Objects.requireNonNull(style, "style");
    }

    /** A German text and its English. */
    public record Words(String de, String en) {}

    /** A person articles quote, with the role in both languages. */
    public record Person(String name, String roleDe, String roleEn) {}

    /**
     * A number slot: {@code {name}} is {@code from} plus a draw below {@code count}; a grouped number is written with
     * German thousands separators there and English ones in {@code {nameEn}}.
     */
    public record Slot(String name, int from, int count, boolean grouped) {

        /** An ungrouped number slot. */
        public static Slot of(String name, int from, int count) {
            return new Slot(name, from, count, false);
        }

        /** A slot written with thousands separators, German in {@code {name}}, English in {@code {nameEn}}. */
        public static Slot grouped(String name, int from, int count) {
            return new Slot(name, from, count, true);
        }
    }

    /**
     * What an article is about: headline templates (one is drawn when there are several) and sentence templates.
     *
     * @param labelEn the topic in English, for summaries
     * @param headlines German headlines and their English
     * @param sentences sentence templates; with {@code ledeFirst} the first one opens every article
     * @param ledeFirst whether the first sentence stays first while the others are shuffled
     */
    public record Topic(String labelEn, List<Words> headlines, List<Words> sentences, boolean ledeFirst) {
        /** Copies the lists. */
        public Topic {
            headlines = List.copyOf(headlines);
            sentences = List.copyOf(sentences);
        }
    }

    /**
     * The vocabulary and page chrome of a kind of news. Templates name slots in braces: {@code {city}}/{@code
     * {cityEn}}, {@code {city2}}/{@code {city2En}} (with {@code secondCity}), {@code {monthDe}}/{@code {monthEn}},
     * {@code {weekdayDe}}/{@code {weekdayEn}} (with {@code weekday}), {@code {person}}, {@code {roleDe}}/{@code
     * {roleEn}}, every number slot, and in the header also {@code {time}}. Lists of one item are taken without a draw.
     *
     * @param name the article ids' prefix and the locations' scheme, e.g. {@code soak-00042} and {@code soak:42}
     * @param idDigits how many digits the number in an id has at least
     * @param seed the random seed of article {@code n}
     * @param cities city names, German and English
     * @param secondCity whether a second city, different from the first, is drawn
     * @param weekday whether a weekday is drawn
     * @param people the people articles quote
     * @param numbers number slots, drawn in this order
     * @param topics what articles are about
     * @param generic sentences any article may use, shuffled in with the topic's
     * @param agencies news agencies for the dateline
     * @param firstHour the earliest hour in the page's date line
     * @param hours how many hours from {@code firstHour} the date line's hour is drawn from
     * @param header the page above the title, up to the time it was published
     * @param footer the page below the last paragraph
     */
    public record Style(
            String name,
            int idDigits,
            LongUnaryOperator seed,
            List<Words> cities,
            boolean secondCity,
            boolean weekday,
            List<Person> people,
            List<Slot> numbers,
            List<Topic> topics,
            List<Words> generic,
            List<String> agencies,
            int firstHour,
            int hours,
            String header,
            String footer) {

        /** Copies the lists. */
        public Style {
            cities = List.copyOf(cities);
            people = List.copyOf(people);
            numbers = List.copyOf(numbers);
            topics = List.copyOf(topics);
            generic = List.copyOf(generic);
            agencies = List.copyOf(agencies);
        }
    }

    /**
     * One article: the scraped page, and its parts in German and English.
     *
     * @param number the article's number, in its title
     * @param id the article's id in a run
     * @param location where the article is said to come from
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
     * @param topicEn what the article is about, in English
     */
    public record Article(
            long number,
            String id,
            String location,
            String page,
            String titleDe,
            String titleEn,
            String datelineDe,
            String datelineEn,
            List<String> paragraphsDe,
            List<String> paragraphsEn,
            String person,
            String roleEn,
            String cityEn,
            String topicEn) {

        /** The article as a batch input. */
        public Input input() {
            return new Input.Read(new RawArticle(
                    new ArticleId(id),
                    location,
                    page.getBytes(StandardCharsets.UTF_8),
                    Optional.of("text/plain; charset=utf-8")));
        }

        /** The English of each German part: title, dateline and every paragraph. */
        public Map<String, String> english() {
            Map<String, String> english = new HashMap<>();
            english.put(titleDe, titleEn);
            english.put(datelineDe, datelineEn);
            for (int i = 0; i < paragraphsDe.size(); i++) {
                english.put(paragraphsDe.get(i), paragraphsEn.get(i));
            }
            return english;
        }
    }

    /** The number in a German title {@code … (Nr. n)} or its English {@code … (No. n)} anywhere in the text, if any. */
    public static Optional<Long> numberIn(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /**
     * Articles {@code 0} to {@code count - 1} as a lazy stream of inputs: each is made when the stream reaches it and
     * nothing holds on to it afterwards.
     */
    public Stream<Input> inputs(long count) {
        return Stream.iterate(0L, n -> n < count, n -> n + 1)
                .map(n -> article(n).input());
    }

    /** Article {@code number}, the same on every call. */
    public Article article(long number) {
        SplittableRandom random = new SplittableRandom(style.seed().applyAsLong(number));
        Topic topic = pick(random, style.topics());
        Words city = pick(random, style.cities());
        Map<String, String> slots = new HashMap<>();
        slots.put("city", city.de());
        slots.put("cityEn", city.en());
        if (style.secondCity()) {
            Words city2 = pick(random, style.cities());
            while (city2.equals(city)) {
                city2 = pick(random, style.cities());
            }
            slots.put("city2", city2.de());
            slots.put("city2En", city2.en());
        }
        Words month = pick(random, MONTHS);
        slots.put("monthDe", month.de());
        slots.put("monthEn", month.en());
        if (style.weekday()) {
            Words weekday = pick(random, WEEKDAYS);
            slots.put("weekdayDe", weekday.de());
            slots.put("weekdayEn", weekday.en());
        }
        Person person = pick(random, style.people());
        slots.put("person", person.name());
        slots.put("roleDe", person.roleDe());
        slots.put("roleEn", person.roleEn());
        for (Slot slot : style.numbers()) {
            int value = slot.from() + random.nextInt(slot.count());
            if (slot.grouped()) {
                slots.put(slot.name(), String.format(Locale.GERMANY, "%,d", value));
                slots.put(slot.name() + "En", String.format(Locale.ROOT, "%,d", value));
            } else {
                slots.put(slot.name(), Integer.toString(value));
            }
        }

        List<Words> sentences = new ArrayList<>(topic.sentences());
        sentences.addAll(style.generic());
        int fixed = topic.ledeFirst() ? 1 : 0;
        for (int i = sentences.size() - 1; i > fixed; i--) {
            int j = fixed + random.nextInt(i + 1 - fixed);
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
        Words headline = pick(random, topic.headlines());
        String agency = pick(random, style.agencies());
        String titleDe = fill(headline.de(), slots) + " (Nr. " + number + ")";
        String titleEn = fill(headline.en(), slots) + " (No. " + number + ")";
        String day = Objects.requireNonNull(slots.get("day"), "a style needs a number slot named day");
        String datelineDe =
                city.de().toUpperCase(Locale.GERMAN) + ", " + day + ". " + month.de() + " (" + agency + ") –";
        String datelineEn = city.en().toUpperCase(Locale.ROOT) + ", " + day + " " + month.en() + " (" + agency + ") –";
        int hour = style.firstHour() + random.nextInt(style.hours());
        slots.put("time", String.format(Locale.ROOT, "%02d:%02d", hour, random.nextInt(60)));

        StringBuilder page = new StringBuilder()
                .append(fill(style.header(), slots))
                .append("\n\n")
                .append(titleDe)
                .append("\n\n");
        for (int p = 0; p < count; p++) {
            if (p == 0) {
                page.append(datelineDe).append(' ');
            }
            page.append(de.get(p)).append("\n\n");
        }
        page.append(fill(style.footer(), slots));
        return new Article(
                number,
                String.format(Locale.ROOT, "%s-%0" + style.idDigits() + "d", style.name(), number),
                style.name() + ":" + number,
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

    /** An item of {@code from}: drawn when there are several, the only one without a draw. */
    private static <T> T pick(SplittableRandom random, List<T> from) {
        return from.size() == 1 ? from.get(0) : from.get(random.nextInt(from.size()));
    }

    private static String fill(String template, Map<String, String> slots) {
        Matcher m = SLOT.matcher(template);
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
