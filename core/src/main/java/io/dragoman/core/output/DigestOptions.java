package io.dragoman.core.output;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which articles a digest covers and how it cuts them into periods. Dates are the articles' own, in the time zone of
 * their source.
 *
 * @param since the first day covered, or empty for the oldest article's
 * @param until the last day covered (inclusive), or empty for the newest article's
 * @param by the length of a period
 */
public record DigestOptions(Optional<LocalDate> since, Optional<LocalDate> until, Period by) {

    /** Every article, by week: what the reader site shows until {@code dragoman digest} asks for something else. */
    public static final DigestOptions WEEKLY = new DigestOptions(Optional.empty(), Optional.empty(), Period.WEEK);

    /** A day, or an ISO week from Monday to Sunday. */
    public enum Period {
        DAY,
        WEEK;

        private static final DateTimeFormatter DAY_SHOWN =
                DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
        private static final DateTimeFormatter WEEK_START = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

        /** The first day of the period holding this day. */
        public LocalDate start(LocalDate day) {
            return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        /** The last day of the period that starts on this day. */
        public LocalDate end(LocalDate start) {
            return this == DAY ? start : start.plusDays(6);
        }

        /** The period's short name: {@code 2020-11-26} or {@code 2020-W48}. */
        public String key(LocalDate start) {
            return this == DAY
                    ? start.toString()
                    : String.format(
                            Locale.ROOT,
                            "%d-W%02d",
                            start.get(IsoFields.WEEK_BASED_YEAR),
                            start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }

        /** The period as a heading says it: {@code Thursday 26 November 2020} or {@code Week 2020-W48, 23 November – 29 November 2020}. */
        public String label(LocalDate start) {
            if (this == DAY) {
                return DAY_SHOWN.format(start);
            }
            LocalDate end = end(start);
            String from = WEEK_START.format(start) + (start.getYear() == end.getYear() ? "" : " " + start.getYear());
            return "Week " + key(start) + ", " + from + " – " + WEEK_START.format(end) + " " + end.getYear();
        }

        /** The option's value: {@code day} or {@code week}. */
        public String option() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Validates the range.
     *
     * @throws IllegalArgumentException when {@code since} is after {@code until}
     */
    public DigestOptions {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(by, "by");
        if (since.isPresent() && until.isPresent() && since.get().isAfter(until.get())) {
            throw new IllegalArgumentException(
                    "The digest's --since " + since.get() + " is after its --until " + until.get() + ".");
        }
    }

    /** Whether the day is in the range. */
    boolean covers(LocalDate day) {
        return since.map(s -> !day.isBefore(s)).orElse(true)
                && until.map(u -> !day.isAfter(u)).orElse(true);
    }
}
