package io.dragoman.core.translate;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the numbers a text contains as values, so that a source number can be found in its translation however the
 * language writes it: German {@code 1.234,5} and English {@code 1,234.5} are the same value, {@code 26.} in {@code
 * 26. November} is 26, and {@code 1,5 Millionen} equals both {@code 1.5 million} and {@code 1,500,000}.
 */
final class Numbers {

    /** How a language groups digits and marks decimals. */
    enum Style {
        /** {@code 1.234,5}: German, Russian (also with spaces as group separators), most of Europe. */
        COMMA_DECIMAL,
        /** {@code 1,234.5}: English. */
        POINT_DECIMAL
    }

    private static final Pattern COMMA_DECIMAL = Pattern.compile(
            "(?<![\\d.,])(\\d{1,3}(?:[.\\u00A0\\u202F ]\\d{3})+(?![\\d])|\\d+)(?:,(\\d+))?(?![\\d])(\\s*(?:Mio|Mrd|Millionen|Million|Milliarden|Milliarde|Tausend|Tsd|Billionen|млн|млрд|тыс)\\.?)?");
    private static final Pattern POINT_DECIMAL = Pattern.compile(
            "(?<![\\d.,])(\\d{1,3}(?:,\\d{3})+(?![\\d])|\\d+)(?:\\.(\\d+))?(?![\\d])(\\s*(?:million|billion|thousand|trillion|mln|bn|m)\\b)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER_WORD = Pattern.compile(
            "\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\b", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12));

    private Numbers() {}

    /**
     * The numbers in a text, each as written mapped to the values it may stand for (its value, and with a scale word
     * also the scaled value), in order of appearance.
     */
    static Map<String, Set<String>> in(String text, Style style) {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        Matcher m = (style == Style.COMMA_DECIMAL ? COMMA_DECIMAL : POINT_DECIMAL).matcher(text);
        while (m.find()) {
            String whole = m.group(1).replaceAll("[.,\\u00A0\\u202F ]", "");
            String fraction = m.group(2);
            BigDecimal value = new BigDecimal(fraction == null ? whole : whole + "." + fraction);
            Set<String> values = new TreeSet<>();
            values.add(canonical(value));
            if (m.group(3) != null) {
                values.add(canonical(value.multiply(scale(m.group(3)))));
            }
            found.computeIfAbsent(m.group().strip(), k -> new TreeSet<>()).addAll(values);
        }
        if (style == Style.POINT_DECIMAL) {
            Matcher w = NUMBER_WORD.matcher(text);
            while (w.find()) {
                found.computeIfAbsent(w.group(), k -> new TreeSet<>())
                        .add(Integer.toString(WORDS.get(w.group().toLowerCase(Locale.ROOT))));
            }
        }
        return found;
    }

    /** Every value the text's numbers may stand for. */
    static Set<String> values(String text, Style style) {
        Set<String> all = new TreeSet<>();
        in(text, style).values().forEach(all::addAll);
        return all;
    }

    private static BigDecimal scale(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT).replace(".", "");
        if (w.startsWith("mrd")
                || w.startsWith("milliard")
                || w.startsWith("billion")
                || w.equals("bn")
                || w.startsWith("млрд")) {
            return w.startsWith("billionen") ? BigDecimal.TEN.pow(12) : BigDecimal.TEN.pow(9);
        }
        if (w.startsWith("trillion")) {
            return BigDecimal.TEN.pow(12);
        }
        if (w.startsWith("tausend") || w.equals("tsd") || w.equals("thousand") || w.startsWith("тыс")) {
            return BigDecimal.TEN.pow(3);
        }
        return BigDecimal.TEN.pow(6);
    }

    private static String canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
