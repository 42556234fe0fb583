package io.dragoman.core.store;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.llm.Provenance;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.summary.ArticleSummary;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.Translation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small stage results for the store's tests, each carrying a text that tells it from the others. */
final class StoredValues {

    private StoredValues() {}

    static ArticleId id(String id) {
        return new ArticleId(id);
    }

    /** A cleaned article whose one paragraph is {@code text}. */
    static CleanedArticle cleaned(String id, String text) {
        return new CleanedArticle(
                id(id),
                "Titel " + id,
                List.of(text),
                new ArticleMetadata(null, null, null, null, null, null, "de", null, "in/" + id, null, List.of()),
                List.of());
    }

    /** A translation whose one paragraph is {@code text}. */
    static Translation translation(String id, String text) {
        return new Translation(
                id(id),
                "Title " + id,
                "",
                List.of(text),
                List.of(),
                1,
                new Provenance(
                        ProviderKind.OPENAI,
                        "gpt-test",
                        Map.of("translate", "0123456789ab"),
                        new Usage(10, 5),
                        Optional.of(new BigDecimal("0.00012")),
                        1));
    }

    /** A summary whose summary text is {@code text}. */
    static Summary summary(String id, String text) {
        return new Summary(
                id(id),
                new ArticleSummary(
                        "Headline " + id,
                        text,
                        List.of("A point."),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()),
                List.of(),
                false,
                true,
                new Provenance(
                        ProviderKind.MISTRAL,
                        "mistral-test",
                        Map.of(Summary.TASK, "ba9876543210"),
                        new Usage(20, 8),
                        Optional.empty(),
                        1));
    }
}
