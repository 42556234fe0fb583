package io.dragoman.core.translate;

import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.llm.Usage;
import java.util.List;
import java.util.Optional;

/**
 * An article that could not be translated: a check that makes the translation unusable still failed after its
 * repair, or the model could not be reached. Carries what was spent on the way, so a failed article is accounted
 * for. Its message names the article and the reason, and never contains an API key.
 */
public final class TranslationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Usage usage;
    private final int calls;
    private final transient List<CheckResult> checks;

    TranslationException(String message, Usage usage, int calls, List<CheckResult> checks, ModelFailure cause) {
        super(message, cause);
        this.usage = usage;
        this.calls = calls;
        this.checks = List.copyOf(checks);
    }

    /** Tokens spent before the failure. */
    public Usage usage() {
        return usage;
    }

    /** Model calls made before the failure. */
    public int calls() {
        return calls;
    }

    /** The checks as far as they ran; a {@link CheckResult.Status#FAILED} one is the reason when there is one. */
    public List<CheckResult> checks() {
        return checks;
    }

    /** The model failure behind this, when the model could not be reached or refused the request. */
    public Optional<ModelFailure> modelFailure() {
        return getCause() instanceof ModelFailure f ? Optional.of(f) : Optional.empty();
    }

    /**
     * True when trying the same article again later may succeed (the model was unavailable or answered badly); false
     * when the user must change something first (a rejected key, an unknown model).
     */
    public boolean retriable() {
        return !(getCause() instanceof PermanentFailure);
    }
}
