package io.dragoman.core.lang;

/**
 * Counts tokens the way OpenAI-style byte-pair-encoding tokenizers do. Used to size translation chunks and output
 * budgets, and as the usage of a call when a provider reports none. For models of other vendors the count is an
 * estimate: their tokenizers differ, though usually by well under a third for European text. Implementations are
 * thread-safe.
 */
public interface TokenCounter {

    /** Returns the number of tokens in the text; null or empty text has none. */
    int count(String text);
}
