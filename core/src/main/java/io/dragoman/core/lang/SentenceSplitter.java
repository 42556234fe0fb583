package io.dragoman.core.lang;

import java.util.List;

/**
 * Splits text into sentences, so that a paragraph too long for one translation request can be cut at sentence
 * boundaries. Implementations are thread-safe.
 */
public interface SentenceSplitter {

    /**
     * Returns the sentences of the text in order, each stripped of surrounding whitespace. No text is lost: joined
     * with single spaces they give back every character of the text except whitespace between sentences. Null or
     * blank text gives an empty list.
     */
    List<String> split(String text);
}
