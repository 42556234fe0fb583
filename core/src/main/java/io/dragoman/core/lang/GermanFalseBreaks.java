package io.dragoman.core.lang;

import java.util.Locale;
import java.util.Set;

/**
 * Periods in German text that the sentence model may take for sentence ends but that are not: ordinal numbers in
 * dates ({@code am 26. November}) and after an article or preposition ({@code zum 75. Jahrestag}), abbreviated months
 * after a day ({@code 3. Okt. 2023}), abbreviations that always precede a word ({@code Dr.}, {@code Nr.},
 * {@code ca.}), initials, and any period followed by a word in lower case, which no German sentence starts with. A
 * number that ends a sentence ({@code stieg auf 12.}) still ends it unless one of these rules applies.
 */
final class GermanFalseBreaks implements OpenNlpSentenceSplitter.FalseBreaks {

    /** Abbreviations, without their period, that stand before a word or number and so never end a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "abb", "abs", "art", "bd", "bspw", "bzw", "ca", "dipl", "dr", "evtl", "fr", "geb", "gem", "ggf", "hl", "hr",
            "hrn", "inkl", "ing", "jh", "kap", "lt", "mio", "mrd", "nr", "prof", "sog", "st", "str", "tab", "tsd",
            "vgl", "ziff");

    private static final Set<String> MONTH_ABBREVIATIONS =
            Set.of("jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez");

    private static final Set<String> MONTHS = Set.of(
            "januar",
            "jänner",
            "februar",
            "märz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember");

    /** Words after which a number with a period is an ordinal: {@code am 26.}, {@code zum 75.}, {@code der 3.}. */
    private static final Set<String> BEFORE_ORDINALS = Set.of(
            "am", "im", "vom", "zum", "beim", "zur", "der", "die", "das", "dem", "den", "des", "ihr", "ihre", "ihrem",
            "ihren", "ihres", "sein", "seine", "seinem", "seinen", "seines");

    @Override
    public boolean test(CharSequence text, int index) {
        if (text.charAt(index) != '.'
                || index + 1 >= text.length()
                || !Character.isWhitespace(text.charAt(index + 1))) {
            return false;
        }
        String next = wordAfter(text, index + 1);
        if (!next.isEmpty() && Character.isLowerCase(next.codePointAt(0))) {
            return true;
        }
        int tokenStart = index;
        while (tokenStart > 0 && !Character.isWhitespace(text.charAt(tokenStart - 1))) {
            tokenStart--;
        }
        String token =
                lower(trimLeadingPunctuation(text.subSequence(tokenStart, index).toString()));
        if (token.isEmpty()) {
            return false;
        }
        String before = lower(wordBefore(text, tokenStart));
        if (token.chars().allMatch(Character::isDigit)) {
            String month = lower(trimTrailingPunctuation(next));
            return token.length() <= 3
                    && (MONTHS.contains(month)
                            || MONTH_ABBREVIATIONS.contains(month)
                            || BEFORE_ORDINALS.contains(before));
        }
        if (MONTH_ABBREVIATIONS.contains(token)) {
            return isOrdinal(before);
        }
        if (token.codePointCount(0, token.length()) == 1 && Character.isLetter(token.codePointAt(0))) {
            return true; // an initial or a one-letter abbreviation: Wladimir W. Putin, S. 12
        }
        return ABBREVIATIONS.contains(token);
    }

    private static boolean isOrdinal(String word) {
        return word.length() >= 2
                && word.length() <= 4
                && word.endsWith(".")
                && word.chars().limit(word.length() - 1L).allMatch(Character::isDigit);
    }

    private static String wordAfter(CharSequence text, int from) {
        int start = from;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.subSequence(start, end).toString();
    }

    private static String wordBefore(CharSequence text, int tokenStart) {
        int end = tokenStart;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        return text.subSequence(start, end).toString();
    }

    private static String trimLeadingPunctuation(String token) {
        int start = 0;
        while (start < token.length() && !Character.isLetterOrDigit(token.charAt(start))) {
            start++;
        }
        return token.substring(start);
    }

    private static String trimTrailingPunctuation(String word) {
        int end = word.length();
        while (end > 0 && !Character.isLetterOrDigit(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(0, end);
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
