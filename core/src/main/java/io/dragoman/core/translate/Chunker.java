package io.dragoman.core.translate;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.lang.SentenceSplitter;
import io.dragoman.core.lang.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts an article into chunks that each fit a token budget: the whole article when it fits, otherwise runs of whole
 * paragraphs. Only a paragraph that alone exceeds the budget is cut, at sentence boundaries, into parts that are
 * joined again after translation. The title and dateline travel in the first chunk. Thread-safe when its counter and
 * splitter are.
 */
public final class Chunker {

    private final TokenCounter tokens;
    private final SentenceSplitter sentences;

    /**
     * @param tokens counts the tokens of source text
     * @param sentences splits an over-long paragraph into sentences (for German, OpenNLP's German model)
     */
    public Chunker(TokenCounter tokens, SentenceSplitter sentences) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.sentences = Objects.requireNonNull(sentences, "sentences");
    }

    /**
     * The article's units (title, dateline, body paragraphs or their parts) packed into chunks in order.
     *
     * @param budgetTokens the most source tokens a chunk should hold; a single sentence longer than that still
     *     becomes a unit of its own
     */
    public List<Chunk> chunks(CleanedArticle article, int budgetTokens) {
        if (budgetTokens <= 0) {
            throw new IllegalArgumentException("The chunk budget must be positive, was " + budgetTokens);
        }
        List<Unit> units = new ArrayList<>();
        if (!article.title().isBlank()) {
            units.add(Unit.title(article.title().strip()));
        }
        if (article.metadata().dateline() != null
                && !article.metadata().dateline().text().isBlank()) {
            units.add(Unit.dateline(article.metadata().dateline().text().strip()));
        }
        List<String> paragraphs = article.paragraphs();
        for (int p = 0; p < paragraphs.size(); p++) {
            String text = paragraphs.get(p).strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("Paragraph " + (p + 1) + " of " + article.id() + " is blank.");
            }
            if (tokens.count(text) <= budgetTokens) {
                units.add(Unit.body(p, 0, text));
            } else {
                List<String> parts = parts(text, budgetTokens);
                for (int i = 0; i < parts.size(); i++) {
                    units.add(Unit.body(p, i, parts.get(i)));
                }
            }
        }
        List<Chunk> chunks = new ArrayList<>();
        List<Unit> current = new ArrayList<>();
        int used = 0;
        for (Unit u : units) {
            int cost = tokens.count(u.text());
            if (!current.isEmpty() && used + cost > budgetTokens && u.kind() == Unit.Kind.BODY) {
                chunks.add(new Chunk(chunks.size(), current));
                current = new ArrayList<>();
                used = 0;
            }
            current.add(u);
            used += cost;
        }
        chunks.add(new Chunk(chunks.size(), current));
        return List.copyOf(chunks);
    }

    /** Sentences grouped greedily into parts of at most the budget. */
    private List<String> parts(String paragraph, int budgetTokens) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int used = 0;
        for (String sentence : sentences.split(paragraph)) {
            String s = sentence.strip();
            if (s.isEmpty()) {
                continue;
            }
            int cost = tokens.count(s);
            if (!part.isEmpty() && used + cost > budgetTokens) {
                parts.add(part.toString());
                part.setLength(0);
                used = 0;
            }
            if (!part.isEmpty()) {
                part.append(' ');
            }
            part.append(s);
            used += cost;
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts.isEmpty() ? List.of(paragraph) : parts;
    }
}
