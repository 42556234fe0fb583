package io.dragoman.core.store;

import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.Review;
import io.dragoman.core.article.Stage;
import java.util.Arrays;
import java.util.Optional;

/**
 * The text the {@code articles} table keeps for a status and a stage, and back. Written out here rather than taken
 * from the constants' names, so that renaming a constant cannot change what the files hold; the schema's {@code CHECK}
 * constraints list the same texts. Every SQL statement binds these as parameters instead of spelling them out.
 */
final class Columns {

    private Columns() {}

    /** The {@code status} text of a status. */
    static String text(ArticleStatus status) {
        return switch (status) {
            case CLEANED -> "CLEANED";
            case TRANSLATED -> "TRANSLATED";
            case SUMMARIZED -> "SUMMARIZED";
            case FAILED -> "FAILED";
            case IN_FLIGHT -> "IN_FLIGHT";
        };
    }

    /** The {@code review} text of a review state; null (SQL {@code NULL}) for {@link Review#NONE}. */
    static String text(Review review) {
        return switch (review) {
            case NONE -> null;
            case NEEDS_REVIEW -> "NEEDS_REVIEW";
            case ACCEPTED -> "ACCEPTED";
        };
    }

    /** The review state a {@code review} text stands for; {@link Review#NONE} for null, empty for a foreign text. */
    static Optional<Review> review(String text) {
        if (text == null) {
            return Optional.of(Review.NONE);
        }
        return Arrays.stream(Review.values())
                .filter(review -> text.equals(text(review)))
                .findFirst();
    }

    /** The {@code failure_stage} text of a stage. */
    static String text(Stage stage) {
        return switch (stage) {
            case CLEAN -> "CLEAN";
            case TRANSLATE -> "TRANSLATE";
            case SUMMARIZE -> "SUMMARIZE";
        };
    }

    /** The status a {@code status} text stands for; empty for a text no Dragoman writes. */
    static Optional<ArticleStatus> status(String text) {
        return Arrays.stream(ArticleStatus.values())
                .filter(status -> text(status).equals(text))
                .findFirst();
    }

    /** The stage a {@code failure_stage} text stands for; empty for a text no Dragoman writes. */
    static Optional<Stage> stage(String text) {
        return Arrays.stream(Stage.values())
                .filter(stage -> text(stage).equals(text))
                .findFirst();
    }
}
