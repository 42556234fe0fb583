package io.dragoman.core.prompt;

import java.util.Objects;

/**
 * A prompt with every placeholder filled in, ready to send.
 *
 * @param task the task it is for, e.g. {@code translate}
 * @param system the system message
 * @param user the user message
 * @param version the template's version (see {@link PromptTemplate#version()})
 */
public record RenderedPrompt(String task, String system, String user, String version) {

    /** Validates that no component is null. */
    public RenderedPrompt {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(version, "version");
    }
}
