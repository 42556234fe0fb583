package io.dragoman.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.article.ArticleJson;
import io.dragoman.core.pipeline.ArticleRecords;
import io.dragoman.core.translate.ScriptedModel;
import io.dragoman.core.translate.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The summary record of each seed, from a stubbed model reply, compared byte for byte with {@code
 * summary/<id>.record.json} after canonical JSON ordering. Run with {@code -Ddragoman.golden.write=true} to rewrite
 * the expected files after a deliberate change, then review the diff.
 */
class SummaryGoldenTest {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static java.util.List<Seeds.Seed> seeds() {
        return Seeds.all();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void producesTheExpectedSummaryRecordForTheSeed(Seeds.Seed seed) throws IOException {
        String id = seed.article().id().value();
        ScriptedModel model =
                new ScriptedModel().then(SummarizerTest.resource("/summary/" + id + ".reply.json"), 2100, 640);
        Summarizer summarizer = SummarizerTest.summarizer(model);

        Summary summary = summarizer.summarize(seed.article(), Optional.of(seed.translation()));
        ObjectNode record = new ArticleRecords(ArticleJson.mapper()).summary(seed.article(), summary);
        record.with("provenance").put("promptVersion", "(version)");

        assertThat(SummarySchema.builtIn().validate(ArticleRecords.modelFields(record)))
                .isEmpty();
        String actual = canonical(record);
        Path expected = Path.of("src", "test", "resources", "summary", id + ".record.json");
        if (Boolean.getBoolean("dragoman.golden.write")) {
            Files.writeString(expected, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(expected));
    }

    static String canonical(JsonNode node) throws IOException {
        return CANONICAL.writeValueAsString(sorted(node)) + "\n";
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), sorted(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            java.util.List<Object> list = new java.util.ArrayList<>();
            node.forEach(n -> list.add(sorted(n)));
            return list;
        }
        return node;
    }
}
