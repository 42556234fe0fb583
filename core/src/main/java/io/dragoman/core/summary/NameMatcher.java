package io.dragoman.core.summary;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells whether an English name stands for a name written in a German (or English) text, across transliterations:
 * Lavrov ↔ Lawrow, Aleinik ↔ Alejnik, Sergei ↔ Sergej, Chernyshenko ↔ Tschernyschenko, Mikhail ↔ Michail, Zhukov ↔
 * Schukow. Both sides are reduced to a skeleton with the spelling differences folded away.
 */
public final class NameMatcher {

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final Set<String> skeletons = new HashSet<>();

    /** A matcher for the names in this text. */
    NameMatcher(String text) {
        var m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            if (Character.isUpperCase(word.charAt(0))) {
                skeletons.add(skeleton(word));
            }
        }
    }

    /**
     * True when the name's last word (the surname) appears in the text, allowing a German genitive or plural ending
     * ({@code Lawrows}).
     */
    boolean contains(String name) {
        String[] words = name.strip().split("\\s+");
        if (words.length == 0 || words[words.length - 1].isEmpty()) {
            return false;
        }
        String surname = skeleton(words[words.length - 1]);
        if (surname.length() < 2) {
            return false;
        }
        for (String s : skeletons) {
            if (s.equals(surname) || (s.startsWith(surname) && s.length() - surname.length() <= 2)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The spelling-independent form of a word: {@code Lawrow} and {@code Lavrov} both give {@code lavrov}.
     */
    public static String skeleton(String word) {
        String s = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("").replace("ß", "ss");
        s = s.replaceAll("[^a-z]", "");
        s = s.replace("tsch", "ch")
                .replace("sch", "sh")
                .replace("zh", "sh")
                .replace("kh", "h")
                .replace("ch", "c")
                .replace("w", "v")
                .replace("j", "y")
                .replace("ey", "ei")
                .replace("iy", "y")
                .replace("ij", "y")
                .replace("ai", "ay")
                .replace("ks", "x")
                .replace("ck", "k")
                .replace("tz", "ts")
                .replace("z", "s");
        // German "ch" in Michail is English "kh" (folded to h) and German "tsch" is English "ch": c and h both stand
        // for
        // the same sound after folding only when they are the whole cluster, so treat c and h alike.
        s = s.replace('c', 'h');
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
