package io.dragoman.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.summary.SummarizerTest;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.ScriptedModel;
import io.dragoman.core.translate.Seeds;
import io.dragoman.core.translate.Translation;
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
    void aDamagedRecordSaysToStartOver() {
        assertThatThrownBy(() -> JSON.translation("{\"id\": 3"))
                .isInstanceOf(RunStoreException.class)
                .hasMessageContaining("--force");
    }
}
