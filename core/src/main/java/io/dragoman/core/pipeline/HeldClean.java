package io.dragoman.core.pipeline;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.store.StoredArticle;
import io.dragoman.core.store.StoredFailure;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.Translation;
import java.util.Objects;
import java.util.Optional;

/**
 * One article's progress with its cleaned row held back until {@link #commit}: an article cleaned ahead of the model
 * slots is stored when it takes its slot, so the store fills with cleaned rows no faster than the slots take them (a
 * store near its size limit still gets summaries), while the cleaning itself is done off the slots. Everything else
 * goes to the store at once. Used by one thread at a time (the hand-off to the slot orders the two).
 */
final class HeldClean implements ArticleProgress {

    private final ArticleProgress store;
    private Runnable held = () -> {};

    /** @param store where the article's progress is committed */
    HeldClean(ArticleProgress store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Commits the cleaned row held back, if any; once. */
    void commit() {
        Runnable now = held;
        held = () -> {};
        now.run();
    }

    @Override
    public Optional<StoredArticle> find(ArticleId id) {
        return store.find(id);
    }

    @Override
    public void cleaned(RawArticle raw, String inputHash, CleanedArticle article) {
        held = () -> store.cleaned(raw, inputHash, article);
    }

    @Override
    public void started(ArticleId id) {
        store.started(id);
    }

    @Override
    public void translated(Translation translation) {
        store.translated(translation);
    }

    @Override
    public void summarized(Summary summary) {
        store.summarized(summary);
    }

    @Override
    public void failed(ArticleId id, StoredFailure failure) {
        store.failed(id, failure);
    }
}
