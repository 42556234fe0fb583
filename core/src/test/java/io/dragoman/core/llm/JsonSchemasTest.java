package io.dragoman.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

public class JsonSchemasTest {

    /** The shape of the summary schema: nested objects in arrays, descriptions, document metadata. */
    public static final String SUMMARY_LIKE = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://example.org/summary.json",
              "title": "ArticleSummary",
              "description": "A structured English summary of one news article.",
              "type": "object",
              "properties": {
                "headline": {"type": "string", "description": "A short, factual English headline."},
                "people": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {"name": {"type": "string"}, "role": {"type": "string"}},
                    "required": ["name", "role"],
                    "additionalProperties": false
                  }
                },
                "tone": {"type": "string", "enum": ["neutral", "critical"]},
                "wordCount": {"type": "integer"}
              },
              "required": ["headline", "people", "tone", "wordCount"],
              "additionalProperties": false
            }
            """;

    @Test
    void rejectsTextThatIsNotJson() {
        assertThatThrownBy(() -> JsonSchemas.check("{\"type\": \"object\""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The JSON schema of the request is not valid JSON");
    }

    @Test
    void rejectsARootThatIsNotAnObjectSchema() {
        assertThatThrownBy(() -> JsonSchemas.check("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the root must be a schema with \"type\": \"object\"");
        assertThatThrownBy(() -> JsonSchemas.check("[]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsReferencesAndCombinatorsNamingWhereTheyAre() {
        assertThatThrownBy(() -> JsonSchemas.check(SUMMARY_LIKE.replace(
                        "\"role\": {\"type\": \"string\"}", "\"role\": {\"$ref\": \"#/$defs/role\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$ref is not supported")
                .hasMessageContaining("(at /properties/people/items/properties/role)");
        assertThatThrownBy(() -> JsonSchemas.check(SUMMARY_LIKE.replace(
                        "\"wordCount\": {\"type\": \"integer\"}",
                        "\"wordCount\": {\"anyOf\": [{\"type\": \"integer\"}, {\"type\": \"null\"}]}")))
                .hasMessageContaining("anyOf is not supported")
                .hasMessageContaining("/properties/wordCount");
        assertThatThrownBy(() -> JsonSchemas.check(
                        SUMMARY_LIKE.replace("\"tone\": {", "\"tone\": {\"oneOf\": [{\"type\": \"string\"}], ")))
                .hasMessageContaining("oneOf is not supported");
    }

    @Test
    void acceptsAPropertyNamedLikeAKeyword() {
        assertThat(JsonSchemas.check("""
                        {"type": "object", "properties": {"not": {"type": "boolean"}}, "required": ["not"],
                         "additionalProperties": false}
                        """)).isNotNull();
    }

    @Test
    void rejectsAnOptionalPropertyBecauseStrictModesRequireEveryOne() {
        assertThatThrownBy(() -> JsonSchemas.check(
                        SUMMARY_LIKE.replace("\"required\": [\"name\", \"role\"]", "\"required\": [\"name\"]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("property 'role' is not in \"required\"")
                .hasMessageContaining("/properties/people/items");
    }

    @Test
    void rejectsAnObjectThatAllowsAdditionalProperties() {
        assertThatThrownBy(() -> JsonSchemas.check("{\"type\": \"object\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"additionalProperties\": false")
                .hasMessageContaining("(at the root)");
        assertThatThrownBy(() -> JsonSchemas.check(SUMMARY_LIKE.replace(
                        "\"additionalProperties\": false\n}", "\"additionalProperties\": true\n}")))
                .hasMessageContaining("\"additionalProperties\": false");
    }

    @Test
    void rejectsAnArrayWithoutItems() {
        assertThatThrownBy(() -> JsonSchemas.check(SUMMARY_LIKE.replace(
                        "\"wordCount\": {\"type\": \"integer\"}", "\"wordCount\": {\"type\": \"array\"}")))
                .hasMessageContaining("an array needs \"items\"")
                .hasMessageContaining("/properties/wordCount");
    }

    @Test
    void aModelRequestRefusesAnUnsupportedSchemaWhenItIsMadeNotWhenItIsSent() {
        assertThatThrownBy(() -> ModelRequest.json("", "Summarise.", 100, 0, "{\"type\": \"object\", \"anyOf\": []}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anyOf is not supported");
        assertThat(ModelRequest.json("", "Summarise.", 100, 0, SUMMARY_LIKE).jsonSchema())
                .contains(SUMMARY_LIKE);
    }
}
