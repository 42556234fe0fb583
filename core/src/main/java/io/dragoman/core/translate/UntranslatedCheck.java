package io.dragoman.core.translate;

import io.dragoman.core.lang.Words;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code untranslated}: a paragraph's translation shares most of its word sequences (three words in a row) with the
 * source, so it was left in the source language or only partly translated. Names alone do not trip it: a correct
 * translation shares few three-word sequences with its source.
 */
final class UntranslatedCheck implements TranslationCheck {

    /** Paragraphs with fewer words are not judged. */
    static final int MIN_WORDS = 8;
    /** The share of the source's word trigrams found in the translation above which it counts as untranslated. */
    static final double MAX_SHARED = 0.4;

    @Override
    public String name() {
        return "untranslated";
    }

    @Override
    public Optional<Finding> check(ChunkReply r) {
        List<String> problems = new ArrayList<>();
        List<Integer> involved = new ArrayList<>();
        long words = 0;
        long untranslated = 0;
        List<Unit> units = r.chunk().units();
        for (int i = 0; i < units.size(); i++) {
            List<String> source = Words.of(units.get(i).text());
            String english = r.english(i);
            words += source.size();
            if (source.size() < MIN_WORDS || english.isBlank()) {
                continue;
            }
            Set<String> sourceGrams = trigrams(source);
            Set<String> englishGrams = trigrams(Words.of(english));
            long shared = sourceGrams.stream().filter(englishGrams::contains).count();
            double share = (double) shared / sourceGrams.size();
            if (share > MAX_SHARED) {
                involved.add(i);
                untranslated += source.size();
                problems.add(String.format(
                        Locale.ROOT,
                        "[%s] (%.0f%% the same as the source)",
                        r.chunk().markers().get(i),
                        share * 100));
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        Severity severity = untranslated * 2 > words ? Severity.UNUSABLE : Severity.DOUBTFUL;
        return Optional.of(new Finding(
                severity,
                "These paragraphs are left untranslated or only partly translated: " + String.join(", ", problems)
                        + ". Translate them fully into English.",
                involved));
    }

    private static Set<String> trigrams(List<String> words) {
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 2 < words.size(); i++) {
            grams.add(words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2));
        }
        return grams;
    }
}
