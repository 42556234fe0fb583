package io.dragoman.core.translate;

import java.util.List;
import java.util.Objects;

/**
 * How one check went on a whole article.
 *
 * @param check the check's name, e.g. {@code numbers}
 * @param status the result
 * @param details what was found, one message per chunk where it fired; empty when it passed
 */
public record CheckResult(String check, Status status, List<String> details) {

    /** A check's result on an article. */
    public enum Status {
        /** Passed on every chunk at the first attempt. */
        PASSED,
        /** Failed on some chunk, and the repair request fixed it. */
        REPAIRED,
        /** Still failed after the repair; the translation is kept with this warning. */
        WARNING,
        /** Still failed after the repair, and the translation cannot be used. */
        FAILED
    }

    /** Validates and copies. */
    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        details = List.copyOf(details);
    }
}
