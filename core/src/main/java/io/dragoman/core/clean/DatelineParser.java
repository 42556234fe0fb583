package io.dragoman.core.clean;

import java.time.MonthDay;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dateline that opens an agency report: {@code MINSK, 26. November (BelTA) – }, {@code МИНСК, 26 ноября
 * (БЕЛТА) – }, {@code WASHINGTON (Reuters) - }, {@code Berlin (dpa) - }.
 */
final class DatelineParser {

    /** A dateline found at the start of a paragraph; {@code length} is how many characters it takes. */
    record Found(String place, MonthDay monthDay, String agency, String text, int length) {}

    private static final String DASH = "\\s*[–—-]{1,2}\\s*";
    private static final String AGENCY = "\\((?<agency>[^()\\d]{2,40})\\)";
    // A place is up to four words joined by spaces or hyphens. Word characters exclude the separators and the
    // quantifiers are possessive, so a long hyphenated paragraph cannot make the match backtrack polynomially.
    private static final Pattern WITH_DATE =
            Pattern.compile("^(?<place>\\p{Lu}[\\p{L}'’.]*+(?:[ \\-]\\p{L}[\\p{L}'’.]*+){0,3})"
                    + "\\s*,\\s*(?<date>\\d{1,2}\\.?\\s+\\p{L}+\\.?|\\p{L}+\\.?\\s+\\d{1,2})(?:,?\\s+\\d{4})?\\s*"
                    + AGENCY + DASH);
    private static final Pattern WITHOUT_DATE =
            Pattern.compile("^(?<place>\\p{Lu}[\\p{Lu}'’.]++(?:[ \\-]\\p{Lu}[\\p{Lu}'’.]*+){0,3})\\s*" + AGENCY + DASH);

    /**
     * A place in ordinary case ({@code Berlin (dpa) - }), trusted only with a news agency's name in the parentheses:
     * {@code Die EU (Europäische Union) – } is a sentence.
     */
    private static final Pattern MIXED_CASE =
            Pattern.compile("^(?<place>\\p{Lu}[\\p{L}'’.]*+(?:[ \\-]\\p{Lu}[\\p{L}'’.]*+){0,3})\\s*" + AGENCY + DASH);

    /** News agencies that open reports with a dateline in ordinary case, lower-cased. */
    private static final Set<String> AGENCIES = Set.of(
            "dpa",
            "afp",
            "ap",
            "reuters",
            "kna",
            "epd",
            "dts",
            "sid",
            "apa",
            "sda",
            "ots",
            "ddp",
            "belta",
            "tass",
            "ria novosti",
            "interfax",
            "efe",
            "ansa",
            "kyodo",
            "xinhua",
            "anp",
            "pap",
            "ukrinform",
            "unian",
            "ctk",
            "mti",
            "bta",
            "dpa-afx",
            "awp",
            "keystone-sda",
            "belga",
            "ats",
            "europa press",
            "lusa");

    private DatelineParser() {}

    static Optional<Found> find(String paragraph) {
        Matcher m = WITH_DATE.matcher(paragraph);
        if (m.find()) {
            Optional<MonthDay> day = DateParser.parseDayMonth(m.group("date"));
            if (day.isPresent()) {
                return Optional.of(found(m, day.get()));
            }
        }
        m = WITHOUT_DATE.matcher(paragraph);
        if (m.find()) {
            return Optional.of(found(m, null));
        }
        m = MIXED_CASE.matcher(paragraph);
        if (m.find() && isAgency(m.group("agency"))) {
            return Optional.of(found(m, null));
        }
        return Optional.empty();
    }

    private static boolean isAgency(String text) {
        for (String part : text.split("[/,]")) {
            if (!AGENCIES.contains(part.strip().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static Found found(Matcher m, MonthDay day) {
        return new Found(m.group("place").strip(), day, m.group("agency").strip(), m.group(), m.end());
    }
}
