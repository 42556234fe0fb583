package io.dragoman.core.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Splits text into lower-case words (runs of letters and digits), for the overlap measures of the checks. */
public final class Words {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Words() {}

    /** The words of the text in order, lower-cased; punctuation and spaces separate them and are dropped. */
    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        for (String w : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
