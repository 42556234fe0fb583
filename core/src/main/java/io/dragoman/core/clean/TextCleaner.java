package io.dragoman.core.clean;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.lang.LanguageDetector;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
 * stamp, chrome learned from the batch, or text); the body is the run of lines with the most text weight, the title
 * the nearest text line above it. Body paragraphs are source lines, unchanged but for surrounding white space and the
 * dateline cut from the first.
 */
public final class TextCleaner implements Cleaner {
    /** Lines longer than this are not paragraphs of a scrape. */
    static final int MAX_LINE_CHARS = 200_000;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…:;][\"'“”»«)\\]]*$");
    private static final Pattern INNER_SENTENCE = Pattern.compile("[.!?…][\"'“”»)]*\\s+\\p{Lu}");

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
        return cleanText(raw.id(), raw.location(), decoded.text(), decoded.warnings());
    }

    @Override
    public void observe(RawArticle raw) {
        try {
            String text = Decoding.decode(raw, maxBytes).text();
            List<String> lines = nonBlankLines(text);
            learner.observe(group(raw.location(), lines), lines);
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
        return assembly.assemble(id, location, page.title(), page.body(), page.facts(), profile, lines, warnings);
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

    enum Kind {
        TEXT,
        CHROME,
        FOOTER,
        SECTION,
        DATE,
        CAPTURE,
        /** A "read also" box inside the body: neither body text nor the end of the article. */
        BOX
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
        List<Kind> kinds = new ArrayList<>(lines.size());
        for (String line : lines) {
            String key = BoilerplateProfile.normalize(line);
            int words = words(line);
            Kind kind;
            if (chrome.contains(key)) {
                kind = Kind.CHROME;
            } else if (words <= 10 && footers.stream().anyMatch(key::startsWith)) {
                kind = Kind.FOOTER;
            } else if (sections.contains(key)) {
                kind = Kind.SECTION;
            } else if (DateParser.parseLine(line).isPresent()) {
                DateParser.LineDate date = DateParser.parseLine(line).get();
                kind = date.hasWeekday() && date.time() == null ? Kind.CAPTURE : Kind.DATE;
            } else if (learner.isChrome(group, line) || (counts.get(key) > 1 && words <= 10)) {
                kind = Kind.CHROME;
            } else {
                kind = Kind.TEXT;
            }
            kinds.add(kind);
        }
        for (int i = 0; i < lines.size(); i++) {
            String key = BoilerplateProfile.normalize(lines.get(i));
            if (kinds.get(i) == Kind.FOOTER && boxes.stream().anyMatch(key::startsWith)) {
                markBoxInsideBody(lines, kinds, i);
            }
        }
        return kinds;
    }

    /**
     * Turns a box opened at {@code first} ({@code Lesen Sie auch} and up to two link titles) from footer into {@link
     * Kind#BOX} when two paragraphs of text follow it, so the article goes on after the box.
     */
    private static void markBoxInsideBody(List<String> lines, List<Kind> kinds, int first) {
        int after = first + 1;
        while (after < lines.size() && after <= first + 2 && !isParagraph(lines, kinds, after)) {
            if (kinds.get(after) != Kind.TEXT) {
                return;
            }
            after++;
        }
        if (isParagraph(lines, kinds, after) && isParagraph(lines, kinds, after + 1)) {
            for (int i = first; i < after; i++) {
                kinds.set(i, Kind.BOX);
            }
        }
    }

    private static boolean isParagraph(List<String> lines, List<Kind> kinds, int i) {
        return i < lines.size() && kinds.get(i) == Kind.TEXT && weight(lines.get(i), Kind.TEXT) > 0;
    }

    static int words(String line) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            boolean letter = Character.isLetterOrDigit(line.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    /** How much a line counts towards being article body; negative for lines that look like navigation. */
    static double weight(String line, Kind kind) {
        if (kind == Kind.FOOTER) {
            return Double.NEGATIVE_INFINITY;
        }
        if (kind == Kind.BOX) {
            return 0;
        }
        if (kind != Kind.TEXT) {
            return -50;
        }
        int words = words(line);
        int chars = line.length();
        boolean sentence = SENTENCE_END.matcher(line).find()
                || INNER_SENTENCE.matcher(line).find();
        if (words >= 8 && (sentence || chars >= 100)) {
            return chars;
        }
        if (words >= 4 && sentence) {
            return chars / 2.0;
        }
        return -Math.max(15, 40 - chars / 4.0);
    }

    /** One page's lines, their kinds, and the body found among them. */
    private static final class Page {
        final List<String> lines;
        final List<Kind> kinds;
        int start = -1;
        int end = -1;
        int titleIndex = -1;

        Page(List<String> lines, List<Kind> kinds) {
            this.lines = lines;
            this.kinds = kinds;
            findBody();
            findTitle();
        }

        /** Maximum-sum run of line weights (Kadane), so short navigation lines break runs of text. */
        private void findBody() {
            double best = 0;
            double sum = 0;
            int runStart = 0;
            for (int i = 0; i < lines.size(); i++) {
                double w = weight(lines.get(i), kinds.get(i));
                if (sum <= 0) {
                    sum = 0;
                    runStart = i;
                }
                sum += w;
                if (sum > best) {
                    best = sum;
                    start = runStart;
                    end = i;
                }
                if (w == Double.NEGATIVE_INFINITY) {
                    sum = 0;
                    runStart = i + 1;
                }
            }
        }

        private void findTitle() {
            if (start < 0) {
                return;
            }
            for (int i = start - 1; i >= 0; i--) {
                if (kinds.get(i) == Kind.TEXT) {
                    if (words(lines.get(i)) >= 2 && words(lines.get(i)) <= 40) {
                        titleIndex = i;
                    }
                    return;
                }
                if (kinds.get(i) == Kind.FOOTER) {
                    break;
                }
            }
            String first = lines.get(start);
            if (end > start && !SENTENCE_END.matcher(first).find() && words(first) <= 40) {
                titleIndex = start;
                start++;
            }
        }

        Optional<String> firstBodyLine() {
            return start < 0 ? Optional.empty() : body().stream().findFirst();
        }

        String title() {
            return titleIndex < 0 ? "" : lines.get(titleIndex);
        }

        List<String> body() {
            List<String> body = new ArrayList<>();
            for (int i = start; i <= end; i++) {
                if (kinds.get(i) == Kind.TEXT && i != titleIndex) {
                    body.add(lines.get(i));
                }
            }
            return body;
        }

        PageFacts facts() {
            int limit = start < 0 ? lines.size() : start;
            LocalDateTime published = null;
            String publishedText = null;
            int publishedIndex = -1;
            LocalDate captured = null;
            String section = null;
            for (int i = 0; i < lines.size(); i++) {
                Kind kind = kinds.get(i);
                if (kind == Kind.DATE && published == null) {
                    DateParser.LineDate date =
                            DateParser.parseLine(lines.get(i)).orElseThrow();
                    if (date.time() != null) {
                        published = date.dateTime();
                        publishedText = lines.get(i);
                        publishedIndex = i;
                    }
                } else if (kind == Kind.CAPTURE && captured == null) {
                    captured = DateParser.parseLine(lines.get(i)).orElseThrow().date();
                } else if (kind == Kind.SECTION && i < limit) {
                    section = lines.get(i);
                }
            }
            if (section == null && publishedIndex > 0 && publishedIndex <= limit) {
                String before = lines.get(publishedIndex - 1);
                Kind kind = kinds.get(publishedIndex - 1);
                if ((kind == Kind.TEXT || kind == Kind.SECTION) && words(before) <= 3 && !before.matches(".*\\d.*")) {
                    section = before;
                }
            }
            return new PageFacts(null, published, publishedText, null, section, captured, null, null, List.of(), null);
        }
    }
}
