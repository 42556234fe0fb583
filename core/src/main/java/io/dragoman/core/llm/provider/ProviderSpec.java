package io.dragoman.core.llm.provider;

import java.util.Optional;
import java.util.Set;

/**
 * Everything Dragoman knows about one model provider, in one place. Adding a provider is one implementation of this
 * interface, its {@link io.dragoman.core.llm.ProviderKind} constant, and its contract-test stubs; a provider that
 * speaks a chat API no spec used before also needs that {@link ChatApi} constant and its model builder in the
 * LangChain4j adapter.
 */
public interface ProviderSpec {

    /** The name users type and stored records carry, e.g. {@code openai-compatible}. */
    String id();

    /** The model used when the user names none, or empty when the user must name one. */
    Optional<String> defaultModel();

    /** The provider's public API base URL, or empty when the user must give one. */
    Optional<String> defaultBaseUrl();

    /** The environment variable the key is read from, or empty when the provider never takes one. */
    Optional<String> keyVariable();

    /**
     * True when calls need an API key; such a provider is chosen when its key is in the environment. By default, when
     * there is a key variable.
     */
    default boolean needsKey() {
        return keyVariable().isPresent();
    }

    /** The environment variable that may set the base URL, e.g. {@code OPENAI_BASE_URL}; none by default. */
    default Optional<String> baseUrlVariable() {
        return Optional.empty();
    }

    /**
     * True when a request's JSON schema is sent in the provider's own structured-output field ({@link #chatApi()} says
     * which), so the prompt need not repeat it.
     */
    boolean nativeJsonSchema();

    /**
     * True when the summary prompt also carries the schema. By default only when the provider cannot take it natively;
     * local and OpenAI-compatible servers, whose small models follow a schema better when they can read it and some of
     * which ignore {@code response_format}, say true as well.
     */
    default boolean schemaInPrompt() {
        return !nativeJsonSchema();
    }

    /**
     * The ways this provider says how long to wait. Documents what its servers send and what its contract test
     * checks; Dragoman reads every hint from every provider, since a proxy in front of one may speak another's.
     */
    Set<RetryHint> retryHints();

    /** True when the provider's models cost nothing unless the price table says otherwise (local models); false by default. */
    default boolean free() {
        return false;
    }

    /** The chat API the provider speaks, which decides the LangChain4j model that talks to it. */
    ChatApi chatApi();
}
