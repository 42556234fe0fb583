package io.dragoman.core.clean;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;

/**
 * Turns one raw input document into the article alone, with its facts as metadata. Implementations are
 * thread-safe.
 */
public interface Cleaner {

    /**
     * Cleans one document. When the raw article states a URL, the article's {@code metadata.url} is that URL and
     * source profiles are matched on it; the raw article's extra fields are carried to the article unchanged.
     *
     * @throws CleaningException when the input cannot yield an article: it is empty, binary, undecodable, too
     *     large, or holds no body. The exception's message names what is wrong.
     * @throws NullPointerException when {@code raw} is null
     */
    CleanedArticle clean(RawArticle raw);

    /**
     * Lets the cleaner learn batch-wide chrome (lines repeated at the edges of many documents of one source)
     * from a document before the batch is cleaned. Cleaners that do not learn ignore it; it never throws.
     */
    default void observe(RawArticle raw) {}
}
