package io.dragoman.core.clean;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One plain-text page as {@link TextCleaner} sees it: its lines, their kinds and weights, and the body and title found
 * among them, with the facts (publication time, section, capture day) read from the lines around the body. Built once
 * per page and per classification; the body search and the title choice run in the constructor.
 */
final class Page {
    /** Date lines are short; a longer line with a year and a time is a sentence, not a date line. */
    private static final int MAX_DATE_WORDS = 8;

    /** A year with a time of day in either order, or a day, a word and a year: what a date line looks like. */
    private static final Pattern DATE_LIKE =
            Pattern.compile("(?<!\\d)(?:1[89]|20)\\d{2}(?!\\d).*\\b\\d{1,2}[:.]\\d{2}\\b"
                    + "|\\b\\d{1,2}[:.]\\d{2}\\b.*(?<!\\d)(?:1[89]|20)\\d{2}(?!\\d)"
                    + "|\\b\\d{1,2}\\.?\\s+\\p{L}{3,}\\.?,?\\s+(?:1[89]|20)\\d{2}(?!\\d)");

    /**
     * Once the body found so far has this many paragraph lines, a footer line ends the search: what follows it
     * (comments, related articles, the site footer) is not the article, however long it is.
     */
    static final int MIN_BODY_LINES = 3;

    /** The title is looked for in this many lines above the body. */
    static final int TITLE_WINDOW = 20;

    /** A run of at least this many headline-like lines is a list of links to other articles. */
    static final int MIN_HEADLINE_LIST = 6;

    /** Headlines in such lists are shorter than this. */
    static final int MAX_HEADLINE_CHARS = 150;

    /** The lede is the first this many lines of the body. */
    static final int LEDE_LINES = 3;

    final List<String> lines;
    final List<LineKind> kinds;
    private Optional<String> unparsedDate = Optional.empty();
    private final double[] weights;
    /** {@code paragraphs[i]}: how many of the first {@code i} lines have positive weight. */
    private final int[] paragraphs;

    int start = -1;
    int end = -1;
    int titleIndex = -1;

