package io.dragoman.core.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.lang.Words;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ModelSteps;
import io.dragoman.core.llm.Provenance;
import io.dragoman.core.llm.Spending;
import io.dragoman.core.prompt.RenderedPrompt;
import io.dragoman.core.translate.Translation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One article's summary as steps ({@link ModelSteps}): the first request; the same with a larger budget when the
 * reply was cut off; one re-ask with the validator's errors when the reply is not a valid summary; then the summary
 * with what the semantic checks found, or a {@link SummaryException} that keeps the raw reply. Made by {@link
 * Summarizer#steps}; not thread-safe.
 */
public final class SummarySteps implements ModelSteps<Summary> {

    private enum Phase {
        FIRST,
        LARGER,
        REASK
    }

    private record Attempt(ArticleSummary value, List<String> errors, boolean truncated) {}

    private final Summarizer summarizer;
    private final CleanedArticle article;
    private final Optional<Translation> translation;
    private final Spending spent;
    private Phase phase;
    private ModelRequest asked;
    private ModelReply first;
    private String lastRaw = "";

    SummarySteps(Summarizer summarizer, CleanedArticle article, Optional<Translation> translation, Spending spent) {
        this.summarizer = summarizer;
        this.article = article;
        this.translation = translation;
        this.spent = spent;
    }

    @Override
    public Step<Summary> start() {
        phase = Phase.FIRST;
        return ask(Optional.empty(), summarizer.settings().maxOutputTokens());
    }

    @Override
    public Step<Summary> answer(ModelReply reply) {
        if (asked == null) {
            throw new IllegalStateException("No request of " + article.id() + " is waiting for a reply.");
        }
        spent.record(asked, reply);
        asked = null;
        lastRaw = reply.text();
        if (phase == Phase.FIRST && reply.truncated()) {
            phase = Phase.LARGER;
            return ask(Optional.empty(), summarizer.settings().largerOutputTokens());
        }
        if (phase != Phase.REASK) {
            first = reply;
            Attempt attempt = check(reply);
            if (attempt.errors().isEmpty()) {
                return new Step.Finished<>(result(attempt.value(), false));
            }
            int budget = first.truncated() || attempt.truncated()
                    ? summarizer.settings().largerOutputTokens()
                    : summarizer.settings().maxOutputTokens();
            phase = Phase.REASK;
            return ask(Optional.of(new SummaryPrompts.Reask(attempt.errors(), first.text())), budget);
        }
        Attempt again = check(reply);
        if (!again.errors().isEmpty()) {
            String declined = reply.finishReason() == FinishReason.CONTENT_FILTER
                    ? "the provider's content filter stopped the reply"
                    : "the reply did not validate against the summary schema after a re-ask";
            throw new SummaryException(
                    "Article " + article.id() + " has no summary: " + declined + ": "
                            + String.join("; ", again.errors()),
                    spent,
                    lastRaw,
                    null);
        }
        return new Step.Finished<>(result(again.value(), true));
    }

    @Override
    public SummaryException failed(ModelFailure failure) {
        return new SummaryException(
                "Article " + article.id() + " has no summary: " + failure.getMessage(), spent, lastRaw, failure);
    }

    private Step<Summary> ask(Optional<SummaryPrompts.Reask> reask, int budget) {
        RenderedPrompt rendered = summarizer
                .prompts()
                .render(article, translation.map(Summarizer::englishText), summarizer.schemaText(), reask);
        asked = new ModelRequest(
                rendered.system(),
                rendered.user(),
                budget,
                summarizer.settings().temperature(),
                Optional.of(summarizer.schema().sent()));
        return new Step.Send<>(asked);
    }

    private Attempt check(ModelReply reply) {
        List<String> errors = new ArrayList<>();
        if (reply.truncated()) {
            errors.add("the reply was cut off by the output limit");
        }
        Optional<String> json = JsonReply.extract(reply.text());
        if (json.isEmpty()) {
            // no quote of the reply here: the re-ask sends the whole reply inside its <previous> block, and a
            // failure keeps it as the raw reply
            errors.add(reply.text().isBlank() ? "the reply was empty" : "the reply holds no JSON object");
            return new Attempt(null, errors, reply.truncated());
        }
        JsonNode node;
        try {
            node = summarizer.mapper().readTree(json.get());
        } catch (JsonProcessingException e) {
            errors.add("the reply is not valid JSON: " + e.getOriginalMessage());
            return new Attempt(null, errors, reply.truncated());
        }
        List<String> invalid = summarizer.schema().validate(node);
        if (!invalid.isEmpty()) {
            errors.addAll(invalid);
            return new Attempt(null, errors, reply.truncated());
        }
        try {
            return new Attempt(summarizer.mapper().treeToValue(node, ArticleSummary.class), List.of(), false);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            errors.add("the reply does not fit the summary record: " + e.getMessage());
            return new Attempt(null, errors, false);
        }
    }

    private Summary result(ArticleSummary fields, boolean reasked) {
        List<String> warnings = new ArrayList<>();
        warnings.addAll(quoteWarnings(fields));
        warnings.addAll(nameWarnings(fields));
        headlineWarning(fields).ifPresent(warnings::add);
        return new Summary(
                article.id(),
                fields,
                warnings,
                reasked,
                translation.isPresent(),
                Provenance.of(summarizer.info(), Map.of(Summary.TASK, summarizer.promptVersion()), spent));
    }

    private List<String> quoteWarnings(ArticleSummary fields) {
        if (translation.isEmpty()) {
            return List.of();
        }
        List<String> english = Words.of(Summarizer.englishText(translation.get()));
        List<String> warnings = new ArrayList<>();
        for (ArticleSummary.Quote q : fields.quotes()) {
            if (!QuoteMatcher.found(q.text(), english)) {
                warnings.add("quote not found in the translation: \"" + preview(q.text()) + "\"");
            }
        }
        return warnings;
    }

    private List<String> nameWarnings(ArticleSummary fields) {
        NameMatcher source = new NameMatcher(SummaryPrompts.articleText(article));
        Optional<NameMatcher> english = translation.map(t -> new NameMatcher(Summarizer.englishText(t)));
        List<String> warnings = new ArrayList<>();
        for (ArticleSummary.Person p : fields.people()) {
            boolean found = source.contains(p.name())
                    || english.map(m -> m.contains(p.name())).orElse(false);
            if (!found) {
                warnings.add("person not named in the source: " + p.name());
            }
        }
        return warnings;
    }

    private Optional<String> headlineWarning(ArticleSummary fields) {
        if (fields.headline().isBlank()) {
            return Optional.of("the headline is empty");
        }
        // A headline alone is too short to identify reliably: judge it with the summary, then alone if unsure.
        Optional<String> language = summarizer.languages().detect(fields.headline() + ". " + fields.summary());
        return language.filter(l -> !l.equals("en"))
                .map(l -> "the headline and summary are not in English (they read as '" + l + "')");
    }

    private static String preview(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }
}
