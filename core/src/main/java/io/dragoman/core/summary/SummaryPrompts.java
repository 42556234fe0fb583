package io.dragoman.core.summary;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.lang.LanguageNames;
import io.dragoman.core.prompt.PromptData;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.prompt.PromptTemplate;
import io.dragoman.core.prompt.RenderedPrompt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the summary requests from the {@code summarize} template and its parts: the task line (for the source, or
 * for its English translation), the schema block for providers that take the schema in the prompt, and the re-ask with
 * the validator's errors and the previous reply. The article goes once: its English translation when there is one
 * (names and quotes are written in English, and the checks trace them in the translation), else the source. The re-ask
 * comes last, so it repeats the first request's prompt as a prefix that providers' prompt caches serve. Every word comes from a prompt file; this class passes only data, with the prompt's block tags
 * neutralised. Immutable and thread-safe.
 */
final class SummaryPrompts {

    private static final List<String> PARTS = List.of(
            "summarize/task-source",
            "summarize/task-translation",
            "summarize/schema",
            "summarize/reask",
            "summarize/reask-error");
    private static final PromptData DATA = PromptData.standard();

    private final PromptTemplate prompt;

    SummaryPrompts(PromptLibrary prompts) {
        this.prompt = prompts.template("summarize", PARTS);
    }

    /** The template's version. */
    String version() {
        return prompt.version();
    }

    /**
     * The request for an article.
     *
     * @param english the English text to summarise instead of the source, when there is one
     * @param schema the schema's text when it goes in the prompt
     * @param reask the errors of the previous reply and that reply, when this is the re-ask
     */
    RenderedPrompt render(
            CleanedArticle article, Optional<String> english, Optional<String> schema, Optional<Reask> reask) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> language = Map.of(
                "sourceLanguage", LanguageNames.english(article.metadata().language()));
        values.put(
                "task",
                prompt.part(english.isPresent() ? "summarize/task-translation" : "summarize/task-source", language));
        values.put("article", asData(english.orElseGet(() -> articleText(article))));
        values.put(
                "schema",
                schema.map(s -> prompt.part("summarize/schema", Map.of("schema", s.strip())))
                        .orElse(""));
        values.put("problems", reask.map(this::reask).orElse(""));
        return prompt.render(values);
    }

    /**
     * What a re-ask says was wrong.
     *
     * @param errors the validator's and parser's findings
     * @param previous the reply that had them
     */
    record Reask(List<String> errors, String previous) {}

    /**
     * The re-ask's problem list and the previous reply. The reply goes inside {@code <previous>}; the validator's and
     * parser's messages can quote parts of the reply (a property name, a token), so each is put on one line, cut to
     * 200 characters and has the block tags neutralised.
     */
    private String reask(Reask reask) {
        List<String> lines = new ArrayList<>();
        for (String e : reask.errors()) {
            String line = e.replaceAll("\\s+", " ").strip();
            lines.add(prompt.part(
                    "summarize/reask-error",
                    Map.of("error", asData(line.length() > 200 ? line.substring(0, 200) + "…" : line))));
        }
        String previous = reask.previous();
        return prompt.part(
                "summarize/reask",
                Map.of(
                        "errors",
                        String.join("\n", lines),
                        "previous",
                        asData(previous.length() > 6000 ? previous.substring(0, 6000) + "…" : previous)));
    }

    /** The article in the source language: title, dateline and paragraphs. */
    static String articleText(CleanedArticle article) {
        StringBuilder b = new StringBuilder();
        if (!article.title().isBlank()) {
            b.append(article.title().strip()).append("\n\n");
        }
        if (article.metadata().dateline() != null) {
            b.append(article.metadata().dateline().text().strip()).append(' ');
        }
        b.append(String.join("\n\n", article.paragraphs()));
        return b.toString();
    }

    /** Article text with the prompt's own block tags neutralised, so it cannot close the block it is in. */
    static String asData(String text) {
        return DATA.escape(text);
    }
}
