package io.dragoman.core.translate;

import java.util.Objects;

/**
 * One piece of source text sent for translation under its own marker: the title ({@code [T]}), the dateline
 * ({@code [D]}), a body paragraph, or a part of an over-long paragraph split at sentence boundaries.
 *
 * @param kind what the text is
 * @param paragraph the body paragraph's index in the article (0-based); -1 for the title and dateline
 * @param part the part's index within its paragraph; 0 for a paragraph sent whole
 * @param text the source text; not blank
 */
public record Unit(Kind kind, int paragraph, int part, String text) {

    /** What a unit's text is. */
    public enum Kind {
        /** The article's title. */
        TITLE,
        /** The dateline that opened the first paragraph. */
        DATELINE,
        /** A body paragraph or a part of one. */
        BODY
    }

    /** Validates the text and indices. */
    public Unit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("A unit of translation cannot be blank.");
        }
        if (kind == Kind.BODY ? paragraph < 0 || part < 0 : paragraph != -1 || part != 0) {
            throw new IllegalArgumentException("Bad position for a " + kind + " unit: " + paragraph + "/" + part);
        }
    }

    static Unit title(String text) {
        return new Unit(Kind.TITLE, -1, 0, text);
    }

    static Unit dateline(String text) {
        return new Unit(Kind.DATELINE, -1, 0, text);
    }

    static Unit body(int paragraph, int part, String text) {
        return new Unit(Kind.BODY, paragraph, part, text);
    }
}
