package io.dragoman.core.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.dragoman.core.llm.CallSession;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.output.Digest.Overview;
import io.dragoman.core.output.Digest.Period;
import io.dragoman.core.output.Digest.Sentence;
import io.dragoman.core.output.DigestWriter;
import io.dragoman.core.output.DigestWriter.Summarized;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.prompt.PromptTemplate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Overviews of a digest's periods written by a model from the articles' summaries with the {@code digest} prompt. The
 * reply is JSON valid against {@code digest/schema.json}: sentences, each with the ids of the articles it rests on.
 * Every citation is checked: an id that is not an article of the period is dropped, and so is a sentence left
 * without one, so every sentence shown can be traced to its articles. Calls go through the given provider (wrap it in
 * the call cache so a second digest of the same period costs nothing) on the given session, which counts what they
 * cost. Thread-safe.
 */
public final class ModelOverviews implements DigestWriter.Overviews {

    /** The prompt task. */
    public static final String TASK = "digest";
    /** The output budget of one overview. */
    public static final int OUTPUT_TOKENS = 900;
    /** Sentences asked for, and kept, per period. */
    static final int MAX_SENTENCES = 8;
    /** Articles of a period given to the model, in the order of the period's stories (the largest first). */
    static final int MAX_ARTICLES = 60;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelProvider model;
    private final PromptTemplate template;
    private final CallSession session;
    private final Consumer<String> warnings;
    private final String schemaText;
    private final JsonSchema schema;

    /**
     * @param model the writing model
     * @param prompts where the {@code digest} prompt comes from
     * @param session counts the calls and what they cost
     * @param warnings hears why a period got no overview, in one line naming the period
     */
    public ModelOverviews(ModelProvider model, PromptLibrary prompts, CallSession session, Consumer<String> warnings) {
        this.model = Objects.requireNonNull(model, "model");
        this.template = prompts.template(TASK, List.of());
        this.session = Objects.requireNonNull(session, "session");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.schemaText = PromptLibrary.builtInFile(TASK, "schema.json");
        this.schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText);
    }

    /** The request for a period's overview, as it is sent (and as {@code --estimate} counts it). */
    public ModelRequest request(Period period, List<Summarized> summaries) {
        StringBuilder articles = new StringBuilder();
        List<Summarized> given = summaries.stream().limit(MAX_ARTICLES).toList();
        for (Summarized s : given) {
            if (!articles.isEmpty()) {
                articles.append("\n\n");
            }
            articles.append('[')
                    .append(s.id())
                    .append("] ")
                    .append(s.date())
                    .append(" · ")
                    .append(oneLine(s.summary().headline()))
                    .append('\n')
                    .append(oneLine(s.summary().summary()));
        }
        var prompt = template.render(Map.of(
                "period", period.label(),
                "articleCount", Integer.toString(given.size()),
                "maxSentences", Integer.toString(MAX_SENTENCES),
                "articles", articles.toString()));
        return new ModelRequest(prompt.system(), prompt.user(), OUTPUT_TOKENS, 0.2, Optional.of(schemaText));
    }

    @Override
    public Optional<Overview> overview(Period period, List<Summarized> summaries) {
        ModelReply reply;
        try {
            reply = model.chat(request(period, summaries), session);
        } catch (ModelFailure e) {
            warnings.accept(period.key() + ": no overview, the model call failed: " + e.getMessage());
            return Optional.empty();
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(reply.text().strip());
        } catch (JsonProcessingException e) {
            warnings.accept(period.key() + ": no overview, the reply is not JSON.");
            return Optional.empty();
        }
        List<String> errors = tree == null
                ? List.of("it is empty")
                : schema.validate(tree).stream()
                        .map(ValidationMessage::getMessage)
                        .toList();
        if (!errors.isEmpty()) {
            warnings.accept(
                    period.key() + ": no overview, the reply does not follow the schema (" + errors.get(0) + ").");
            return Optional.empty();
        }
        Set<String> known = new LinkedHashSet<>();
        summaries.stream().limit(MAX_ARTICLES).forEach(s -> known.add(s.id()));
        List<Sentence> sentences = new ArrayList<>();
        int dropped = 0;
        for (JsonNode s : tree.get("sentences")) {
            String text = oneLine(s.get("text").asText());
            List<String> cites = new ArrayList<>();
            for (JsonNode id : s.get("articles")) {
                String cited = id.asText().replaceAll("[\\[\\]\\s]", "");
                if (known.contains(cited) && !cites.contains(cited)) {
                    cites.add(cited);
                }
            }
            if (text.isEmpty() || cites.isEmpty() || sentences.size() == MAX_SENTENCES) {
                dropped++;
            } else {
                sentences.add(new Sentence(text, cites));
            }
        }
        if (sentences.isEmpty()) {
            warnings.accept(period.key() + ": no overview, no sentence of the reply cites an article of the period.");
            return Optional.empty();
        }
        String by = model.info().kind().id() + " " + model.info().model();
        return Optional.of(new Overview(sentences, by, dropped));
    }

    private static String oneLine(String text) {
        return text.replace("</articles>", "").replaceAll("\\s+", " ").strip();
    }
}
