package io.dragoman.core.llm.batch;

import io.dragoman.core.llm.ModelReply;
import java.util.Objects;

/** The result of one request of an ended batch job, matched by its custom id. */
public sealed interface BatchItem {

    /** The custom id the request was submitted with. */
    String customId();

    /**
     * The model answered.
     *
     * @param customId the request's custom id
     * @param reply the reply, as an online call would have given it
     */
    record Answered(String customId, ModelReply reply) implements BatchItem {
        /** Validates that nothing is null. */
        public Answered {
            Objects.requireNonNull(customId, "customId");
            Objects.requireNonNull(reply, "reply");
        }
    }

    /**
     * The request got no reply: the provider refused it, it errored, or the job expired or was cancelled first.
     *
     * @param customId the request's custom id
     * @param reason what the provider said, never holding a key
     * @param retriable true when sending it again may succeed (expired, cancelled, a server error)
     */
    record Errored(String customId, String reason, boolean retriable) implements BatchItem {
        /** Validates that nothing is null. */
        public Errored {
            Objects.requireNonNull(customId, "customId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
