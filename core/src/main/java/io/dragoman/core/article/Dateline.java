package io.dragoman.core.article;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The dateline that opens a news agency report, such as {@code MINSK, 26. November (BelTA) – }.
 *
 * @param place the place as written, e.g. {@code MINSK}; never blank
 * @param date the date, with the year taken from the publication time; null when the dateline has no date or the
 *     year cannot be known
 * @param agency the agency as written, e.g. {@code BelTA}; null when the dateline names none
 * @param text the dateline exactly as it stood at the start of the first paragraph, separator included
 */
public record Dateline(String place, LocalDate date, String agency, String text) {

    /** Checks that place and text are present. */
    public Dateline {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(text, "text");
        if (place.isBlank()) {
            throw new IllegalArgumentException("dateline place is blank");
        }
    }
}
