package io.dragoman.core.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One model call as a log line shows it: who answered, whether the reply came from the call cache, the reply or the
 * failure, and how long it took. Holds no message text and no key.
 *
 * @param provider the provider and model asked
 * @param structured true when the request asked for JSON against a schema (a summary), false for free text
 * @param cached true when the reply came from the call cache and nothing was sent
 * @param reply the reply, when there was one
 * @param failure why the call failed (a message that never holds a key), when it did
 * @param elapsed how long the call took, retries and rate-limit waits included
 */
public record ModelCall(
        ProviderInfo provider,
        boolean structured,
        boolean cached,
        Optional<ModelReply> reply,
        Optional<String> failure,
        Duration elapsed) {

    /** Validates that nothing is null and exactly one of reply and failure is given. */
    public ModelCall {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(elapsed, "elapsed");
        if (reply.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("A call has either a reply or a failure.");
        }
    }
}
