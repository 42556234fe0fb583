package io.dragoman.core.llm.batch;

import io.dragoman.core.llm.ModelRequest;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One request of a batch job.
 *
 * @param customId the id its result comes back under: {@code [A-Za-z0-9_-]{1,64}}, which every provider accepts
 * @param request what is asked
 */
public record BatchRequest(String customId, ModelRequest request) {

    private static final Pattern CUSTOM_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Validates the custom id. */
    public BatchRequest {
        Objects.requireNonNull(request, "request");
        if (!validCustomId(customId)) {
            throw new IllegalArgumentException(
                    "A batch custom id must match [A-Za-z0-9_-]{1,64}, was '" + customId + "'.");
        }
    }

    /** True when every provider accepts {@code id} as a custom id. */
    public static boolean validCustomId(String id) {
        return id != null && CUSTOM_ID.matcher(id).matches();
    }
}
