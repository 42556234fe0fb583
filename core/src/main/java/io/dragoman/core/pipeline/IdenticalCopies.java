package io.dragoman.core.pipeline;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.llm.Provenance;
import io.dragoman.core.llm.Spent;
import io.dragoman.core.store.StoredArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the translated articles whose cleaned text (language, title, dateline and paragraphs) is the same as an
 * earlier article's, translated and summarised by the same model with the same prompts. Such a copy sends exactly the
 * first copy's requests, so the call cache answers them and the copy costs nothing; its record still shows what its
 * translation and summary cost, which this adds up as what the cache saved. Keeps one short hash per distinct text.
 */
final class IdenticalCopies {

    /** The hash of each text seen, with the model and prompts of its summary, "" when it has none. */
    private final Map<String, String> seen = new HashMap<>();

    private long articles;
    private Spent recorded = Spent.NONE;

    /** Takes one stored article into account. */
    void add(StoredArticle row) {
        if (row.cleaned().isEmpty() || row.translation().isEmpty()) {
            return;
        }
        Provenance translated = row.translation().get().provenance();
        StringBuilder key = new StringBuilder();
        part(key, model(translated));
        CleanedArticle article = row.cleaned().get();
        part(key, String.valueOf(article.metadata().language()));
        part(key, article.title());
        part(
                key,
                article.metadata().dateline() == null
                        ? ""
                        : article.metadata().dateline().text());
        article.paragraphs().forEach(p -> part(key, p));
        String summary = row.summary().map(s -> model(s.provenance())).orElse("");
        String text = hash(key);
        String first = seen.putIfAbsent(text, summary);
        if (first == null) {
            return;
        }
        articles++;
        recorded = recorded.plus(translated.spent());
        if (!summary.isEmpty() && summary.equals(first)) {
            // the same English, so the same summary request
            recorded = recorded.plus(row.summary().get().provenance().spent());
        } else if (first.isEmpty()) {
            seen.put(text, summary); // the first summary of this text: later copies get it from the cache
        }
    }

    /** The provider, model and prompt versions of some work: what else a request depends on. */
    private static String model(Provenance p) {
        return p.provider().id() + " " + p.model() + " " + new TreeMap<>(p.promptVersions());
    }

    /** What was counted, as the report says it. */
    RunReport.Copies result() {
        return new RunReport.Copies(
                articles,
                recorded.calls(),
                recorded.cost().map(c -> c.stripTrailingZeros()).orElse(null));
    }

    private static void part(StringBuilder key, String value) {
        key.append(value.length()).append(':').append(value).append('\n');
    }

    /** The first 16 bytes of the SHA-256, as text: short enough to keep one per article of a large run. */
    private static String hash(CharSequence text) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256, which every Java runtime must have.", e);
        }
    }
}
