package io.dragoman.core.llm.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import io.dragoman.core.llm.JsonSchemasTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseFormatsTest {

    /** The shape of the summary schema: nested objects in arrays, descriptions, document metadata. */
    static final String SUMMARY_LIKE = JsonSchemasTest.SUMMARY_LIKE;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void passesTheSchemaToLangChain4jVerbatimButForDocumentMetadata() throws Exception {
        JsonSchema schema = ResponseFormats.toLangChain4j(SUMMARY_LIKE);

        assertThat(schema.name()).isEqualTo("ArticleSummary");
        assertThat(schema.rootElement()).isInstanceOf(JsonRawSchema.class);
        JsonNode sent = json.readTree(((JsonRawSchema) schema.rootElement()).schema());
        JsonNode expected = json.readTree(SUMMARY_LIKE);
        ((ObjectNode) expected).remove(List.of("$schema", "$id"));
        assertThat(sent).isEqualTo(expected);
        assertThat(sent.has("$schema")).isFalse();
        assertThat(sent.at("/properties/people/items/properties/role/type").asText())
                .isEqualTo("string");
    }

    @Test
    void namesTheSchemaAfterItsTitleAsOpenAiAcceptsNamesOrFallsBackToReply() {
        assertThat(ResponseFormats.name("Article summary (v2)")).isEqualTo("Article_summary_v2");
        assertThat(ResponseFormats.name("x".repeat(80))).hasSize(64);
        assertThat(ResponseFormats.name("")).isEqualTo(ResponseFormats.DEFAULT_NAME);
        assertThat(ResponseFormats.name("  ★ ")).isEqualTo(ResponseFormats.DEFAULT_NAME);
        assertThat(ResponseFormats.toLangChain4j(SUMMARY_LIKE.replace("\"title\": \"ArticleSummary\",", ""))
                        .name())
                .isEqualTo("reply");
    }

    @Test
    void asksForAJsonReplyFollowingTheSchema() {
        assertThat(ResponseFormats.json(SUMMARY_LIKE).type()).isEqualTo(ResponseFormatType.JSON);
        assertThat(ResponseFormats.json(SUMMARY_LIKE).jsonSchema().name()).isEqualTo("ArticleSummary");
    }

    @Test
    void refusesASchemaThatIsNotAJsonObject() {
        assertThatThrownBy(() -> ResponseFormats.toLangChain4j("[]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResponseFormats.toLangChain4j("{"))
                .hasMessageStartingWith("The JSON schema of the request is not valid JSON");
    }
}
