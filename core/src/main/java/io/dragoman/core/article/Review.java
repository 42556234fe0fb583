package io.dragoman.core.article;

/**
 * Whether a person should look at an article's translation. A translation whose checks left a doubtful finding (a
 * sentence left in the source language, a number or quote lost, a sentence probably dropped) is kept and summarised,
 * but shown and counted as needing review until a rerun repairs it or a person accepts it.
 */
public enum Review {
    /** Nothing for a person to check (or no translation yet). */
    NONE,
    /** The translation has doubtful findings a person should check. */
    NEEDS_REVIEW,
    /** It had doubtful findings, and a person accepted it as it is. */
    ACCEPTED;

    /** The status users see in outputs: {@code needs-review} or {@code accepted}; empty for {@link #NONE}. */
    public String label() {
        return switch (this) {
            case NONE -> "";
            case NEEDS_REVIEW -> "needs-review";
            case ACCEPTED -> "accepted";
        };
    }
}
