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

/** A model that answers from a script, one answer per call, and records every request. */
final class ScriptedModel implements ModelProvider {

    final List<ModelRequest> requests = new ArrayList<>();
    private final Deque<Function<ModelRequest, ModelReply>> answers = new ArrayDeque<>();

    /** Answers the next call with this text, finished normally, with these tokens. */
    ScriptedModel then(String text, long in, long out) {
        answers.add(r -> reply(text, FinishReason.STOP, Optional.of(new Usage(in, out))));
        return this;
    }

    /** Answers the next call with this text, cut off by the token limit. */
    ScriptedModel thenTruncated(String text) {
        answers.add(r -> reply(text, FinishReason.LENGTH, Optional.of(new Usage(100, 10))));
        return this;
    }

    /** Answers the next call as the function says. */
    ScriptedModel then(Function<ModelRequest, ModelReply> answer) {
        answers.add(answer);
        return this;
    }

    static ModelReply reply(String text, FinishReason finish, Optional<Usage> usage) {
        return new ModelReply(text, finish, usage, ProviderKind.OPENAI, "gpt-4.1-mini");
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
        return new ProviderInfo(ProviderKind.OPENAI, "gpt-4.1-mini", "http://127.0.0.1:1/v1");
    }
}
