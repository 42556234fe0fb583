package io.dragoman.core.pipeline;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.Translation;
import java.util.Objects;
import java.util.Optional;

/** An article's progress committed to the run store, as the JSON the store keeps for each stage. Thread-safe. */
public final class StoreProgress implements ArticleProgress {

    private final RunStore store;
    private final StoredJson json = new StoredJson();

    /** @param store where each stage is committed */
    public StoreProgress(RunStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<StoredArticle> find(String id) {
        return store.find(id);
    }

    @Override
    public void cleaned(RawArticle raw, String inputHash, CleanedArticle article) {
        store.saveCleaned(raw.id().value(), raw.location(), inputHash, json.cleaned(article));
    }

    @Override
    public void started(String id) {
        store.markInFlight(id);
    }

    @Override
    public void translated(Translation translation) {
        store.saveTranslation(translation.id().value(), json.translation(translation));
    }

    @Override
    public void summarized(Summary summary) {
        store.saveSummary(summary.id().value(), json.summary(summary));
    }

    @Override
    public void failed(FailureRecord f) {
        store.saveFailure(
                f.id(),
                f.location().orElse(null),
                f.inputHash().orElse(null),
                f.stage(),
                f.reason(),
                f.retriable(),
                f.detail().orElse(null));
    }
}
