package io.dragoman.core.store;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.Translation;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Run in a child JVM by {@link RunStoreTest}: writes articles through every stage, and a cached call for each, into the
 * store named by its argument as fast as it can, printing {@code done N} after article N's last commit, until it is
 * killed. The values are a function of the article number and stage, so the test can tell a whole value from a torn
 * one.
 */
final class RunStoreCrashWriter {

    private RunStoreCrashWriter() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (RunStore store = RunStore.open(Path.of(args[0]))) {
            ArticleTable articles = store.articles();
            for (int i = 0; ; i++) {
                ArticleId id = id(i);
                articles.markInFlight(id);
                articles.saveCleaned(id, "input/" + id + ".html", "hash-" + i, cleaned(i));
                articles.markInFlight(id);
                articles.saveTranslation(id, translation(i));
                articles.saveSummary(id, summary(i));
                store.callCache().put(id.value(), reply(i));
                out.println("done " + i);
            }
        }
    }

    static ArticleId id(int i) {
        return new ArticleId(String.format(Locale.ROOT, "article-%06d", i));
    }

    static CleanedArticle cleaned(int i) {
        return StoredValues.cleaned(id(i).value(), payload(i, "cleaned"));
    }

    static Translation translation(int i) {
        return StoredValues.translation(id(i).value(), payload(i, "translation"));
    }

    static Summary summary(int i) {
        return StoredValues.summary(id(i).value(), payload(i, "summary"));
    }

    /** Some kilobytes of text, different for every article and stage, so that rows span pages and the log grows. */
    static String payload(int i, String stage) {
        return (id(i) + " " + stage + " ").repeat(120);
    }

    static ModelReply reply(int i) {
        return new ModelReply(
                payload(i, "reply"),
                FinishReason.STOP,
                Optional.of(new Usage(i, 2L * i)),
                ProviderKind.OPENAI,
                "gpt-test");
    }
}
