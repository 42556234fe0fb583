package io.dragoman.core.clean;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dates news pages show, with month and weekday names in German, English and Russian. Never guesses: text
 * that is not a complete date gives an empty result.
 */
final class DateParser {

    /**
     * A date found in a line, with the time of day when the line shows one, and the zone when the line names one by
     * an unambiguous abbreviation ({@code ET}, {@code MSK}, {@code UTC}); otherwise {@code zone} is null.
     */
    record LineDate(LocalDate date, LocalTime time, boolean hasWeekday, String lead, ZoneId zone) {
        /** The local date-time, or null without a time of day. */
        LocalDateTime dateTime() {
            return time == null ? null : LocalDateTime.of(date, time);
        }
    }

    private static final Map<String, Integer> MONTHS = monthNames();
    private static final String WEEKDAYS = weekdayNames();

    private static Map<String, Integer> monthNames() {
        Map<String, Integer> names = new HashMap<>();
        String[][] months = {
            {"januar", "jänner", "january", "jan", "январь", "января", "янв"},
            {"februar", "feber", "february", "feb", "февраль", "февраля", "фев"},
            {"märz", "maerz", "march", "mär", "mar", "март", "марта"},
            {"april", "apr", "апрель", "апреля", "апр"},
            {"mai", "may", "май", "мая"},
            {"juni", "june", "jun", "июнь", "июня", "июн"},
            {"juli", "july", "jul", "июль", "июля", "июл"},
            {"august", "aug", "август", "августа", "авг"},
            {"september", "sept", "sep", "сентябрь", "сентября", "сен", "сент"},
            {"oktober", "october", "okt", "oct", "октябрь", "октября", "окт"},
            {"november", "nov", "ноябрь", "ноября", "ноя", "нояб"},
            {"dezember", "december", "dez", "dec", "декабрь", "декабря", "дек"}
        };
        for (int i = 0; i < months.length; i++) {
            for (String name : months[i]) {
                names.put(name, i + 1);
            }
        }
        return Map.copyOf(names);
    }

    private static String weekdayNames() {
        return String.join(
                "|",
                "montag",
                "dienstag",
                "mittwoch",
                "donnerstag",
                "freitag",
                "samstag",
                "sonnabend",
                "sonntag",
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
                "mon",
                "tue",
                "wed",
                "thu",
                "fri",
                "sat",
                "sun",
                "понедельник",
                "вторник",
                "среда",
                "четверг",
                "пятница",
                "суббота",
                "воскресенье");
    }

