package io.dragoman.core.clean;

import java.util.Set;

/**
 * The scores of {@link TextCleaner}: how much a line counts towards the article body, and how much a line above the
 * body looks like its headline. Kept apart from the classification and the body search so that the weights and their
 * thresholds can be read and tuned in one place. Stateless.
 */
final class LineWeights {
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

    /** Score of a candidate title whose content words all occur in the lede. */
    static final double LEDE_OVERLAP_WEIGHT = 30;

    /** Score a candidate title loses per line between it and the body. */
    static final double TITLE_DISTANCE_PENALTY = 0.5;

    private LineWeights() {}

    /**
     * How much a line counts towards being article body: positive for paragraphs, by their length; zero for long lines
     * that do not read as sentences and for lines of program code (a code block between paragraphs is part of a
     * technical article, and menus have no code); negative for other short lines without sentence punctuation and for
     * chrome. Boxes and
     * lines of kinds that break runs have no weight of their own (zero).
     */
    static double weight(String line, LineKind kind) {
        if (kind.breaksRun() || kind == LineKind.BOX) {
            return 0;
        }
        if (kind != LineKind.TEXT) {
            return -CHROME_PENALTY;
        }
        int words = LineSignals.words(line);
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
        if (LineSignals.looksLikeCode(line)) {
            return 0;
        }
        return -Math.max(MIN_SHORT_LINE_PENALTY, SHORT_LINE_PENALTY - chars / 4.0);
    }

    /**
     * How much a line above the body looks like its headline: a headline has a handful of words (more up to {@link
     * #TITLE_WORDS_CAP}, fewer again past {@link #LONG_TITLE_WORDS}: captions and standfirsts run longer), rarely ends
     * with a full stop, is no byline or time line, shares its content words with the lede, and stands close above the
     * body. Zero or less means it is no candidate.
     */
    static double titleScore(String line, int distance, Set<String> ledeWords) {
        int words = LineSignals.words(line);
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
}
