package io.dragoman.core.translate;

import io.dragoman.core.llm.FinishReason;
import java.util.List;
import java.util.Objects;

/**
 * What the checks look at: a chunk's source units, the model's reply split at its markers, why the model stopped,
 * and the glossary entries that occur in the chunk.
 *
 * @param chunk the source
 * @param reply the reply, parsed
 * @param finishReason why the model stopped
 * @param glossary the glossary entries whose source term occurs in the chunk
 */
public record ChunkReply(Chunk chunk, MarkedReply reply, FinishReason finishReason, List<Glossary.Entry> glossary) {

    /** Validates and copies the components. */
    public ChunkReply {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(finishReason, "finishReason");
        glossary = List.copyOf(glossary);
    }

    /** The English text under the marker of the unit at this position in the chunk; empty when missing. */
    public String english(int unit) {
        return reply.text(chunk.markers().get(unit));
    }

    /** True when every marker of the chunk has non-empty text in the reply. */
    public boolean complete() {
        return chunk.markers().stream().noneMatch(m -> reply.text(m).isBlank());
    }

    /** All English text under the chunk's markers, separated by blank lines. */
    public String englishText() {
        StringBuilder b = new StringBuilder();
        for (String m : chunk.markers()) {
            String t = reply.text(m);
            if (!t.isBlank()) {
                if (!b.isEmpty()) {
                    b.append("\n\n");
                }
                b.append(t);
            }
        }
        return b.toString();
    }
}
