package io.dragoman.core.llm;

/** Sends one chat request to a language model; implementations are thread-safe. */
public interface ModelProvider {

    /**
     * Sends the request and waits for the whole reply.
     *
     * @throws RetriableFailure when trying again later may succeed (rate limit, overload, server error, timeout)
     * @throws PermanentFailure when the request cannot succeed until the user changes something (key, model, URL)
     */
    ModelReply chat(ModelRequest request);

    /** Which provider and model this is. */
    ProviderInfo info();
}
