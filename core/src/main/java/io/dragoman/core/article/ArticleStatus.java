package io.dragoman.core.article;

/**
 * Where an article stands in a run: the furthest stage whose result is committed, a failure, or work in progress. A
 * rerun reads it from the run store to decide what to skip, what to resume and what to redo.
 */
public enum ArticleStatus {
    /** The cleaned article is stored; translation and summary are not. */
    CLEANED,
    /** The cleaned article and its translation are stored. */
    TRANSLATED,
    /** Every stage is stored: the article is done. */
    SUMMARIZED,
    /** The latest attempt failed; the failure says at which stage and why, and earlier stages' results are kept. */
    FAILED,
    /**
     * A worker is on it. Only a crashed or interrupted run leaves this behind; the run store turns it back into the
     * last finished state at the start of the next run.
     */
    IN_FLIGHT
}
