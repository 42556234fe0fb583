package io.dragoman.core.translate;

import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.Spending;
import io.dragoman.core.llm.SpentFailure;
import java.util.List;

/**
 * An article that could not be translated: a check that makes the translation unusable still failed after its
 * repair, or the model could not be reached. Carries what was spent on the way and the checks as far as they ran.
 */
public final class TranslationException extends SpentFailure {

    private static final long serialVersionUID = 1L;

    private final transient List<CheckResult> checks;

    TranslationException(String message, Spending spent, List<CheckResult> checks, ModelFailure cause) {
        super(message, spent, cause);
        this.checks = List.copyOf(checks);
    }

    /** The checks as far as they ran; a {@link CheckResult.Status#FAILED} one is the reason when there is one. */
    public List<CheckResult> checks() {
        return checks;
    }
}
