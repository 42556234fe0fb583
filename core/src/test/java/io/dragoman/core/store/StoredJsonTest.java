package io.dragoman.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.llm.Provenance;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.summary.SummarizerTest;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.ScriptedModel;
import io.dragoman.core.translate.Seeds;
import io.dragoman.core.translate.Translation;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredJsonTest {

    private static final StoredJson JSON = new StoredJson();

    @Test
    void aCleanedArticleComesBackEqual() {
        for (Seeds.Seed seed : Seeds.all()) {
            assertThat(JSON.cleaned(JSON.cleaned(seed.article()))).isEqualTo(seed.article());
        }
    }

    @Test
    void aTranslationComesBackEqual() {
        Translation t = Seeds.all().get(0).translation();

        assertThat(JSON.translation(JSON.translation(t))).isEqualTo(t);
    }

    @Test
    void aSummaryComesBackEqual() {
        Seeds.Seed seed = Seeds.all().get(1);
        Summary s = SummarizerTest.summarizer(new ScriptedModel()
                        .then(SummarizerTest.resource("/summary/002_2bc17d9c9461e4a0.reply.json"), 100, 50))
                .summarize(seed.article(), Optional.of(seed.translation()));

        assertThat(JSON.summary(JSON.summary(s))).isEqualTo(s);
    }

    @Test
    void aTranslationStoredWithItsProvenanceAtTheTopLevelIsReadBack() {
        // as the first release stored it, before provider, model, calls and prompt versions were one record
        String old = "{\"id\":\"a1\",\"title\":\"Title\",\"dateline\":\"MINSK, 26 November (BelTA) –\","
                + "\"paragraphs\":[\"One.\",\"Two.\"],\"checks\":[{\"check\":\"numbers\",\"status\":\"REPAIRED\","
                + "\"details\":[\"missing 3\"]}],\"usage\":{\"inputTokens\":120,\"outputTokens\":80},"
                + "\"cost\":0.00042,\"calls\":2,\"chunks\":1,\"provider\":\"OPENAI\",\"model\":\"gpt-4.1-mini\","
                + "\"promptVersions\":{\"translate\":\"0123456789ab\",\"repair\":\"ba9876543210\"}}";

        Translation t = JSON.translation(old);

        assertThat(t.provenance())
                .isEqualTo(new Provenance(
                        ProviderKind.OPENAI,
                        "gpt-4.1-mini",
                        Map.of("translate", "0123456789ab", "repair", "ba9876543210"),
                        new Usage(120, 80),
                        Optional.of(new BigDecimal("0.00042")),
                        2));
        assertThat(t.paragraphs()).containsExactly("One.", "Two.");
        assertThat(t.chunks()).isEqualTo(1);
        assertThat(JSON.translation(JSON.translation(t))).isEqualTo(t);
    }

    @Test
    void aSummaryStoredWithItsProvenanceAtTheTopLevelIsReadBack() {
        String old = "{\"id\":\"a1\",\"fields\":{\"headline\":\"H\",\"summary\":\"S.\",\"keyPoints\":[\"k\"],"
                + "\"people\":[{\"name\":\"Sergei Lavrov\",\"role\":\"minister\"}],\"organizations\":[],"
                + "\"locations\":[\"Minsk\"],\"quotes\":[],\"topics\":[\"t\"]},\"warnings\":[\"w\"],\"reasked\":true,"
                + "\"usage\":{\"inputTokens\":300,\"outputTokens\":90},\"cost\":null,\"calls\":2,"
                + "\"provider\":\"OLLAMA\",\"model\":\"qwen2.5:7b\",\"promptVersion\":\"abcdefabcdef\","
                + "\"fromTranslation\":true}";

        Summary s = JSON.summary(old);

        assertThat(s.provenance())
                .isEqualTo(new Provenance(
                        ProviderKind.OLLAMA,
                        "qwen2.5:7b",
                        Map.of(Summary.TASK, "abcdefabcdef"),
                        new Usage(300, 90),
                        Optional.empty(),
                        2));
        assertThat(s.promptVersion()).isEqualTo("abcdefabcdef");
        assertThat(s.reasked()).isTrue();
        assertThat(s.fromTranslation()).isTrue();
        assertThat(s.warnings()).containsExactly("w");
    }

    @Test
    void failureDetailsComeBackAsTheOutputsHaveAlwaysShownThem() throws Exception {
        String written = "{\"calls\":2,\"usage\":{\"inputTokens\":1600,\"outputTokens\":80},\"costUsd\":7.68E-4,"
                + "\"checks\":[{\"check\":\"numbers\",\"status\":\"warning\",\"details\":[\"lacks 26\"]}]}";
        ObjectNode detail = (ObjectNode) new ObjectMapper().readTree(written);

        assertThat(JSON.detail(detail)).isEqualTo(written);
        assertThat(JSON.detail(written).toString()).isEqualTo(written);
        assertThat(JSON.detail("[1, 2]").isEmpty())
                .as("JSON that is not an object gives no fields")
                .isTrue();
        assertThat(JSON.detail("not JSON").toString()).isEqualTo("{\"detail\":\"not JSON\"}");
    }

    @Test
    void aDamagedRecordSaysToStartOver() {
        assertThatThrownBy(() -> JSON.translation("{\"id\": 3"))
                .isInstanceOf(RunStoreException.class)
                .hasMessageContaining("--force");
    }
}
