package io.dragoman.beam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.llm.CallCache;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The call cache of a job, on the same file system as its output: one small JSON object per request hash, {@code
 * <output>/cache/<hash>.json}, so that a failed or rerun job replays the calls it paid for, on any runner and any
 * worker. A reply is written once its call returned; one that cannot be read back (a write cut short) is a miss.
 */
final class OutputCallCache implements CallCache {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String dir;

    /** @param dir the cache directory, e.g. {@code gs://bucket/out/cache} */
    OutputCallCache(String dir) {
        this.dir = dir;
    }

    @Override
    public Optional<ModelReply> get(String key) {
        String spec = spec(key);
        try {
            List<MatchResult> matches = FileSystems.match(List.of(spec), EmptyMatchTreatment.ALLOW);
            List<MatchResult.Metadata> found = matches.get(0).metadata();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            JsonNode node;
            try (InputStream in =
                    Channels.newInputStream(FileSystems.open(found.get(0).resourceId()))) {
                node = JSON.readTree(in);
            }
            return Optional.of(new ModelReply(
                    node.get("text").asText(),
                    FinishReason.valueOf(node.get("finishReason").asText()),
                    node.has("inputTokens")
                            ? Optional.of(new Usage(
                                    node.get("inputTokens").asLong(),
                                    node.get("outputTokens").asLong()))
                            : Optional.empty(),
                    ProviderKind.valueOf(node.get("provider").asText()),
                    node.get("model").asText()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, ModelReply reply) {
        ObjectNode node = JSON.createObjectNode();
        node.put("text", reply.text());
        node.put("finishReason", reply.finishReason().name());
        reply.usage().ifPresent(u -> {
            node.put("inputTokens", u.inputTokens());
            node.put("outputTokens", u.outputTokens());
        });
        node.put("provider", reply.provider().name());
        node.put("model", reply.model());
        ResourceId file = FileSystems.matchNewResource(spec(key), false);
        try (WritableByteChannel channel = FileSystems.create(file, "application/json");
                OutputStream out = Channels.newOutputStream(channel)) {
            JSON.writeValue(out, node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the call cache entry " + file, e);
        }
    }

    private String spec(String key) {
        return dir + "/" + key + ".json";
    }
}
