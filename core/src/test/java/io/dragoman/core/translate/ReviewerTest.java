package io.dragoman.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.lang.OpenNlpSentenceSplitter;
import io.dragoman.core.lang.TokenCounter;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.prompt.PromptLibrary;
import org.junit.jupiter.api.Test;

/**
 * A second model reviewing each chunk ({@code --review-model}): its request carries source and translation in their
 * data blocks with the findings' schema; what it finds is sent back in the repair request with its words, and what
 * its review of the repair still finds leaves the translation for review.
 */
class ReviewerTest {

    private static final TokenCounter TOKENS = JTokkitTokenCounter.o200k();
    private static final Seeds.Seed SEED = Seeds.all().get(0);
    private static final String NOTHING = "{\"findings\":[]}";
    private static final String OMISSION = "{\"findings\":[{\"paragraph\":\"2\",\"kind\":\"omission\","
            + "\"detail\":\"The plan of consultations for 2021 is missing.\"}]}";

    private static Translator translator(ScriptedModel model, ScriptedModel reviewer) {
        return new Translator(
                        model,
                        PromptLibrary.builtIn(),
                        new Chunker(TOKENS, OpenNlpSentenceSplitter.german()),
                        TOKENS,
                        TranslationChecks.standard(Seeds.languages()),
                        Glossary.EMPTY,
                        PriceTable.builtIn(),
                        Translator.Settings.DEFAULT)
                .withReviewer(new Reviewer(reviewer, PromptLibrary.builtIn()));
    }

    private static CheckResult review(Translation t) {
        return t.checks().stream()
                .filter(c -> c.check().equals(Reviewer.CHECK))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aTranslationTheReviewerFindsFaithfulIsKeptAfterOneReviewCall() {
        ScriptedModel model = new ScriptedModel().then(SEED.reply(), 1, 1);
        ScriptedModel reviewer = new ScriptedModel(ProviderKind.ANTHROPIC).then(NOTHING, 1, 1);

        Translation t = translator(model, reviewer).translate(SEED.article());

        assertThat(t.paragraphs()).isEqualTo(SEED.paragraphs());
        assertThat(review(t).status()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(model.requests).hasSize(1);
        assertThat(reviewer.requests).singleElement().satisfies(r -> {
            assertThat(r.jsonSchema())
                    .hasValueSatisfying(schema -> assertThat(schema).contains("\"findings\""));
            assertThat(r.user())
                    .contains("<article>")
                    .contains("<translation>")
                    .contains(SEED.paragraphs().get(0));
        });
        assertThat(t.promptVersions()).containsKey("review");
        assertThat(t.calls())
                .as("the review call is counted with the translation")
                .isEqualTo(2);
    }

    @Test
    void aFaultTheReviewerFindsIsSentBackWithItsWordsAndARepairItAcceptsEndsIt() {
        String dropped = SEED.reply().replace("The heads of delegation signed", "They signed");
        ScriptedModel model = new ScriptedModel().then(dropped, 1, 1).then(SEED.reply(), 1, 1);
        ScriptedModel reviewer =
                new ScriptedModel(ProviderKind.ANTHROPIC).then(OMISSION, 1, 1).then(NOTHING, 1, 1);

        Translation t = translator(model, reviewer).translate(SEED.article());

        assertThat(model.requests).hasSize(2);
        assertThat(model.requests.get(1).user())
                .contains("A reviewer comparing source and translation found: [2] omission: The plan of"
                        + " consultations for 2021 is missing.");
        assertThat(t.paragraphs()).isEqualTo(SEED.paragraphs());
        assertThat(review(t).status()).isEqualTo(CheckResult.Status.REPAIRED);
        assertThat(t.needsReview()).isFalse();
    }

    @Test
    void aFaultTheReviewerStillFindsAfterTheRepairLeavesTheTranslationForReview() {
        ScriptedModel model = new ScriptedModel().then(SEED.reply(), 1, 1).then(SEED.reply(), 1, 1);
        ScriptedModel reviewer =
                new ScriptedModel(ProviderKind.ANTHROPIC).then(OMISSION, 1, 1).then(OMISSION, 1, 1);

        Translation t = translator(model, reviewer).translate(SEED.article());

        assertThat(review(t).status()).isEqualTo(CheckResult.Status.REVIEW);
        assertThat(review(t).paragraphs()).containsExactly(2);
        assertThat(t.needsReview()).isTrue();
        assertThat(reviewer.requests).hasSize(2);
    }

    @Test
    void aReviewThatIsNotValidJsonIsAWarningAndTheTranslationStands() {
        ScriptedModel model = new ScriptedModel().then(SEED.reply(), 1, 1);
        ScriptedModel reviewer = new ScriptedModel(ProviderKind.ANTHROPIC).then("Looks fine to me!", 1, 1);

        Translation t = translator(model, reviewer).translate(SEED.article());

        assertThat(review(t).status()).isEqualTo(CheckResult.Status.WARNING);
        assertThat(review(t).details().get(0)).contains("could not be read");
        assertThat(t.needsReview()).isFalse();
        assertThat(model.requests).hasSize(1);
    }
}
