package io.dragoman.core.lang;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A language detector whose model loads on a thread of its own from the moment it is made: a run reads its inputs
 * (the learning pass, which detects no language) while the model loads, and the first {@link #detect} waits for it.
 */
public final class BackgroundLanguageDetector implements LanguageDetector {

    private final CompletableFuture<LanguageDetector> loading;

    /** @param load makes the detector (loads its model); called once, on a daemon thread */
    public BackgroundLanguageDetector(Supplier<LanguageDetector> load) {
        Objects.requireNonNull(load, "load");
        this.loading = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        loading.complete(Objects.requireNonNull(load.get(), "detector"));
                    } catch (RuntimeException | Error e) {
                        loading.completeExceptionally(e);
                    }
                },
                "dragoman-load-languages");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the model, then detects; a model that failed to load throws its error here. */
    @Override
    public Optional<String> detect(String text) {
        return loaded().detect(text);
    }

    private LanguageDetector loaded() {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
