package io.dragoman.core.soak;

import io.dragoman.core.article.Stage;
import io.dragoman.core.llm.ProviderKind;
import java.util.Set;

/**
 * A way a model API call can go wrong. A transport fault fails the HTTP call itself (an error status, a timeout, a reset
 * connection, a 200 that is not a reply of the protocol) and is the retry layer's to handle; a content fault is a
 * well-formed reply whose text is wrong, and is the translator's or summarizer's to repair or reject.
 */
enum FaultKind {
    RATE_LIMITED_RETRY_AFTER("429 with Retry-After", true, Stage.TRANSLATE, Stage.SUMMARIZE),
    RATE_LIMITED("429 without Retry-After", true, Stage.TRANSLATE, Stage.SUMMARIZE),
    SERVER_ERROR("500", true, Stage.TRANSLATE, Stage.SUMMARIZE),
    BAD_GATEWAY("502", true, Stage.TRANSLATE, Stage.SUMMARIZE),
    UNAVAILABLE("503", true, Stage.TRANSLATE, Stage.SUMMARIZE),
    OVERLOADED("529 (Anthropic)", true, Stage.TRANSLATE, Stage.SUMMARIZE),
    READ_TIMEOUT("read timeout", true, Stage.TRANSLATE, Stage.SUMMARIZE),
    CONNECTION_RESET("connection reset", true, Stage.TRANSLATE, Stage.SUMMARIZE),
    GARBAGE_BODY("200 with a garbage body", true, Stage.TRANSLATE, Stage.SUMMARIZE),
    EMPTY_BODY("200 with an empty body", true, Stage.TRANSLATE, Stage.SUMMARIZE),
    TRUNCATED("truncated reply (length limit)", false, Stage.TRANSLATE, Stage.SUMMARIZE),
    FENCED_JSON("fenced JSON", false, Stage.SUMMARIZE),
    INVALID_JSON("invalid JSON", false, Stage.SUMMARIZE),
    WRONG_SCHEMA_JSON("wrong-schema JSON", false, Stage.SUMMARIZE),
    UNTRANSLATED_ECHO("untranslated echo", false, Stage.TRANSLATE),
    DROPPED_LAST_PARAGRAPH("dropped last paragraph", false, Stage.TRANSLATE),
    LAST_SENTENCE_UNTRANSLATED("last sentence left in German", false, Stage.TRANSLATE);

    private final String label;
    private final boolean transport;
    private final Set<Stage> stages;

    FaultKind(String label, boolean transport, Stage first, Stage... more) {
        this.label = label;
        this.transport = transport;
        this.stages = java.util.EnumSet.of(first, more);
    }

    /** How the fault table names it. */
    String label() {
        return label;
    }

    /** True for faults of the HTTP call; false for well-formed replies with wrong content. */
    boolean transport() {
        return transport;
    }

    /** Whether this fault can be injected into a call of this stage and protocol. */
    boolean appliesTo(Stage stage, ProviderKind protocol) {
        return stages.contains(stage) && (this != OVERLOADED || protocol == ProviderKind.ANTHROPIC);
    }

    /**
     * Whether a stage that gets this fault on every reply ends the article as failed; false when the pipeline accepts
     * the reply anyway (a fenced summary is unwrapped; a translation with its last sentences in German is kept for
     * review). An echo of the source is never accepted as a translation.
     */
    boolean failsWhenPersistent() {
        return this != FENCED_JSON && this != LAST_SENTENCE_UNTRANSLATED;
    }
}
