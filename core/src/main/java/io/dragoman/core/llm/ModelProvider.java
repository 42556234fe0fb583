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

    /**
     * Sends the request for one article's session: the session counts the reply as paid and tells its observer. A
     * provider that can answer without sending (the call cache) overrides this to honour {@link CallSession#fresh()}.
     *
     * @throws RetriableFailure when trying again later may succeed
     * @throws PermanentFailure when the request cannot succeed until the user changes something
     */
    default ModelReply chat(ModelRequest request, CallSession session) {
        return session.send(info(), request, () -> chat(request));
    }

    /** Which provider and model this is. */
    ProviderInfo info();
}
