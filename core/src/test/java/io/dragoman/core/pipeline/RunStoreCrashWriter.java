package io.dragoman.core.pipeline;

import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Run in a child JVM by {@link RunStoreTest}: writes articles through every stage, and a cached call for each, into the
 * store named by its argument as fast as it can, printing {@code done N} after article N's last commit, until it is
 * killed. The payloads are a function of the article number and stage, so the test can tell a whole value from a torn
 * one.
 */
final class RunStoreCrashWriter {

    private RunStoreCrashWriter() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (RunStore store = RunStore.open(Path.of(args[0]))) {
            for (int i = 0; ; i++) {
                String id = id(i);
                store.markInFlight(id);
                store.saveCleaned(id, "input/" + id + ".html", "hash-" + i, payload(i, "cleaned"));
                store.markInFlight(id);
                store.saveTranslation(id, payload(i, "translation"));
                store.saveSummary(id, payload(i, "summary"));
                store.callCache().put(id, reply(i));
                out.println("done " + i);
            }
        }
    }

    static String id(int i) {
        return String.format(Locale.ROOT, "article-%06d", i);
    }

    /** Some kilobytes of JSON, different for every article and stage, so that rows span pages and the log grows. */
    static String payload(int i, String stage) {
        String line = id(i) + " " + stage + " ";
        return "{\"id\":\"" + id(i) + "\",\"stage\":\"" + stage + "\",\"text\":\"" + line.repeat(120) + "\"}";
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
