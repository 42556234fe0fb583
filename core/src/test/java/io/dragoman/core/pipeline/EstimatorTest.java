package io.dragoman.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.setup.ModelProviders;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.summary.Summarizer;
import io.dragoman.core.translate.Glossary;
import io.dragoman.core.translate.Seeds;
import io.dragoman.core.translate.Translator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EstimatorTest {

    private static final JTokkitTokenCounter TOKENS = JTokkitTokenCounter.o200k();
    private static final CleanedArticle SEED = Seeds.all().get(0).article();

    private static Estimator estimator(ProviderKind kind, String model, boolean translate, boolean summarize) {
        ModelProvider offline = ModelProviders.offline(kind, model);
        return new Estimator(
                translate
                        ? Optional.of(Translator.standard(
                                offline,
                                PromptLibrary.builtIn(),
                                Glossary.EMPTY,
                                PriceTable.builtIn(),
                                Translator.Settings.DEFAULT,
                                Seeds.languages()))
                        : Optional.empty(),
                summarize
                        ? Optional.of(Summarizer.standard(
                                offline, PromptLibrary.builtIn(), PriceTable.builtIn(), Seeds.languages()))
                        : Optional.empty(),
                TOKENS,
                PriceTable.builtIn(),
                offline.info());
    }

    @Test
    void countsTheTokensOfExactlyTheRequestsAFirstAttemptWouldSend() {
        Estimator estimator = estimator(ProviderKind.OPENAI, "gpt-4.1-mini", true, true);

        List<ModelRequest> plan = estimator.plan(SEED);
        Estimate e = estimator.estimate(SEED);

        assertThat(plan).hasSize(2);
        assertThat(plan.get(0).user()).contains("<article>\n[T] Belarus und Russland");
        assertThat(plan.get(1).user())
                .as("the summary of a translated article sends the article once, in English")
                .contains("Summarise this news article, translated from German into English")
                .containsOnlyOnce("<article>\n");
        assertThat(plan.get(1).jsonSchema()).isPresent();
        long input = plan.stream()
                .mapToLong(r -> TOKENS.count(r.system()) + TOKENS.count(r.user()))
                .sum();
        assertThat(e.calls()).isEqualTo(2);
        assertThat(e.inputTokens()).isEqualTo(input);
        assertThat(e.outputLow()).isLessThan(e.outputHigh());
        assertThat(e.costLow()).isPresent();
        assertThat(e.costHigh().get()).isGreaterThan(e.costLow().get());
    }

    @Test
    void estimatesOnlyTheStagesAsked() {
        assertThat(estimator(ProviderKind.OPENAI, "gpt-4.1-mini", false, true)
                        .estimate(SEED)
                        .calls())
                .isEqualTo(1);
        assertThat(estimator(ProviderKind.OPENAI, "gpt-4.1-mini", true, false)
                        .estimate(SEED)
                        .calls())
                .isEqualTo(1);
    }

    @Test
    void leavesTheCostUnknownForAModelWithoutAPriceAndFreeForOllama() {
        assertThat(estimator(ProviderKind.OPENAI, "no-such-model", true, true)
                        .estimate(SEED)
                        .costHigh())
                .isEmpty();
        assertThat(estimator(ProviderKind.OLLAMA, "llama3.1:8b", true, true)
                        .estimate(SEED)
                        .costHigh())
                .hasValueSatisfying(c -> assertThat(c.signum()).isZero());
    }

    @Test
    void theOfflineProviderSendsNothing() {
        ModelProvider offline = ModelProviders.offline(ProviderKind.ANTHROPIC, "claude-haiku-4-5");

        assertThat(offline.info())
                .isEqualTo(
                        new ProviderInfo(ProviderKind.ANTHROPIC, "claude-haiku-4-5", "https://api.anthropic.com/v1"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> offline.chat(ModelRequest.of("", "x", 10, 0)))
                .isInstanceOf(IllegalStateException.class);
    }
}
