package io.dragoman.core.pipeline;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.store.ArticleTable;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredArticle;
import io.dragoman.core.store.StoredFailure;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.Translation;
import java.util.Optional;

/** An article's progress committed to the run store's article table, one transaction per stage. Thread-safe. */
public final class StoreProgress implements ArticleProgress {

    private final ArticleTable articles;

    /** @param store where each stage is committed */
    public StoreProgress(RunStore store) {
        this.articles = store.articles();
    }

    @Override
    public Optional<StoredArticle> find(ArticleId id) {
        return articles.find(id);
    }

    @Override
    public void cleaned(RawArticle raw, String inputHash, CleanedArticle article) {
        articles.saveCleaned(raw.id(), raw.location(), inputHash, article);
    }

    @Override
    public void started(ArticleId id) {
        articles.markInFlight(id);
    }

    @Override
    public void translated(Translation translation) {
        articles.saveTranslation(translation.id(), translation);
    }

    @Override
    public void summarized(Summary summary) {
        articles.saveSummary(summary.id(), summary);
    }

    @Override
    public void failed(ArticleId id, StoredFailure failure) {
        articles.saveFailure(id, failure);
    }
}
