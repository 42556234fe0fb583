package io.dragoman.core.translate;

import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A model that answers from a script, one answer per call, and records every request; for tests. */
public final class ScriptedModel implements ModelProvider {

    public final List<ModelRequest> requests = new ArrayList<>();
    private final ProviderKind kind;

    /** A scripted OpenAI model. */
    public ScriptedModel() {
        this(ProviderKind.OPENAI);
    }

    /** A scripted model of this provider. */
    public ScriptedModel(ProviderKind kind) {
        this.kind = kind;
    }

    private final Deque<Function<ModelRequest, ModelReply>> answers = new ArrayDeque<>();

    /** Answers the next call with this text, finished normally, with these tokens. */
    public ScriptedModel then(String text, long in, long out) {
        answers.add(r -> reply(text, FinishReason.STOP, Optional.of(new Usage(in, out))));
        return this;
    }

    /** Answers the next call with this text, cut off by the token limit. */
    public ScriptedModel thenTruncated(String text) {
        answers.add(r -> reply(text, FinishReason.LENGTH, Optional.of(new Usage(100, 10))));
        return this;
    }

    /** Answers the next call as the function says. */
    public ScriptedModel then(Function<ModelRequest, ModelReply> answer) {
        answers.add(answer);
        return this;
    }

    public static ModelReply reply(String text, FinishReason finish, Optional<Usage> usage) {
        return new ModelReply(text, finish, usage, ProviderKind.OPENAI, "gpt-4.1-mini");
    }

    /** Answers the next call with this text, stopped as {@code finish} says. */
    public ScriptedModel then(String text, FinishReason finish) {
        answers.add(r -> new ModelReply(text, finish, Optional.of(new Usage(100, 50)), kind, info().model()));
        return this;
    }

    @Override
    public synchronized ModelReply chat(ModelRequest request) {
        requests.add(request);
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected call " + requests.size() + ":\n" + request.user());
        }
        return answers.poll().apply(request);
    }

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(
                kind,
                kind == ProviderKind.OPENAI
                        ? "gpt-4.1-mini"
                        : kind.defaultModel().orElse("m"),
                "http://127.0.0.1:1");
    }
}
