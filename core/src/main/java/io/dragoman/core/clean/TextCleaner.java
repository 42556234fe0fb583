package io.dragoman.core.clean;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.lang.LanguageDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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
    static final int MAX_LINE_CHARS = 200_000;

    private final BoilerplateProfiles profiles;
    private final ArticleAssembly assembly;
    private final ChromeLearner learner;
    private final LineClassifier classifier;
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
        this.classifier = new LineClassifier(profiles, learner);
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
        Page page = new Page(lines, classifier.classify(lines, profile, group(location, lines)));
        if (profile.isEmpty()) {
            // A dateline can name the agency and so the profile; classify again with its phrases if it does.
            Optional<BoilerplateProfile> byAgency = page.firstBodyLine()
                    .flatMap(DatelineParser::find)
                    .flatMap(d -> profiles.match(location, d.agency(), List.of()));
            if (byAgency.isPresent()) {
                profile = byAgency;
                page = new Page(lines, classifier.classify(lines, profile, group(location, lines)));
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

    static int words(String line) {
        return LineSignals.words(line);
    }
}
