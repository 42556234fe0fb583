package io.dragoman.core.clean;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.lang.LanguageDetector;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cleans plain-text scrapes: one block of the page per line, navigation above the body and share, subscribe and
 * "latest news" lines below it. Every non-blank line is classified (chrome phrase, footer, section, date, capture
 * stamp, chrome learned from the batch, or text) and weighed: paragraphs count by their length, short lines without
 * sentence punctuation against. The body is the run of lines with the most weight, where dates break runs (they stand
 * between the items of comment and teaser lists, not inside an article) and a footer after a body ends the search;
 * the title is the line above the body that looks most like its headline (a handful of words, shared with the lede).
 * Body paragraphs are source lines, unchanged but for surrounding white space and the dateline cut from the first.
 */
public final class TextCleaner implements Cleaner {
    /** Lines longer than this are not paragraphs of a scrape. */
    /** Date lines are short; a longer line with a year and a time is a sentence, not a date line. */
    private static final int MAX_DATE_WORDS = 8;

    /** A year with a time of day in either order, or a day, a word and a year: what a date line looks like. */
    private static final Pattern DATE_LIKE =
            Pattern.compile("(?<!\\d)(?:1[89]|20)\\d{2}(?!\\d).*\\b\\d{1,2}[:.]\\d{2}\\b"
                    + "|\\b\\d{1,2}[:.]\\d{2}\\b.*(?<!\\d)(?:1[89]|20)\\d{2}(?!\\d)"
                    + "|\\b\\d{1,2}\\.?\\s+\\p{L}{3,}\\.?,?\\s+(?:1[89]|20)\\d{2}(?!\\d)");

    static final int MAX_LINE_CHARS = 200_000;

    /** Footer phrases and repeated navigation are short lines: a longer line is text that happens to start alike. */
    static final int MAX_PHRASE_WORDS = 10;

    /** A line of at least this many words that reads as sentences is a paragraph. */
    static final int PARAGRAPH_WORDS = 8;

    /**
     * A paragraph weighs its length in characters up to this cap, so that one long block (a legal notice, a language
     * menu, an article repeated in one line of hidden markup) cannot outweigh several paragraphs of the article.
     */
    static final int MAX_PARAGRAPH_WEIGHT = 400;

    /**
     * Lines at least this long with paragraph-many words but no sentence punctuation weigh nothing: they are menus,
     * tag lists and link rows run together as often as they are text.
     */
    static final int LONG_LINE_CHARS = 100;

    /** A shorter line that reads as sentences still counts, at this share of its length. */
    static final double SHORT_SENTENCE_SHARE = 0.5;

    /** A line needs this many words to count as a short sentence. */
    static final int SENTENCE_WORDS = 4;

    /**
     * A short line without sentence punctuation (a menu item, a byline, a teaser headline) weighs minus this, less a
     * quarter of its length, but at least {@link #MIN_SHORT_LINE_PENALTY}; a run of them breaks the body, a subheading
     * between paragraphs does not.
     */
    static final double SHORT_LINE_PENALTY = 50;

    /** The least a short line without sentence punctuation counts against the body. */
    static final double MIN_SHORT_LINE_PENALTY = 15;

    /** Chrome and section lines weigh minus this. */
    static final double CHROME_PENALTY = 50;

    /** A "read also" box inside the body lists at most this many link titles. */
    static final int MAX_BOX_LINKS = 4;

    /**
     * Once the body found so far has this many paragraph lines, a footer line ends the search: what follows it
     * (comments, related articles, the site footer) is not the article, however long it is.
     */
    static final int MIN_BODY_LINES = 3;

    /** The title is looked for in this many lines above the body. */
    static final int TITLE_WINDOW = 20;

    /** A title has at least this many words. */
    static final int MIN_TITLE_WORDS = 3;

    /** A title has at most this many words. */
    static final int MAX_TITLE_WORDS = 30;

    /** A candidate title's score grows with its words up to this many. */
    static final int TITLE_WORDS_CAP = 15;

