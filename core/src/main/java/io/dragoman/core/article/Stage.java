package io.dragoman.core.article;

/** The stages an article goes through, in order; a failure names the one it happened in. */
public enum Stage {
    /** Reading the input and extracting the article and its metadata. */
    CLEAN,
    /** Translating the cleaned paragraphs into English. */
    TRANSLATE,
    /** Writing the structured summary. */
    SUMMARIZE
}
