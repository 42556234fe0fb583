package io.dragoman.core.translate;

import java.util.List;
import java.util.Objects;

/**
 * How one check went on a whole article.
 *
 * @param check the check's name, e.g. {@code numbers}
 * @param status the result
 * @param details what was found, one message per chunk where it fired; empty when it passed
 * @param paragraphs where the findings still open are, for a person to check: body paragraphs from 1 (the dateline
 *     counts as part of paragraph 1), 0 for the title; empty when none remains or a finding concerns a whole chunk
 */
public record CheckResult(String check, Status status, List<String> details, List<Integer> paragraphs) {

    /** A check's result on an article. */
    public enum Status {
        /** Passed on every chunk at the first attempt. */
        PASSED,
        /** Failed on some chunk, and the repair request fixed it. */
        REPAIRED,
        /** A cosmetic finding remains after the repair; the translation is kept with this warning. */
        WARNING,
        /** A doubtful finding remains after the repair: the translation is kept, and a person should check it. */
        REVIEW,
        /** An unusable finding remains after the repair: the translation cannot be used. */
        FAILED
    }

    /** Validates and copies; a record stored before paragraphs were kept reads as naming none. */
    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        details = List.copyOf(details);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }

    /** A result that names no paragraph. */
    public CheckResult(String check, Status status, List<String> details) {
        this(check, status, details, List.of());
    }
}