    /** Past this many words a candidate title's score falls again. */
    static final int LONG_TITLE_WORDS = 20;

    /** A candidate title ending with a full stop (a caption, a standfirst) keeps this share of its score. */
    static final double FULL_STOP_TITLE_FACTOR = 0.5;

    /** The lede is the first this many lines of the body. */
    static final int LEDE_LINES = 3;

    /** Score of a candidate title whose content words all occur in the lede. */
    static final double LEDE_OVERLAP_WEIGHT = 30;

    /** Score a candidate title loses per line between it and the body. */
    static final double TITLE_DISTANCE_PENALTY = 0.5;

    private final BoilerplateProfiles profiles;
    private final ArticleAssembly assembly;
    private final ChromeLearner learner;
    private final long maxBytes;

    /**
     * Creates a cleaner.
     *
     * @param profiles the source profiles to consult
     * @param languages the language detector for the body
     * @param maxBytes inputs larger than this are rejected
     */
    public TextCleaner(BoilerplateProfiles profiles, LanguageDetector languages, long maxBytes) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.assembly = new ArticleAssembly(profiles, Objects.requireNonNull(languages, "languages"));
        this.learner = new ChromeLearner(3, 0.3);
        this.maxBytes = maxBytes;
    }

    @Override
    public CleanedArticle clean(RawArticle raw) {
        Decoding.Decoded decoded = Decoding.decode(raw, maxBytes);
        return ArticleAssembly.asInput(
                cleanText(raw.id(), ArticleAssembly.place(raw), decoded.text(), decoded.warnings()), raw);
    }

    @Override
    public void observe(RawArticle raw) {
        try {
            String text = Decoding.decode(raw, maxBytes).text();
            List<String> lines = nonBlankLines(text);
            learner.observe(group(ArticleAssembly.place(raw), lines), lines);
        } catch (CleaningException e) {
            // a document that cannot be decoded teaches nothing; clean() reports it
        }
    }

    /**
     * Cleans text that is already decoded.
     *
     * @param id the article id
     * @param location the input's path or URL, recorded in the metadata
     * @param text the scrape
     * @param warnings warnings from earlier steps, carried into the result
     * @throws CleaningException when no body is found
     */
    public CleanedArticle cleanText(ArticleId id, String location, String text, List<String> warnings) {
        List<String> lines = nonBlankLines(text);
        for (String line : lines) {
            if (line.length() > MAX_LINE_CHARS) {
                throw new CleaningException(
                        CleaningException.Reason.TOO_LARGE,
                        String.format(
                                Locale.ROOT,
                                "a line of %,d characters with no line breaks: not a text scrape",
                                line.length()));
            }
        }
        if (lines.isEmpty()) {
            throw new CleaningException(CleaningException.Reason.EMPTY, "empty file (white space only)");
        }
        Optional<BoilerplateProfile> profile = profiles.match(location, null, lines);
        Page page = new Page(lines, classify(lines, profile, group(location, lines)));
        if (profile.isEmpty()) {
            // A dateline can name the agency and so the profile; classify again with its phrases if it does.
            Optional<BoilerplateProfile> byAgency = page.firstBodyLine()
                    .flatMap(DatelineParser::find)
                    .flatMap(d -> profiles.match(location, d.agency(), List.of()));
            if (byAgency.isPresent()) {
                profile = byAgency;
                page = new Page(lines, classify(lines, profile, group(location, lines)));
            }
        }
        if (page.start < 0) {
            throw new CleaningException(
                    CleaningException.Reason.NO_BODY,
                    "no article body found: all " + lines.size() + " lines look like page chrome");
        }
        PageFacts facts = page.facts();
        List<String> notes = new ArrayList<>(warnings);
        notes.addAll(page.warnings());
        return assembly.assemble(id, location, page.title(), page.body(), facts, profile, lines, notes);
    }

    private String group(String location, List<String> lines) {
        Optional<BoilerplateProfile> profile = profiles.match(location, null, lines);
        if (profile.isPresent()) {
            return profile.get().name();
        }
        if (location.contains("://")) {
            String rest = location.substring(location.indexOf("://") + 3);
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }
        try {
            Path parent = Path.of(location).toAbsolutePath().getParent();
            return parent == null ? "" : parent.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    static List<String> nonBlankLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (!stripped.isEmpty()) {
                lines.add(stripped);
            }
        }
        return lines;
    }

    /**
     * How much a line above the body looks like its headline: a headline has a handful of words (more up to {@link
     * #TITLE_WORDS_CAP}, fewer again past {@link #LONG_TITLE_WORDS}: captions and standfirsts run longer), rarely ends
     * with a full stop, is no byline or time line, shares its content words with the lede, and stands close above the
     * body. Zero or less means it is no candidate.
     */
    static double titleScore(String line, int distance, Set<String> ledeWords) {
        int words = words(line);
        if (words < MIN_TITLE_WORDS || words > MAX_TITLE_WORDS || LineSignals.isByline(line)) {
            return 0;
        }
        double score = Math.min(words, TITLE_WORDS_CAP) - Math.max(0, words - LONG_TITLE_WORDS);
        if (LineSignals.endsWithFullStop(line)) {
            score *= FULL_STOP_TITLE_FACTOR;
        }
        Set<String> own = LineSignals.contentWords(line);
        if (!own.isEmpty()) {
            long shared = own.stream().filter(ledeWords::contains).count();
            score += LEDE_OVERLAP_WEIGHT * shared / own.size();
        }
        return score - distance * TITLE_DISTANCE_PENALTY;
    }

    /** What a line of the page is. */
    enum Kind {
        /** A line that may belong to the article. */
        TEXT,
        /** Navigation, buttons, a profile's chrome phrase, a comment header, or a line repeated on the page. */
        CHROME,
        /** A footer phrase, copyright notice or comment count: what follows is not the article. */
        FOOTER,
        /** The name of a site section, as the source's profile lists them. */
        SECTION,
        /** A date, usually with a time of day: the publication time above the body, or a comment's time. */
        DATE,
        /** A date with a weekday and no time: the day the page was captured. */
        CAPTURE,
        /** A relative time such as "3 hours ago", as comment and teaser lists show. */
        TIMESTAMP,
        /** A "read also" box inside the body: neither body text nor the end of the article. */
        BOX;

        /** True for lines that no body run crosses: dates separate the items of lists, footers end the article. */
        boolean breaksRun() {
            return this == FOOTER || this == DATE || this == CAPTURE || this == TIMESTAMP;
        }
    }

    private List<Kind> classify(List<String> lines, Optional<BoilerplateProfile> profile, String group) {
        BoilerplateProfile generic = profiles.generic();
        Set<String> chrome = new HashSet<>(generic.normalizedSet(generic.chromeLines()));
        List<String> footers = new ArrayList<>(generic.normalizedSet(generic.footerPrefixes()));
        List<String> boxes = new ArrayList<>(generic.normalizedSet(generic.boxPrefixes()));
        Set<String> sections = new HashSet<>();
        profile.ifPresent(p -> {
            chrome.addAll(p.normalizedSet(p.chromeLines()));
            footers.addAll(p.normalizedSet(p.footerPrefixes()));
            boxes.addAll(p.normalizedSet(p.boxPrefixes()));
            sections.addAll(p.normalizedSet(p.sections()));
        });
        footers.addAll(boxes);
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            counts.merge(BoilerplateProfile.normalize(line), 1, Integer::sum);
        }
        Set<String> seen = new HashSet<>();
        List<Kind> kinds = new ArrayList<>(lines.size());
        for (String line : lines) {
            String key = BoilerplateProfile.normalize(line);
            boolean seenBefore = !seen.add(key);
            int words = words(line);
            Optional<DateParser.LineDate> date = DateParser.parseLine(line);
            Kind kind;
            if (chrome.contains(key) || LineSignals.isCommentHeader(line)) {
                kind = Kind.CHROME;
            } else if (isFooter(line, key, words, footers)) {
                kind = Kind.FOOTER;
            } else if (sections.contains(key)) {
                kind = Kind.SECTION;
            } else if (date.isPresent()) {
                kind = date.get().hasWeekday() && date.get().time() == null ? Kind.CAPTURE : Kind.DATE;
            } else if (LineSignals.isRelativeTime(line)) {
                kind = Kind.TIMESTAMP;
            } else if (learner.isChrome(group, line) || isRepeated(counts.get(key), seenBefore, words)) {
                kind = Kind.CHROME;
            } else {
                kind = Kind.TEXT;
            }
            kinds.add(kind);
        }
        for (int i = 0; i < lines.size(); i++) {
            String key = BoilerplateProfile.normalize(lines.get(i));
            if (kinds.get(i) == Kind.FOOTER && startsWithPhrase(key, boxes)) {
                markBoxInsideBody(lines, kinds, i);
            }
        }
        return kinds;
    }

    /**
     * Turns a box opened at {@code first} ({@code Lesen Sie auch} and up to {@link #MAX_BOX_LINKS} link titles) from
     * footer into {@link Kind#BOX} when a paragraph of text follows it, so the article goes on after the box.
     */
    private static void markBoxInsideBody(List<String> lines, List<Kind> kinds, int first) {
        int after = first + 1;
        while (after < lines.size() && after <= first + MAX_BOX_LINKS && !isParagraph(lines, kinds, after)) {
            if (kinds.get(after) != Kind.TEXT) {
                return;
            }
            after++;
        }
        if (isParagraph(lines, kinds, after)) {
            for (int i = first; i < after; i++) {
                kinds.set(i, Kind.BOX);
            }
        }
    }

    private static boolean isParagraph(List<String> lines, List<Kind> kinds, int i) {
        return i < lines.size() && kinds.get(i) == Kind.TEXT && weight(lines.get(i), Kind.TEXT) > 0;
    }

    /** A short line starting with a footer phrase, a copyright notice, or a count of comments. */
    private static boolean isFooter(String line, String key, int words, List<String> footers) {
        return (words <= MAX_PHRASE_WORDS && startsWithPhrase(key, footers))
                || LineSignals.isCopyright(line)
                || LineSignals.isCommentCount(line);
    }

    /**
     * A short line that occurs more than once on the page is navigation; a longer line seen before on the page is a
     * copy (a caption repeated by a gallery, a teaser of the article), while its first occurrence may be the text.
     */
    private static boolean isRepeated(int count, boolean seenBefore, int words) {
        return (count > 1 && words <= MAX_PHRASE_WORDS) || seenBefore;
    }

    /** True when {@code key} is one of the phrases, or starts with one and the phrase ends at a word boundary. */
    private static boolean startsWithPhrase(String key, List<String> phrases) {
        for (String phrase : phrases) {
            if (key.startsWith(phrase)
                    && (key.length() == phrase.length()
                            || !Character.isLetterOrDigit(key.charAt(phrase.length()))
                            || !Character.isLetterOrDigit(phrase.charAt(phrase.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    static int words(String line) {
        return LineSignals.words(line);
    }

    /**
     * How much a line counts towards being article body: positive for paragraphs, by their length; zero for long lines
     * that do not read as sentences; negative for short lines without sentence punctuation and for chrome. Boxes and
     * lines of kinds that break runs have no weight of their own (zero).
     */
    static double weight(String line, Kind kind) {
        if (kind.breaksRun() || kind == Kind.BOX) {
            return 0;
        }
        if (kind != Kind.TEXT) {
            return -CHROME_PENALTY;
        }
        int words = words(line);
        int chars = line.length();
        boolean sentence = LineSignals.readsAsSentences(line);
        if (words >= PARAGRAPH_WORDS && sentence) {
            return Math.min(chars, MAX_PARAGRAPH_WEIGHT);
        }
        if (words >= PARAGRAPH_WORDS && chars >= LONG_LINE_CHARS) {
            return 0;
        }
        if (words >= SENTENCE_WORDS && sentence) {
            return chars * SHORT_SENTENCE_SHARE;
        }
        return -Math.max(MIN_SHORT_LINE_PENALTY, SHORT_LINE_PENALTY - chars / 4.0);
    }

    /** One page's lines, their kinds, and the body found among them. */
    private static final class Page {
        final List<String> lines;
        final List<Kind> kinds;
        private Optional<String> unparsedDate = Optional.empty();
        private final double[] weights;
        /** {@code paragraphs[i]}: how many of the first {@code i} lines have positive weight. */
        private final int[] paragraphs;

        int start = -1;
        int end = -1;
        int titleIndex = -1;

        Page(List<String> lines, List<Kind> kinds) {
            this.lines = lines;
            this.kinds = kinds;
            this.weights = new double[lines.size()];
            this.paragraphs = new int[lines.size() + 1];
            for (int i = 0; i < lines.size(); i++) {
                weights[i] = weight(lines.get(i), kinds.get(i));
                paragraphs[i + 1] = paragraphs[i] + (weights[i] > 0 ? 1 : 0);
            }
            findBody();
            findTitle();
        }

        /**
         * Takes the run of lines with the largest total weight (Kadane's algorithm) as the body. Runs never cross a
         * date or a footer, and the first footer after a body of {@link TextCleaner#MIN_BODY_LINES} paragraphs ends
         * the search. Of runs with equal weight the longer wins, so that a paragraph cut short at the end (weight zero)
         * stays.
         */
        private void findBody() {
            double best = 0;
            double sum = 0;
            int runStart = 0;
            for (int i = 0; i < lines.size(); i++) {
                Kind kind = kinds.get(i);
                if (kind.breaksRun()) {
                    if (kind == Kind.FOOTER && paragraphsInBody() >= MIN_BODY_LINES) {
                        return;
                    }
                    sum = 0;
                    runStart = i + 1;
                    continue;
                }
                if (sum <= 0) {
                    sum = 0;
                    runStart = i;
                }
                sum += weights[i];
                if (sum > best || (sum == best && sum > 0 && runStart == start)) {
                    best = sum;
                    start = runStart;
                    end = i;
                }
            }
        }

        /** How many lines of the body found so far have positive weight. */
        private int paragraphsInBody() {
            return start < 0 ? 0 : paragraphs[end + 1] - paragraphs[start];
        }

        /**
         * Picks the title among the text and chrome lines in {@link TextCleaner#TITLE_WINDOW} lines above the body (not
         * above a footer) by {@link TextCleaner#titleScore}; without a candidate, a first body line that is no sentence
         * is the title.
         */
        private void findTitle() {
            if (start < 0) {
                return;
            }
            Set<String> ledeWords = contentWords(start, Math.min(end, start + LEDE_LINES - 1));
            double bestScore = 0;
            for (int i = start - 1; i >= 0 && i >= start - TITLE_WINDOW; i--) {
                Kind kind = kinds.get(i);
                if (kind == Kind.FOOTER) {
                    break;
                }
                if (kind == Kind.TEXT || kind == Kind.CHROME) {
                    double score = titleScore(lines.get(i), start - i, ledeWords);
                    if (score > bestScore) {
                        bestScore = score;
                        titleIndex = i;
                    }
                }
            }
            if (titleIndex >= 0) {
                return;
            }
            String first = lines.get(start);
            if (end > start && !LineSignals.endsLikeSentence(first) && words(first) <= MAX_TITLE_WORDS) {
                titleIndex = start;
                start++;
            }
        }

        /** The content words of the text lines from {@code from} to {@code to}. */
        private Set<String> contentWords(int from, int to) {
            Set<String> words = new HashSet<>();
            for (int i = from; i <= to; i++) {
                if (kinds.get(i) == Kind.TEXT) {
                    words.addAll(LineSignals.contentWords(lines.get(i)));
                }
            }
            return words;
        }

        Optional<String> firstBodyLine() {
            return start < 0 ? Optional.empty() : body().stream().findFirst();
        }

        String title() {
            return titleIndex < 0 ? "" : lines.get(titleIndex);
        }

        /** The text lines of the body run but the title and the headlines of link boxes. */
        List<String> body() {
            List<String> body = new ArrayList<>();
            for (int i = start; i <= end; i++) {
                if (kinds.get(i) == Kind.TEXT && i != titleIndex && !isLinkBoxHeadline(i)) {
                    body.add(lines.get(i));
                }
            }
            return body;
        }

        /**
         * True for a short line right after chrome inside the body: the headline of a teaser that a chrome label
         * introduces ("Related", "Advertisement", then the headline). A subheading follows text, not chrome.
         */
        private boolean isLinkBoxHeadline(int i) {
            return i > start && kinds.get(i - 1) == Kind.CHROME && weights[i] < 0;
        }

        /**
         * A line above the body that looks like a date (a year with a time of day, or day, word and year) but did not
         * parse, so the user learns why the publication time is missing; empty when there is none.
         */
        private Optional<String> firstUnparsedDate(int limit) {
            for (int i = 0; i < limit; i++) {
                Kind kind = kinds.get(i);
                String line = lines.get(i);
                if ((kind == Kind.TEXT || kind == Kind.CHROME)
                        && words(line) <= MAX_DATE_WORDS
                        && DATE_LIKE.matcher(line).find()) {
                    return Optional.of(line);
                }
            }
            return Optional.empty();
        }

        /** Warnings about the page's facts: a date line that could not be parsed. Call after {@link #facts()}. */
        List<String> warnings() {
            return unparsedDate
                    .map(line -> "date line '" + line + "' could not be parsed: publication time left out")
                    .stream()
                    .toList();
        }

        PageFacts facts() {
            int limit = start < 0 ? lines.size() : start;
            LocalDateTime published = null;
            ZoneId publishedZone = null;
            String publishedText = null;
            int publishedIndex = -1;
            LocalDate captured = null;
            String section = null;
            for (int i = 0; i < lines.size(); i++) {
                Kind kind = kinds.get(i);
                // dates below the body are those of comments and teasers, not of the article
                if (kind == Kind.DATE && published == null && i <= end) {
                    DateParser.LineDate date =
                            DateParser.parseLine(lines.get(i)).orElseThrow();
                    if (date.time() != null) {
                        published = date.dateTime();
                        publishedZone = date.zone();
                        publishedText = lines.get(i);
                        publishedIndex = i;
                    }
                } else if (kind == Kind.CAPTURE && captured == null) {
                    captured = DateParser.parseLine(lines.get(i)).orElseThrow().date();
                } else if (kind == Kind.SECTION && i < limit) {
                    section = lines.get(i);
                }
            }
            if (published == null) {
                unparsedDate = firstUnparsedDate(limit);
            }
            if (section == null && publishedIndex > 0 && publishedIndex <= limit) {
                String before = lines.get(publishedIndex - 1);
                Kind kind = kinds.get(publishedIndex - 1);
                if ((kind == Kind.TEXT || kind == Kind.SECTION) && words(before) <= 3 && !before.matches(".*\\d.*")) {
                    section = before;
                }
            }
            if (publishedZone != null) {
                // the line names its zone: that beats the source profile's
                return new PageFacts(
                        published.atZone(publishedZone).toOffsetDateTime(),
                        null,
                        publishedText,
                        null,
                        section,
                        captured,
                        null,
                        null,
                        List.of(),
                        null);
            }
            return new PageFacts(null, published, publishedText, null, section, captured, null, null, List.of(), null);
        }
    }
}
