package io.dragoman.core.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanedArticleTest {
    private static final ObjectMapper JSON = ArticleJson.mapper();
    private static final ArticleMetadata METADATA =
            new ArticleMetadata(null, null, null, null, null, null, "de", null, "feed.jsonl:1", null, List.of());

    private static CleanedArticle article(Map<String, Object> extra) {
        return new CleanedArticle(new ArticleId("a1"), "Titel", List.of("Text."), METADATA, List.of(), extra);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void replacesUnpairedSurrogatesSoTheArticleCanBeWrittenAsUtf8() {
        CleanedArticle article = new CleanedArticle(
                new ArticleId("a1"),
                "Titel \uD800",
                List.of("Ein \uDC00 und \uD83D\uDE00 und \uD800\uD800\uDE00 Ende\uD83D"),
                METADATA,
                List.of());

        assertThat(article.title()).isEqualTo("Titel \uFFFD");
        assertThat(article.paragraphs())
                .containsExactly("Ein \uFFFD und \uD83D\uDE00 und \uFFFD\uD800\uDE00 Ende\uFFFD");
        assertThat(java.nio.charset.StandardCharsets.UTF_8
                        .newEncoder()
                        .canEncode(article.title() + article.paragraphs().get(0)))
                .isTrue();
    }

    @Test
    void hasNoExtraFieldsWhenMadeWithoutThem() {
        CleanedArticle article =
                new CleanedArticle(new ArticleId("a1"), "Titel", List.of("Text."), METADATA, List.of());

        assertThat(article.extra()).isEmpty();
        assertThat(article(null).extra()).isEmpty();
    }

    @Test
    void leavesExtraOutOfItsJsonWhenEmpty() throws Exception {
        JsonNode json = JSON.valueToTree(article(Map.of()));

        assertThat(fieldNames(json)).containsExactly("id", "title", "paragraphs", "metadata", "warnings");
    }

    @Test
    void writesExtraLastInItsJsonWithValuesAsRead() throws Exception {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("source_id", 7);
        extra.put("score", new BigDecimal("1.10"));
        extra.put("missing", null);
        extra.put("tags", List.of("a", Map.of("k", true)));

        String json = JSON.writeValueAsString(article(extra));

        assertThat(fieldNames(JSON.readTree(json))).endsWith("warnings", "extra");
        assertThat(json)
                .endsWith("\"extra\":{\"source_id\":7,\"score\":1.10,\"missing\":null,\"tags\":[\"a\",{\"k\":true}]}}");
    }

    @Test
    void keepsACopyOfExtraThatCannotBeChanged() {
        Map<String, Object> nested = new HashMap<>(Map.of("k", "v"));
        List<Object> list = new ArrayList<>(List.of("x"));
        Map<String, Object> extra = new LinkedHashMap<>(Map.of("nested", nested, "list", list));

        CleanedArticle article = article(extra);
        nested.put("k", "changed");
        list.add("y");
        extra.put("new", 1);

        assertThat(article.extra()).isEqualTo(Map.of("nested", Map.of("k", "v"), "list", List.of("x")));
        assertThat(article.extra()).isUnmodifiable();
        assertThat((Map<?, ?>) article.extra().get("nested")).isUnmodifiable();
        assertThat((List<?>) article.extra().get("list")).isUnmodifiable();
    }

    @Test
    void rejectsExtraValuesThatAreNotJsonNamingTheField() {
        assertThatThrownBy(() -> article(Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extra field 'when' is not a JSON value: Object");
    }

    @Test
    void keepsExtraFieldsWhenItsMetadataChanges() {
        CleanedArticle article =
                article(Map.of("k", "v")).withMetadata(METADATA.withLocation("feed.jsonl:2", "https://example.org/a"));

        assertThat(article.extra()).containsEntry("k", "v");
        assertThat(article.metadata().location()).isEqualTo("feed.jsonl:2");
        assertThat(article.metadata().url()).isEqualTo("https://example.org/a");
        assertThat(article.metadata().language()).isEqualTo("de");
    }

    @Test
    void readsBackFromItsJsonWithAndWithoutExtra() throws Exception {
        CleanedArticle plain = article(Map.of());
        CleanedArticle extra = article(Map.of("k", List.of(1, "x", Map.of("n", false))));

        assertThat(JSON.readValue(JSON.writeValueAsString(plain), CleanedArticle.class))
                .isEqualTo(plain);
        assertThat(JSON.readValue(JSON.writeValueAsString(extra), CleanedArticle.class))
                .isEqualTo(extra);
    }
}
