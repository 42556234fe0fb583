package io.dragoman.core.pipeline;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.store.StoredArticle;
import io.dragoman.core.store.StoredFailure;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.Translation;
import java.util.Optional;

/**
 * Where the {@link ArticlePipeline} records how far an article got, and finds what an earlier run finished: the run
 * store for a batch ({@link StoreProgress}), nothing for a one-off article ({@link #NONE}). Each call commits before
 * it returns, so a crash loses at most the work in flight. Implementations are thread-safe.
 */
public interface ArticleProgress {

    /** Remembers nothing and finds nothing: for one article processed on its own. */
    ArticleProgress NONE = new ArticleProgress() {
        @Override
        public Optional<StoredArticle> find(ArticleId id) {
            return Optional.empty();
        }

        @Override
        public void cleaned(RawArticle raw, String inputHash, CleanedArticle article) {}

        @Override
        public void started(ArticleId id) {}

        @Override
        public void translated(Translation translation) {}

        @Override
        public void summarized(Summary summary) {}

        @Override
        public void failed(ArticleId id, StoredFailure failure) {}
    };

    /** What an earlier run left of the article, if anything. */
    Optional<StoredArticle> find(ArticleId id);

    /** The article was cleaned from this input; it starts afresh from here. */
    void cleaned(RawArticle raw, String inputHash, CleanedArticle article);

    /** The article's model stages start; a crash from here on leaves it to be redone from its last finished stage. */
    void started(ArticleId id);

    /** The article was translated. */
    void translated(Translation translation);

    /** The article was summarised. */
    void summarized(Summary summary);

    /** An attempt at the article failed. */
    void failed(ArticleId id, StoredFailure failure);
}
