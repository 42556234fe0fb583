package io.dragoman.core.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.prompt.PromptTemplate;
import io.dragoman.core.prompt.RenderedPrompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A second opinion on each chunk's translation: another model (or the same one) compares source and translation
 * with the {@code review} prompt and lists faults of meaning as JSON valid against {@code review/schema.json}:
 * omissions, additions, mistranslated names and numbers, lost negations. Its findings are doubtful ({@link
 * #CHECK}): they are sent back in the repair request, and what the review of the repair still finds is left for a
 * person. Immutable and thread-safe.
 */
public final class Reviewer {

    /** The name the reviewer's findings go under among the checks. */
    public static final String CHECK = "review";

    /** The output budget of a review: a list of short findings. */
    static final int OUTPUT_TOKENS = 1024;
    /** The longest detail of one finding passed on to the repair request. */
    static final int MAX_DETAIL_CHARS = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelProvider model;
    private final PromptTemplate template;
    private final String schemaText;
    private final JsonSchema schema;

    /**
     * @param model the reviewing model
     * @param prompts where the {@code review} prompt comes from
     * @throws IllegalArgumentException when the prompt is missing
     */
    public Reviewer(ModelProvider model, PromptLibrary prompts) {
        this.model = Objects.requireNonNull(model, "model");
        this.template = prompts.template(CHECK, List.of());
        this.schemaText = PromptLibrary.builtInFile(CHECK, "schema.json");
        this.schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText);
    }

    /** The reviewing model. */
    public ModelProvider model() {
        return model;
    }

    /** Who reviews. */
    public ProviderInfo info() {
        return model.info();
    }

    String version() {
        return template.version();
    }

    /** The review request for a chunk and the translation chosen for it. */
    RenderedPrompt prompt(String sourceLanguage, Chunk chunk, ChunkReply chosen) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sourceLanguage", sourceLanguage);
        values.put("unitCount", Integer.toString(chunk.units().size()));
        values.put("source", TranslationPrompts.marked(chunk.markers(), i -> chunk.units()
                .get(i)
                .text()));
        values.put("translation", TranslationPrompts.marked(chunk.markers(), chosen::english));
        return template.render(values);
    }

    /** The request as sent: the prompt, a small output budget, temperature 0, the findings' schema. */
    ModelRequest request(RenderedPrompt prompt) {
        return new ModelRequest(prompt.system(), prompt.user(), OUTPUT_TOKENS, 0, Optional.of(schemaText));
    }

    /**
     * What the reviewer's reply finds, as one doubtful finding naming the paragraphs; empty when it finds nothing. A
     * reply that is not valid JSON of the schema is a cosmetic finding that says so: the review could not be used,
     * the translation stands as the checks left it.
     */
    Optional<Finding> findings(Chunk chunk, ModelReply reply) {
        JsonNode tree;
        try {
            tree = JSON.readTree(unfenced(reply.text()));
        } catch (JsonProcessingException e) {
            return Optional.of(unreadable("it is not JSON"));
        }
        List<String> errors = tree == null
                ? List.of("empty")
                : schema.validate(tree).stream()
                        .map(ValidationMessage::getMessage)
                        .toList();
        if (!errors.isEmpty()) {
            return Optional.of(unreadable(errors.get(0)));
        }
        List<String> markers = chunk.markers();
        List<String> lines = new ArrayList<>();
        List<Integer> units = new ArrayList<>();
        for (JsonNode f : tree.get("findings")) {
            String marker = f.get("paragraph").asText().replaceAll("[\\[\\]\\s]", "");
            int unit = markers.indexOf(marker);
            if (unit >= 0 && !units.contains(unit)) {
                units.add(unit);
            }
            String detail = TranslationPrompts.oneLine(f.get("detail").asText().strip());
            if (detail.length() > MAX_DETAIL_CHARS) {
                detail = detail.substring(0, MAX_DETAIL_CHARS) + "…";
            }
            lines.add("[" + (unit >= 0 ? marker : "?") + "] " + f.get("kind").asText() + ": " + detail);
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                TranslationCheck.Severity.DOUBTFUL,
                "A reviewer comparing source and translation found: " + String.join("; ", lines) + ".",
                units));
    }

    private Finding unreadable(String why) {
        return Finding.of(
                TranslationCheck.Severity.COSMETIC,
                "The review by " + info().kind().id() + " " + info().model() + " could not be read (" + why + ").");
    }

    /** A reply without the Markdown fence some models put around JSON. */
    private static String unfenced(String text) {
        String t = text.strip();
        if (t.startsWith("```")) {
            int start = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            if (start > 0 && end > start) {
                return t.substring(start + 1, end);
            }
        }
        return t;
    }
}