    Page(List<String> lines, List<LineKind> kinds) {
        this.lines = lines;
        this.kinds = kinds;
        this.weights = new double[lines.size()];
        this.paragraphs = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            weights[i] = LineWeights.weight(lines.get(i), kinds.get(i));
        }
        discountHeadlineLists();
        for (int i = 0; i < lines.size(); i++) {
            paragraphs[i + 1] = paragraphs[i] + (weights[i] > 0 ? 1 : 0);
        }
        findBody();
        takeLineCutBeforeBody();
        findTitle();
    }

    /**
     * True for a text line that could be an item of a list of headlines: shorter than {@link #MAX_HEADLINE_CHARS},
     * not ending like a sentence, and no line of code.
     */
    private boolean headlineLike(int i) {
        String line = lines.get(i);
        return kinds.get(i) == LineKind.TEXT
                && line.length() < MAX_HEADLINE_CHARS
                && !LineSignals.endsLikeSentence(line)
                && !LineSignals.looksLikeCode(line);
    }

    /**
     * Counts the items of headline lists against the body: in a run of {@link #MIN_HEADLINE_LIST} or more lines that
     * all look like headlines (teasers of other articles, "most read" boxes), a line that weighs as a sentence because
     * it has one inside ("Prices rise. What it means for you") weighs as a short line instead. An article's own lists
     * are shorter, and its paragraphs end like sentences.
     */
    private void discountHeadlineLists() {
        int n = lines.size();
        int i = 0;
        while (i < n) {
            if (!headlineLike(i)) {
                i++;
                continue;
            }
            int from = i;
            while (i < n && headlineLike(i)) {
                i++;
            }
            if (i - from >= MIN_HEADLINE_LIST) {
                for (int j = from; j < i; j++) {
                    weights[j] = Math.min(weights[j], -LineWeights.MIN_SHORT_LINE_PENALTY);
                }
            }
        }
    }

    /**
     * Takes the run of lines with the largest total weight (Kadane's algorithm) as the body. Runs never cross a
     * date or a footer, and the first footer after a body of {@link #MIN_BODY_LINES} paragraphs ends
     * the search. Of runs with equal weight the longer wins, so that a paragraph cut short at the end (weight zero)
     * stays.
     */
    private void findBody() {
        double best = 0;
        double sum = 0;
        int runStart = 0;
        for (int i = 0; i < lines.size(); i++) {
            LineKind kind = kinds.get(i);
            if (kind.breaksRun()) {
                if (kind == LineKind.FOOTER && paragraphsInBody() >= MIN_BODY_LINES) {
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

    /**
     * When the body's first line starts in lower case, it continues a sentence that the flattening cut at an inline
     * element ("Der Wettbewerb für Kinder" / "findet zum sechsten Mal statt."): the text line above it, which does not
     * end like a sentence and is no byline, opens the body.
     */
    private void takeLineCutBeforeBody() {
        if (start > 0
                && Character.isLowerCase(lines.get(start).codePointAt(0))
                && kinds.get(start - 1) == LineKind.TEXT
                && !LineSignals.endsLikeSentence(lines.get(start - 1))
                && !LineSignals.isByline(lines.get(start - 1))) {
            start--;
        }
    }

    /** How many lines of the body found so far have positive weight. */
    private int paragraphsInBody() {
        return start < 0 ? 0 : paragraphs[end + 1] - paragraphs[start];
    }

    /**
     * Picks the title among the text and chrome lines in {@link #TITLE_WINDOW} lines above the body (not
     * above a footer) by {@link LineWeights#titleScore}; without a candidate, a first body line that is no sentence
     * is the title.
     */
    private void findTitle() {
        if (start < 0) {
            return;
        }
        Set<String> ledeWords = contentWords(start, Math.min(end, start + LEDE_LINES - 1));
        double bestScore = 0;
        for (int i = start - 1; i >= 0 && i >= start - TITLE_WINDOW; i--) {
            LineKind kind = kinds.get(i);
            if (kind == LineKind.FOOTER) {
                break;
            }
            if (kind == LineKind.TEXT || kind == LineKind.CHROME) {
                double score = LineWeights.titleScore(lines.get(i), start - i, ledeWords);
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
        if (end > start
                && !LineSignals.endsLikeSentence(first)
                && LineSignals.words(first) <= LineWeights.MAX_TITLE_WORDS) {
            titleIndex = start;
            start++;
        }
    }

    /** The content words of the text lines from {@code from} to {@code to}. */
    private Set<String> contentWords(int from, int to) {
        Set<String> words = new HashSet<>();
        for (int i = from; i <= to; i++) {
            if (kinds.get(i) == LineKind.TEXT) {
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
            if (kinds.get(i) == LineKind.TEXT && i != titleIndex && !isLinkBoxHeadline(i)) {
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
        return i > start && kinds.get(i - 1) == LineKind.CHROME && weights[i] < 0;
    }

    /**
     * A line above the body that looks like a date (a year with a time of day, or day, word and year) but did not
     * parse, so the user learns why the publication time is missing; empty when there is none.
     */
    private Optional<String> firstUnparsedDate(int limit) {
        for (int i = 0; i < limit; i++) {
            LineKind kind = kinds.get(i);
            String line = lines.get(i);
            if ((kind == LineKind.TEXT || kind == LineKind.CHROME)
                    && LineSignals.words(line) <= MAX_DATE_WORDS
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
            LineKind kind = kinds.get(i);
            // dates below the body are those of comments and teasers, not of the article
            if (kind == LineKind.DATE && published == null && i <= end) {
                DateParser.LineDate date = DateParser.parseLine(lines.get(i)).orElseThrow();
                if (date.time() != null) {
                    published = date.dateTime();
                    publishedZone = date.zone();
                    publishedText = lines.get(i);
                    publishedIndex = i;
                }
            } else if (kind == LineKind.CAPTURE && captured == null) {
                captured = DateParser.parseLine(lines.get(i)).orElseThrow().date();
            } else if (kind == LineKind.SECTION && i < limit) {
                section = lines.get(i);
            }
        }
        if (published == null) {
            unparsedDate = firstUnparsedDate(limit);
        }
        if (section == null && publishedIndex > 0 && publishedIndex <= limit) {
            String before = lines.get(publishedIndex - 1);
            LineKind kind = kinds.get(publishedIndex - 1);
            if ((kind == LineKind.TEXT || kind == LineKind.SECTION)
                    && LineSignals.words(before) <= 3
                    && !before.matches(".*\\d.*")) {
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
