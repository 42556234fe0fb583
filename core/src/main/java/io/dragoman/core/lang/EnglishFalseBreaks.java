package io.dragoman.core.lang;

import java.util.Set;

/**
 * The breaks the English sentence model proposes that end no sentence in news text: a decimal point ({@code $1.9
 * billion}), after an initial ({@code A. Lukashenko}) and after the abbreviations of a title or a number ({@code Dr.},
 * {@code Mr.}, {@code No. 5}).
 */
final class EnglishFalseBreaks implements OpenNlpSentenceSplitter.FalseBreaks {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "sgt", "capt", "jr", "sr", "vs", "approx",
            "dept", "fig");

    @Override
    public boolean test(CharSequence text, int index) {
        if (text.charAt(index) != '.') {
            return false;
        }
        if (index > 0
                && index + 1 < text.length()
                && Character.isDigit(text.charAt(index - 1))
                && Character.isDigit(text.charAt(index + 1))) {
            return true; // a decimal point: $1.9 billion
        }
        int start = index;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        boolean wordStart =
                start == 0 || Character.isWhitespace(text.charAt(start - 1)) || text.charAt(start - 1) == '(';
        if (start == index || !wordStart) {
            return false;
        }
        String word = text.subSequence(start, index).toString();
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true; // an initial
        }
        if (word.equals("No") || word.equals("Nos")) {
            int next = index + 1;
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            return next < text.length() && Character.isDigit(text.charAt(next)); // No. 5, not "said No."
        }
        return ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
    }
}
