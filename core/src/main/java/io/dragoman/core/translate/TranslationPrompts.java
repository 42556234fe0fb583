package io.dragoman.core.translate;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.prompt.PromptData;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.prompt.PromptTemplate;
import io.dragoman.core.prompt.RenderedPrompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders the translation requests of a chunk from the {@code translate} and {@code repair} templates and their
 * parts: the glossary block and its lines, the context block of a later chunk, the repair's problem lines. Every word
 * comes from a prompt file; this class passes only data (marked source text, glossary terms, the previous chunk's
 * translation, check findings), with the prompt's block tags neutralised. Immutable and thread-safe.
 */
final class TranslationPrompts {

    /** The parts the translate prompt is made of. */
    static final List<String> TRANSLATE_PARTS = List.of(
            "translate/glossary",
            "translate/glossary-entry",
            "translate/context",
            "translate/context-title",
            "translate/context-previous");

    private static final PromptData DATA = PromptData.standard();
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]+");

    private final PromptTemplate translate;
    private final PromptTemplate repair;
    private final int contextChars;

    /**
     * @param prompts where the templates come from
     * @param contextChars at most this many characters of the previous chunk's translation go in the context block
     * @throws IllegalArgumentException when a template or a part is missing
     */
    TranslationPrompts(PromptLibrary prompts, int contextChars) {
        this.translate = prompts.template("translate", TRANSLATE_PARTS);
        List<String> repairParts = new ArrayList<>(TRANSLATE_PARTS);
        repairParts.add("repair/problem");
        this.repair = prompts.template("repair", repairParts);
        this.contextChars = contextChars;
    }

    /** The versions of both templates, by task. */
    Map<String, String> versions() {
        return Map.of("translate", translate.version(), "repair", repair.version());
    }

    /** The first request for a chunk. */
    RenderedPrompt first(
            CleanedArticle article, String sourceLanguage, Chunk chunk, List<Glossary.Entry> terms, String previous) {
        return translate.render(values(translate, article, sourceLanguage, chunk, terms, previous));
    }

    /**
     * The repair request for a chunk whose reply failed checks: the first request's system and user message as they
     * were, then the {@code repair} message with the problems and the reply, so that providers' prompt caches serve
     * the repeated prefix. A {@code repair/system.md} of the user's own replaces the translation's system message.
     *
     * @param failed the failed checks' findings, by check name
     * @param reply the reply that failed, as the model wrote it
     */
    RenderedPrompt repair(
            CleanedArticle article,
            String sourceLanguage,
            Chunk chunk,
            List<Glossary.Entry> terms,
            String previous,
            Map<String, String> failed,
            String reply) {
        Map<String, String> values = values(translate, article, sourceLanguage, chunk, terms, previous);
        RenderedPrompt first = translate.render(values);
        List<String> lines = new ArrayList<>();
        // a finding can quote the reply (the preamble check does): one line each, with the block tags neutralised
        failed.values()
                .forEach(message ->
                        lines.add(repair.part("repair/problem", Map.of("problem", asData(oneLine(message))))));
        values.put("problems", String.join("\n", lines).strip());
        values.put("previous", asData(reply));
        RenderedPrompt fix = repair.render(values);
        return new RenderedPrompt(
                fix.task(),
                fix.system().isBlank() ? first.system() : fix.system(),
                first.user() + "\n\n" + fix.user(),
                fix.version());
    }

    private Map<String, String> values(
            PromptTemplate template,
            CleanedArticle article,
            String sourceLanguage,
            Chunk chunk,
            List<Glossary.Entry> terms,
            String previous) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sourceLanguage", sourceLanguage);
        values.put("unitCount", Integer.toString(chunk.units().size()));
        values.put("source", marked(chunk));
        values.put("glossary", glossaryBlock(template, terms));
        values.put("context", contextBlock(template, article, chunk, previous));
        return values;
    }

    private static String glossaryBlock(PromptTemplate template, List<Glossary.Entry> terms) {
        if (terms.isEmpty()) {
            return "";
        }
        List<String> entries = new ArrayList<>();
        for (Glossary.Entry e : terms) {
            entries.add(template.part("translate/glossary-entry", Map.of("source", e.source(), "target", e.target())));
        }
        return template.part("translate/glossary", Map.of("entries", String.join("\n", entries)));
    }

    /**
     * The context of a later chunk, all of it inside one {@code <context>} block: the article's title when the chunk
     * does not carry it, and the end of the previous chunk's translation.
     */
    private String contextBlock(PromptTemplate template, CleanedArticle article, Chunk chunk, String previous) {
        if (chunk.index() == 0 && previous.isEmpty()) {
            return "";
        }
        boolean title =
                !article.title().isBlank() && chunk.units().stream().noneMatch(u -> u.kind() == Unit.Kind.TITLE);
        if (!title && previous.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        if (title) {
            lines.add(template.part(
                    "translate/context-title",
                    Map.of("title", asData(oneLine(article.title().strip())))));
        }
        if (!previous.isEmpty()) {
            String tail = previous.length() <= contextChars
                    ? previous
                    : "…" + previous.substring(previous.length() - contextChars);
            lines.add(template.part("translate/context-previous", Map.of("text", asData(tail))));
        }
        return template.part("translate/context", Map.of("lines", String.join("\n", lines)));
    }

    private static String marked(Chunk chunk) {
        return marked(chunk.markers(), i -> chunk.units().get(i).text());
    }

    /**
     * Texts under their markers ({@code [T] …}, {@code [1] …}), separated by blank lines, each on one line and with
     * the block tags neutralised: the source as a prompt's data block holds it, or a translation of it.
     */
    static String marked(List<String> markers, java.util.function.IntFunction<String> text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < markers.size(); i++) {
            if (i > 0) {
                b.append("\n\n");
            }
            b.append('[').append(markers.get(i)).append("] ").append(asData(oneLine(text.apply(i))));
        }
        return b.toString();
    }

    /**
     * Text as it may appear inside a prompt's delimited data block: an opening or closing tag of one of the blocks
     * ({@code <article>}, {@code <context>}, {@code <previous>}, {@code <translation>}) gets its angle brackets
     * replaced by look-alike quotation marks, so article text cannot end the block it is in.
     */
    static String asData(String text) {
        return DATA.escape(text);
    }

    /**
     * A unit's text on one line, so that nothing in it can start a line of its own that looks like a paragraph
     * marker ({@code [3]}, {@code [T]}) to the model.
     */
    static String oneLine(String text) {
        return LINE_BREAKS.matcher(text).replaceAll(" ");
    }
}