    /** Zone abbreviations that name one zone only; CST, IST and the like mean different zones and are not read. */
    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("utc", ZoneOffset.UTC),
            Map.entry("gmt", ZoneOffset.UTC),
            Map.entry("msk", ZoneId.of("Europe/Moscow")),
            Map.entry("cet", ZoneOffset.ofHours(1)),
            Map.entry("mez", ZoneOffset.ofHours(1)),
            Map.entry("cest", ZoneOffset.ofHours(2)),
            Map.entry("mesz", ZoneOffset.ofHours(2)),
            Map.entry("eet", ZoneOffset.ofHours(2)),
            Map.entry("eest", ZoneOffset.ofHours(3)),
            Map.entry("et", ZoneId.of("America/New_York")),
            Map.entry("est", ZoneOffset.ofHours(-5)),
            Map.entry("edt", ZoneOffset.ofHours(-4)),
            Map.entry("pt", ZoneId.of("America/Los_Angeles")),
            Map.entry("pst", ZoneOffset.ofHours(-8)),
            Map.entry("pdt", ZoneOffset.ofHours(-7)));

    private static final String TIME = "(?:\\s*[,|/·•–—-]?\\s*(?:um\\s+|at\\s+|в\\s+)?(?<h>\\d{1,2})[:.](?<min>\\d{2})"
            + "(?:\\s*(?<ampm>[ap]\\.?\\s?m\\.?))?(?:\\s*(?:uhr|h))?"
            + "(?:\\s+(?<tz>" + String.join("|", ZONES.keySet()) + "))?)?";
    /** Separators that scrapes leave around a date line: table bars, bullets, dashes. */
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s|•·–—-]+|[\\s|•·–—-]+$");

    private static final String LEAD = "^(?:(?<lead>[\\p{L}]{1,12})\\s+)??(?:(?<wd>" + WEEKDAYS + ")\\.?\\s*,?\\s+)?";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            LEAD + "(?<d>\\d{1,2})\\.?\\s+(?<m>\\p{L}+)\\.?,?\\s+(?<y>\\d{4})(?:\\s*(?:г\\.|года))?" + TIME + "\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            LEAD + "(?<m>\\p{L}+)\\.?\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>\\d{4})" + TIME + "\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NUMERIC_DMY = Pattern.compile(
            LEAD + "(?<d>\\d{1,2})\\.(?<mn>\\d{1,2})\\.(?<y>\\d{4})" + TIME + "\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NUMERIC_YMD = Pattern.compile(
            LEAD + "(?<y>\\d{4})-(?<mn>\\d{2})-(?<d>\\d{2})" + TIME + "\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DAY_MONTH = Pattern.compile(
            "^(?<d>\\d{1,2})\\.?\\s+(?<m>\\p{L}+)\\.?$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_DAY =
            Pattern.compile("^(?<m>\\p{L}+)\\.?\\s+(?<d>\\d{1,2})$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private DateParser() {}

    /**
     * Parses a line that is a date and nothing else, optionally with a weekday, a time of day, and one leading
     * word such as an image's alt text ({@code flag Donnerstag, 2 Mai 2024}).
     */
    static Optional<LineDate> parseLine(String line) {
        String text = EDGE_PUNCTUATION.matcher(line).replaceAll("");
        if (text.length() > 80 || text.isEmpty() || !containsDigit(text)) {
            return Optional.empty();
        }
        for (Pattern pattern : new Pattern[] {DAY_MONTH_YEAR, MONTH_DAY_YEAR, NUMERIC_DMY, NUMERIC_YMD}) {
            Matcher m = pattern.matcher(text);
            if (m.matches()) {
                Optional<LineDate> parsed = toLineDate(m, pattern == DAY_MONTH_YEAR || pattern == MONTH_DAY_YEAR);
                if (parsed.isPresent()) {
                    return parsed;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LineDate> toLineDate(Matcher m, boolean named) {
        String lead = m.group("lead");
        if (lead != null && (MONTHS.containsKey(lead.toLowerCase(Locale.ROOT)) || lead.matches("(?i)(am|on|le)"))) {
            // "am 2 Mai 2024" is fine, but a month name as lead means we split the date wrongly
            if (MONTHS.containsKey(lead.toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
        }
        try {
            int month;
            if (named) {
                Integer found = MONTHS.get(m.group("m").toLowerCase(Locale.ROOT));
                if (found == null) {
                    return Optional.empty();
                }
                month = found;
            } else {
                month = Integer.parseInt(m.group("mn"));
            }
            LocalDate date = LocalDate.of(Integer.parseInt(m.group("y")), month, Integer.parseInt(m.group("d")));
            LocalTime time = null;
            if (m.group("h") != null) {
                int hour = Integer.parseInt(m.group("h"));
                String ampm = m.group("ampm");
                if (ampm != null) {
                    boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
                    if (hour < 1 || hour > 12) {
                        return Optional.empty();
                    }
                    hour = hour % 12 + (pm ? 12 : 0);
                }
                time = LocalTime.of(hour, Integer.parseInt(m.group("min")));
            }
            String tz = m.group("tz");
            ZoneId zone = tz == null ? null : ZONES.get(tz.toLowerCase(Locale.ROOT));
            return Optional.of(new LineDate(date, time, m.group("wd") != null, lead, zone));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Parses a day and month without a year, as in datelines: {@code 26. November}, {@code 26 ноября}. */
    static Optional<MonthDay> parseDayMonth(String text) {
        String t = text.strip();
        Matcher m = DAY_MONTH.matcher(t);
        if (!m.matches()) {
            m = MONTH_DAY.matcher(t);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        Integer month = MONTHS.get(m.group("m").toLowerCase(Locale.ROOT));
        if (month == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MonthDay.of(month, Integer.parseInt(m.group("d"))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses a machine-readable time as found in HTML metadata: ISO 8601 with or without offset, or a date alone.
     * A time without offset is placed in {@code zone}; without a zone it is not parsed.
     */
    static Optional<OffsetDateTime> parseIso(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(t));
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return Optional.of(
                    ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime());
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return Optional.of(OffsetDateTime.parse(t, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]XX")));
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        if (zone == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(t).atZone(zone).toOffsetDateTime());
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        return parseLine(t)
                .filter(d -> d.time() != null)
                .map(d -> d.dateTime().atZone(zone).toOffsetDateTime());
    }

    private static boolean containsDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
