package io.dragoman.core.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code length-ratio}: each paragraph's translation is about as long as its source. Far shorter means dropped
 * text; far longer means added text. The bounds are calibrated on reference translations of German news (English is
 * 0.77–1.04 times the German length per paragraph, 0.88 for whole articles) with a wide margin, and hold for Russian
 * too. Short paragraphs, whose ratio varies most, are judged as part of the whole chunk, and alone only against far
 * wider bounds: a sentence of {@value #SHORT_MIN_CHARS}+ characters answered with a word ("X", as a model obeying an
 * instruction in the article would) is no translation of it.
 */
final class LengthRatioCheck implements TranslationCheck {

    /** Paragraphs shorter than this many characters are not judged alone. */
    static final int MIN_CHARS = 120;

    static final double PARAGRAPH_MIN = 0.55;
    static final double PARAGRAPH_MAX = 1.6;
    /** Paragraphs from this many characters up to {@link #MIN_CHARS} are judged alone against the short bounds. */
    static final int SHORT_MIN_CHARS = 40;

    static final double SHORT_MIN = 0.25;
    static final double SHORT_MAX = 4.0;
    static final double CHUNK_MIN = 0.65;
    static final double CHUNK_MAX = 1.4;
    /** A chunk shorter than this is not judged as a whole either. */
    static final int MIN_CHUNK_CHARS = 200;

    @Override
    public String name() {
        return "length-ratio";
    }

    @Override
    public Optional<Finding> check(ChunkReply r) {
        List<String> problems = new ArrayList<>();
        List<Integer> involved = new ArrayList<>();
        List<Unit> units = r.chunk().units();
        List<String> markers = r.chunk().markers();
        long source = 0;
        long english = 0;
        for (int i = 0; i < units.size(); i++) {
            String en = r.english(i).strip();
            if (en.isEmpty()) {
                continue; // the paragraph-count check reports it
            }
            int src = units.get(i).text().strip().length();
            source += src;
            english += en.length();
            boolean full = src >= MIN_CHARS;
            double min = full ? PARAGRAPH_MIN : SHORT_MIN;
            double max = full ? PARAGRAPH_MAX : SHORT_MAX;
            if (src >= SHORT_MIN_CHARS) {
                double ratio = (double) en.length() / src;
                if (ratio < min || ratio > max) {
                    involved.add(i);
                }
                if (ratio < min) {
                    problems.add(String.format(
                            java.util.Locale.ROOT,
                            "paragraph [%s] is only %.2f times as long as its source: text may be left out",
                            markers.get(i),
                            ratio));
                } else if (ratio > max) {
                    problems.add(String.format(
                            java.util.Locale.ROOT,
                            "paragraph [%s] is %.2f times as long as its source: text may be added",
                            markers.get(i),
                            ratio));
                }
            }
        }
        if (problems.isEmpty() && source >= MIN_CHUNK_CHARS) {
            double ratio = (double) english / source;
            if (ratio < CHUNK_MIN || ratio > CHUNK_MAX) {
                problems.add(String.format(
                        java.util.Locale.ROOT,
                        "the translation is %.2f times as long as the source (expected %.2f to %.2f)",
                        ratio,
                        CHUNK_MIN,
                        CHUNK_MAX));
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String all = String.join("; ", problems);
        return Optional.of(new Finding(
                Severity.DOUBTFUL, Character.toUpperCase(all.charAt(0)) + all.substring(1) + ".", involved));
    }
}
