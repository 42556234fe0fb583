package io.dragoman.core.llm.provider;

/**
 * The chat APIs Dragoman speaks, one LangChain4j model each; several providers may share one. Each constant says where
 * the request's JSON schema goes.
 */
public enum ChatApi {
    /**
     * OpenAI's chat completions: schema in {@code response_format: {type: json_schema, json_schema: {name, strict:
     * true, schema}}}; a server that ignores {@code response_format} answers unconstrained.
     */
    OPENAI_CHAT_COMPLETIONS,
    /**
     * Anthropic's messages: schema in {@code output_config: {format: {type: json_schema, schema}}} (structured outputs,
     * Claude 4.5 models and later; older models answer 400).
     */
    ANTHROPIC_MESSAGES,
    /** Gemini's generateContent: schema in {@code generationConfig.responseJsonSchema} with {@code application/json}. */
    GEMINI_GENERATE_CONTENT,
    /** Mistral's chat completions: schema in {@code response_format: {type: json_schema, json_schema: {name, strict: true, schema}}}. */
    MISTRAL_CHAT,
    /** Ollama's chat: schema as {@code format}, which Ollama turns into a grammar that constrains decoding. */
    OLLAMA_CHAT
}
