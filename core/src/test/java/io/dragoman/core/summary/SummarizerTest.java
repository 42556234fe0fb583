package io.dragoman.core.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ModelSteps;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.translate.ScriptedModel;
import io.dragoman.core.translate.Seeds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public class SummarizerTest {

    private static final Seeds.Seed SEED = Seeds.all().get(1);
    private static final String VALID = resource("/summary/002_2bc17d9c9461e4a0.reply.json");

    public static String resource(String name) {
        try (InputStream in = SummarizerTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Summarizer summarizer(ScriptedModel model) {
        return new Summarizer(
                model,
                PromptLibrary.builtIn(),
                SummarySchema.builtIn(),
                Seeds.languages(),
                JTokkitTokenCounter.o200k(),
                PriceTable.builtIn(),
                Summarizer.Settings.DEFAULT);
    }

    @Test
    void turnsAValidReplyIntoASummaryAndSendsTheSchemaAsTheResponseFormat() {
        ScriptedModel model = new ScriptedModel().then(VALID, 2000, 500);

        Summary s = summarizer(model).summarize(SEED.article(), Optional.of(SEED.translation()));

        assertThat(s.fields().headline()).isEqualTo("Aleinik and Lavrov hold talks in Minsk");
        assertThat(s.fields().people()).extracting(ArticleSummary.Person::name).contains("Sergei Lavrov");
        assertThat(s.warnings()).isEmpty();
        assertThat(s.reasked()).isFalse();
        assertThat(s.calls()).isEqualTo(1);
        assertThat(s.usage()).isEqualTo(new Usage(2000, 500));
        assertThat(s.fromTranslation()).isTrue();
        assertThat(s.promptVersion()).matches("[0-9a-f]{12}");
        var request = model.requests.get(0);
        assertThat(request.jsonSchema()).contains(SummarySchema.builtIn().sent());
        assertThat(request.jsonSchema().orElseThrow())
                .as("the shape only: no descriptions, no line breaks")
                .doesNotContain("description")
                .doesNotContain("\n")
                .contains("\"required\":[\"headline\",\"summary\",\"keyPoints\"");
        assertThat(request.user())
                .as("the article once, in its English translation")
                .contains("Summarise this news article, translated from German into English")
                .contains("<article>\nAleinik and Lavrov hold talks in Minsk")
                .doesNotContain("Alejnik und Lawrow führen Gespräche in Minsk")
                .doesNotContain("JSON Schema:");
        assertThat(request.system()).contains("Lawrow → Sergei Lavrov");
    }

    @Test
    void alsoPutsTheSchemaInThePromptForALocalModel() {
        ScriptedModel model = new ScriptedModel(ProviderKind.OLLAMA).then(VALID, FinishReason.STOP);

        summarizer(model).summarize(SEED.article());

        assertThat(model.requests.get(0).jsonSchema()).isPresent();
        assertThat(model.requests.get(0).user())
                .contains("The JSON Schema of the answer")
                .contains("\"keyPoints\"");
        assertThat(model.requests.get(0).user()).doesNotContain("<translation>");
    }

    @Test
    void acceptsAReplyInAMarkdownFenceWithProseAround() {
        ScriptedModel model = new ScriptedModel().then("Here you go:\n```json\n" + VALID + "\n```\nDone.", 1, 1);

        Summary s = summarizer(model).summarize(SEED.article(), Optional.of(SEED.translation()));

        assertThat(s.calls()).isEqualTo(1);
        assertThat(s.fields().topics()).contains("diplomacy");
    }

    @Test
    void reasksOnceWithTheValidatorsErrorsWhenAFieldIsMissing() {
        String missing = VALID.replaceFirst("(?s),\\s*\"topics\": \\[[^]]*]", "");
        ScriptedModel model = new ScriptedModel().then(missing, 1000, 300).then(VALID, 1200, 400);

        Summary s = summarizer(model).summarize(SEED.article(), Optional.of(SEED.translation()));

        assertThat(s.reasked()).isTrue();
        assertThat(s.calls()).isEqualTo(2);
        assertThat(s.usage()).isEqualTo(new Usage(2200, 700));
        assertThat(model.requests.get(1).user())
                .contains("not a valid summary object")
                .contains("topics")
                .contains("<previous>");
    }

    @Test
    void reasksAfterInvalidJsonAndFailsWithTheRawReplyWhenItStaysInvalid() {
        String broken = "{\"headline\": \"Talks in Minsk\", \"summary\": ";
        ScriptedModel model = new ScriptedModel().then(broken, 1, 1).then("{\"headline\": 3}", 1, 1);

        SummaryException e = catchThrowableOfType(
                SummaryException.class, () -> summarizer(model).summarize(SEED.article()));

        assertThat(e).hasMessageContaining(SEED.article().id().value()).hasMessageContaining("after a re-ask");
        assertThat(e.rawReply()).contains("{\"headline\": 3}");
        assertThat(e.calls()).isEqualTo(2);
        assertThat(e.retriable()).isTrue();
        assertThat(model.requests.get(1).user()).contains("no JSON object").doesNotContain("null");
    }

    @Test
    void reasksATruncatedReplyWithALargerBudget() {
        ScriptedModel model = new ScriptedModel()
                .thenTruncated(VALID.substring(0, 200))
                .thenTruncated(VALID.substring(0, 400))
                .then(VALID, 1, 1);

        Summary s = summarizer(model).summarize(SEED.article());

        assertThat(model.requests.get(0).maxOutputTokens()).isEqualTo(2000);
        assertThat(model.requests.get(1).maxOutputTokens()).isEqualTo(4000);
        assertThat(model.requests.get(2).maxOutputTokens()).isEqualTo(4000);
        assertThat(s.fields().headline()).isNotBlank();
    }

    @Test
    void failsClearlyWhenTheModelRefuses() {
        ScriptedModel model = new ScriptedModel()
                .then("I can't help with that.", FinishReason.CONTENT_FILTER)
                .then("I can't help with that.", FinishReason.CONTENT_FILTER);

        SummaryException e = catchThrowableOfType(
                SummaryException.class, () -> summarizer(model).summarize(SEED.article()));

        assertThat(e).hasMessageContaining("content filter").hasMessageContaining("no JSON object");
        assertThat(e.rawReply()).contains("I can't help with that.");
    }

    @Test
    void warnsAboutAnInventedQuoteAPersonNotInTheSourceAndAGermanHeadline() {
        String odd = VALID.replace(
                        "And of course our colleagues from the governments work closely with us.",
                        "We will never accept sanctions against our fraternal peoples.")
                .replace("Sergei Aleinik", "Maria Zakharova")
                .replace("Aleinik and Lavrov hold talks in Minsk", "Alejnik und Lawrow führen Gespräche in Minsk")
                .replaceFirst(
                        "\"summary\": \"[^\"]*\"",
                        "\"summary\": \"Der russische Außenminister ist zu einem zweitägigen Besuch in Belarus"
                                + " eingetroffen und führt Gespräche mit seinem Amtskollegen.\"");
        ScriptedModel model = new ScriptedModel().then(odd, 1, 1);

        Summary s = summarizer(model).summarize(SEED.article(), Optional.of(SEED.translation()));

        assertThat(s.warnings())
                .anySatisfy(w -> assertThat(w).startsWith("quote not found in the translation: \"We will never"))
                .anySatisfy(w -> assertThat(w).isEqualTo("person not named in the source: Maria Zakharova"))
                .anySatisfy(w -> assertThat(w).contains("not in English").contains("'de'"));
    }

    @Test
    void reportsAModelFailureWithWhetherARerunCanHelp() {
        ScriptedModel model = new ScriptedModel().then(r -> {
            throw new PermanentFailure("The model 'x' does not exist at openai.", 404, null);
        });

        SummaryException e = catchThrowableOfType(
                SummaryException.class, () -> summarizer(model).summarize(SEED.article()));

        assertThat(e.retriable()).isFalse();
        assertThat(e.modelFailure()).isPresent();
        assertThat(e).hasMessageContaining("does not exist");
    }

    @Test
    void anExecutorThatSendsTheStepsItselfGetsWhatTheOnlineLoopGets() {
        String invalid = "{\"headline\": \"Talks\"}";
        ScriptedModel online = new ScriptedModel().then(invalid, 900, 20).then(VALID, 950, 400);
        Summary expected = summarizer(online).summarize(SEED.article(), Optional.of(SEED.translation()));
        List<ModelReply> replies = List.of(
                ScriptedModel.reply(invalid, FinishReason.STOP, Optional.of(new Usage(900, 20))),
                ScriptedModel.reply(VALID, FinishReason.STOP, Optional.of(new Usage(950, 400))));
        ScriptedModel never = new ScriptedModel();

        SummarySteps steps = summarizer(never).steps(SEED.article(), Optional.of(SEED.translation()));
        List<ModelRequest> sent = new ArrayList<>();
        ModelSteps.Step<Summary> step = steps.start();
        while (step instanceof ModelSteps.Step.Send<Summary> send) {
            sent.add(send.request());
            step = steps.answer(replies.get(sent.size() - 1));
        }

        assertThat(((ModelSteps.Step.Finished<Summary>) step).result()).isEqualTo(expected);
        assertThat(expected.reasked()).isTrue();
        assertThat(sent).isEqualTo(online.requests).hasSize(2);
        assertThat(sent.get(1).user()).contains("<previous>").contains(invalid);
        assertThat(never.requests).isEmpty();
    }
}
