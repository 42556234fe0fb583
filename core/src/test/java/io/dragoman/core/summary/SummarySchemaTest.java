package io.dragoman.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummarySchemaTest {

    private static final SummarySchema SCHEMA = SummarySchema.builtIn();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRecordAndThePublishedSchemaHaveTheSameFieldsTypesAndRequiredness() {
        assertAgree(ArticleSummary.class, SCHEMA.tree(), "$");
    }

    private static void assertAgree(Class<?> record, JsonNode schema, String path) {
        assertThat(schema.get("type").asText()).as(path).isEqualTo("object");
        assertThat(schema.get("additionalProperties").asBoolean(true))
                .as(path + " closed")
                .isFalse();
        List<String> components = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            components.add(c.getName());
            JsonNode property = schema.get("properties").get(c.getName());
            assertThat(property).as(path + "." + c.getName() + " in the schema").isNotNull();
            assertType(c.getGenericType(), property, path + "." + c.getName());
        }
        List<String> properties = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(r -> required.add(r.asText()));
        assertThat(properties).as(path + " properties, in order").isEqualTo(components);
        assertThat(required).as(path + " every property required").containsExactlyInAnyOrderElementsOf(components);
    }

    private static void assertType(Type type, JsonNode property, String path) {
        if (type == String.class) {
            assertThat(property.get("type").asText()).as(path).isEqualTo("string");
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            assertThat(property.get("type").asText()).as(path).isEqualTo("array");
            assertType(list.getActualTypeArguments()[0], property.get("items"), path + "[]");
        } else if (type instanceof Class<?> c && c.isRecord()) {
            assertAgree(c, property, path);
        } else {
            throw new AssertionError(path + ": unexpected type " + type);
        }
    }

    @Test
    void usesNoConstructsSmallModelsStumbleOver() {
        assertThat(SCHEMA.text()).doesNotContain("$ref", "anyOf", "oneOf", "allOf", "$defs");
        assertThat(SCHEMA.tree().get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void acceptsTheExampleSummariesOfTheSeeds() throws Exception {
        for (String id : List.of("000_9d6d41b7495442df", "002_2bc17d9c9461e4a0")) {
            JsonNode reply =
                    JSON.readTree(SummarySchemaTest.class.getResourceAsStream("/summary/" + id + ".reply.json"));

            assertThat(SCHEMA.validate(reply)).as(id).isEmpty();
        }
    }

    @Test
    void namesMissingWrongTypedAndExtraFields() throws Exception {
        JsonNode bad = JSON.readTree("{\"headline\": 1, \"summary\": \"s\", \"keyPoints\": [], \"people\": [{\"name\":"
                + " \"A\"}], \"organizations\": [], \"locations\": [], \"quotes\": [], \"extra\": true}");

        assertThat(SCHEMA.validate(bad))
                .anySatisfy(e -> assertThat(e).contains("$.headline").contains("string"))
                .anySatisfy(e -> assertThat(e).contains("topics"))
                .anySatisfy(e -> assertThat(e).contains("$.people[0]").contains("role"))
                .anySatisfy(e -> assertThat(e).contains("extra"));
    }
}
