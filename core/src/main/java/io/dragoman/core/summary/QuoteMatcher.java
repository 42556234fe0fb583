package io.dragoman.core.summary;

import io.dragoman.core.lang.Words;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds a quotation, loosely, in a text: most of its content words (four letters or more) must occur there. Loose on
 * purpose: a summary's English rendering of a quote may differ a little from the translation's wording, but a quote
 * the model invented shares few words with the article.
 */
final class QuoteMatcher {

    /** The share of a quote's content words that must occur in the text. */
    static final double MIN_SHARE = 0.7;

    private QuoteMatcher() {}

    static boolean found(String quote, List<String> textWords) {
        Set<String> text = new HashSet<>(textWords);
        List<String> content =
                Words.of(quote).stream().filter(w -> w.length() >= 4).toList();
        if (content.isEmpty()) {
            return true;
        }
        long present = content.stream().filter(text::contains).count();
        return (double) present / content.size() >= MIN_SHARE;
    }
}
