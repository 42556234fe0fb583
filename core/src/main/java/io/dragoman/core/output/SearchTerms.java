package io.dragoman.core.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terms Lunr 2.3.9 indexes for a text, computed in Java so that the site's search index can be built at render
 * time instead of in the reader's browser: Lunr's tokenizer (lower case, split on white space and hyphens), then its
 * default pipeline, the trimmer (non-word characters off both ends), the English stop-word filter and its Porter
 * stemmer, each a line-by-line port. The page's script turns a query into terms with Lunr itself (tokenizer and
 * stemmer, Lunr's search pipeline), so both sides agree on what a word is; the browser test checks the port against
 * Lunr on the test corpus.
 */
public final class SearchTerms {

    /** Lunr's {@code lunr.stopWordFilter} list. */
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and", "any", "are",
            "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could", "dear", "did", "do", "does",
            "either", "else", "ever", "every", "for", "from", "get", "got", "had", "has", "have", "he", "her", "hers",
            "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just", "least", "let", "like",
            "likely", "may", "me", "might", "most", "must", "my", "neither", "no", "nor", "not", "of", "off", "often",
            "on", "only", "or", "other", "our", "own", "rather", "said", "say", "says", "she", "should", "since", "so",
            "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "tis", "to",
            "too", "twas", "us", "wants", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
            "why", "will", "with", "would", "yet", "you", "your");

    private SearchTerms() {}

    /**
     * The terms of a text as Lunr's default pipeline indexes them, in order, repeats kept; a token the trimmer
     * empties is left out (Lunr indexes it as the empty term, which no query can ask for).
     */
    public static List<String> of(String text) {
        return tokens(text).stream().map(SearchTerms::stem).toList();
    }

    /** The words of a text before the stemmer: lower case, trimmed, no stop word. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = 0;
        for (int end = 0; end <= lower.length(); end++) {
            if (end == lower.length() || separator(lower.charAt(end))) {
                if (end > start) {
                    String token = trim(lower.substring(start, end));
                    if (!token.isEmpty() && !STOP_WORDS.contains(token)) {
                        tokens.add(token);
                    }
                }
                start = end + 1;
            }
        }
        return tokens;
    }

    /** The stem of a word of {@link #tokens}. */
    static String stem(String token) {
        return Porter.stem(token);
    }

    /** JavaScript's {@code [\s\-]}: its white space is Unicode's space separators, the BOM and the line ends. */
    static boolean separator(char c) {
        return switch (c) {
            case '-',
                    '\t',
                    '\n',
                    '\u000B',
                    '\f',
                    '\r',
                    ' ',
                    '\u00A0',
                    '\u1680',
                    '\u2028',
                    '\u2029',
                    '\u202F',
                    '\u205F',
                    '\u3000',
                    '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    /** Lunr's trimmer: {@code s.replace(/^\W+/, '').replace(/\W+$/, '')}, where a word character is ASCII. */
    static String trim(String s) {
        int from = 0;
        while (from < s.length() && !word(s.charAt(from))) {
            from++;
        }
        int to = s.length();
        while (to > from && !word(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean word(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Lunr's {@code lunr.stemmer}, the Porter stemmer, with its regular expressions as they are there. */
    static final class Porter {
        private static final String C = "[^aeiou][^aeiouy]*";
        private static final String V = "[aeiouy][aeiou]*";
        private static final Pattern MGR0 = p("^(" + C + ")?" + V + C);
        private static final Pattern MEQ1 = p("^(" + C + ")?" + V + C + "(" + V + ")?$");
        private static final Pattern MGR1 = p("^(" + C + ")?" + V + C + V + C);
        private static final Pattern S_V = p("^(" + C + ")?[aeiouy]");
        private static final Pattern RE_1A = p("^(.+?)(ss|i)es$");
        private static final Pattern RE2_1A = p("^(.+?)([^s])s$");
        private static final Pattern RE_1B = p("^(.+?)eed$");
        private static final Pattern RE2_1B = p("^(.+?)(ed|ing)$");
        private static final Pattern LAST = p(".$");
        private static final Pattern RE2_1B_2 = p("(at|bl|iz)$");
        private static final Pattern RE3_1B_2 = p("([^aeiouylsz])\\1$");
        private static final Pattern CVC = p("^" + C + "[aeiouy][^aeiouwxy]$");
        private static final Pattern RE_1C = p("^(.+?[^aeiou])y$");
        private static final Pattern RE_2 = p("^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization"
                + "|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$");
        private static final Pattern RE_3 = p("^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$");
        private static final Pattern RE_4 =
                p("^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$");
        private static final Pattern RE2_4 = p("^(.+?)(s|t)(ion)$");
        private static final Pattern RE_5 = p("^(.+?)e$");
        private static final Pattern RE_5_1 = p("ll$");
        /** Where the halves of a long character go while the expressions run: a private-use block. */
        private static final char HALF = '\uE000';

        private Porter() {}

        /** JavaScript's regular expressions: {@code .} matches all but line ends, {@code $} only the very end. */
        private static Pattern p(String regex) {
            return Pattern.compile(regex.replace("$", "\\z"), Pattern.UNIX_LINES);
        }

        /**
         * The stem of a word. JavaScript's expressions see the two halves of a character beyond the first 65,536 as two
         * characters, Java's as one: each half is replaced by a private-use character for the expressions, and put
         * back where it was (a stem is a beginning of the word, with ASCII letters after it).
         */
        static String stem(String word) {
            if (word.length() < 3) {
                return word;
            }
            StringBuilder halves = new StringBuilder(word);
            boolean replaced = false;
            for (int i = 0; i < halves.length(); i++) {
                if (Character.isSurrogate(halves.charAt(i))) {
                    halves.setCharAt(i, (char) (halves.charAt(i) - Character.MIN_SURROGATE + HALF));
                    replaced = true;
                }
            }
            if (!replaced) {
                return porter(word);
            }
            StringBuilder stem = new StringBuilder(porter(halves.toString()));
            for (int i = 0; i < Math.min(stem.length(), word.length()); i++) {
                if (Character.isSurrogate(word.charAt(i))) {
                    stem.setCharAt(i, word.charAt(i));
                }
            }
            return stem.toString();
        }

        private static String porter(String word) {
            String w = word;
            boolean y = w.charAt(0) == 'y';
            if (y) {
                w = "Y" + w.substring(1);
            }
            // Step 1a
            Matcher m;
            if ((m = RE_1A.matcher(w)).find() || (m = RE2_1A.matcher(w)).find()) {
                w = m.group(1) + m.group(2);
            }
            // Step 1b
            if ((m = RE_1B.matcher(w)).find()) {
                if (MGR0.matcher(m.group(1)).find()) {
                    w = LAST.matcher(w).replaceFirst("");
                }
            } else if ((m = RE2_1B.matcher(w)).find()) {
                String stem = m.group(1);
                if (S_V.matcher(stem).find()) {
                    w = stem;
                    if (RE2_1B_2.matcher(w).find()) {
                        w = w + "e";
                    } else if (RE3_1B_2.matcher(w).find()) {
                        w = LAST.matcher(w).replaceFirst("");
                    } else if (CVC.matcher(w).find()) {
                        w = w + "e";
                    }
                }
            }
            // Step 1c
            if ((m = RE_1C.matcher(w)).find()) {
                w = m.group(1) + "i";
            }
            // Step 2
            if ((m = RE_2.matcher(w)).find() && MGR0.matcher(m.group(1)).find()) {
                w = m.group(1) + step2(m.group(2));
            }
            // Step 3
            if ((m = RE_3.matcher(w)).find() && MGR0.matcher(m.group(1)).find()) {
                w = m.group(1) + step3(m.group(2));
            }
            // Step 4
            if ((m = RE_4.matcher(w)).find()) {
                if (MGR1.matcher(m.group(1)).find()) {
                    w = m.group(1);
                }
            } else if ((m = RE2_4.matcher(w)).find()) {
                String stem = m.group(1) + m.group(2);
                if (MGR1.matcher(stem).find()) {
                    w = stem;
                }
            }
            // Step 5
            if ((m = RE_5.matcher(w)).find()) {
                String stem = m.group(1);
                if (MGR1.matcher(stem).find()
                        || (MEQ1.matcher(stem).find() && !CVC.matcher(stem).find())) {
                    w = stem;
                }
            }
            if (RE_5_1.matcher(w).find() && MGR1.matcher(w).find()) {
                w = LAST.matcher(w).replaceFirst("");
            }
            if (y) {
                w = "y" + w.substring(1);
            }
            return w;
        }

        private static String step2(String suffix) {
            return switch (suffix) {
                case "ational", "ation", "ator" -> "ate";
                case "tional" -> "tion";
                case "enci" -> "ence";
                case "anci" -> "ance";
                case "izer", "ization" -> "ize";
                case "bli", "biliti" -> "ble";
                case "alli", "alism", "aliti" -> "al";
                case "entli" -> "ent";
                case "eli" -> "e";
                case "ousli", "ousness" -> "ous";
                case "iveness", "iviti" -> "ive";
                case "fulness" -> "ful";
                case "logi" -> "log";
                default -> throw new IllegalArgumentException(suffix);
            };
        }

        private static String step3(String suffix) {
            return switch (suffix) {
                case "icate", "iciti", "ical" -> "ic";
                case "ative", "ful", "ness" -> "";
                case "alize" -> "al";
                default -> throw new IllegalArgumentException(suffix);
            };
        }
    }
}
