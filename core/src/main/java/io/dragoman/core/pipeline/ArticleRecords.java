package io.dragoman.core.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.article.ArticleJson;
import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.Review;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.summary.ArticleSummary;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.CheckResult;
import io.dragoman.core.translate.Translation;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The output records of an article: one JSON object per article (for {@code articles.jsonl}) with its cleaned text,
 * translation and summary, and a Markdown page showing source and English side by side. Page content is escaped in
 * Markdown.
 */
public final class ArticleRecords {

    /** The fields a summary record adds to the model's: facts from cleaning, provenance and warnings. */
    public static final java.util.List<String> SUMMARY_RECORD_FIELDS = java.util.List.of(
            "id", "source", "url", "language", "published", "dateline", "section", "title", "provenance", "warnings");

    private final ObjectMapper mapper;

    /** Records written with this mapper (use {@link ArticleJson#mapper()}). */
    public ArticleRecords(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The record of a translated article: the cleaned article (id, title, paragraphs, metadata, warnings), {@code
     * status: "translated"} and a {@code translation} object with the English title, dateline and paragraphs, the
     * checks, the provider, model and prompt versions, the usage and the cost.
     */
    public ObjectNode translated(CleanedArticle article, Translation t) {
        ObjectNode record = cleaned(article, "translated");
        ObjectNode tr = record.putObject("translation");
        tr.put("title", t.title());
        tr.put("dateline", t.dateline());
        ArrayNode paragraphs = tr.putArray("paragraphs");
        t.paragraphs().forEach(paragraphs::add);
        checks(tr, t.checks());
        provenance(tr, t.provider().id(), t.model(), t.promptVersions(), t.usage(), t.cost(), t.calls());
        tr.put("chunks", t.chunks());
        return record;
    }

    /** The record of an article that was cleaned but not translated: {@code status: "cleaned"}. */
    public ObjectNode cleaned(CleanedArticle article, String status) {
        ObjectNode record = mapper.valueToTree(article);
        record.put("status", status);
        return record;
    }

    /**
     * The summary record: the deterministic facts from cleaning ({@code id}, {@code source}, {@code url}, {@code
     * language}, {@code published} with offset, {@code dateline {place, agency}}, {@code section}, the original
     * {@code title}), then the model's fields in schema order, then {@code provenance} (provider, model, prompt
     * version, tokens, cost, calls, whether a re-ask was needed, whether the translation was used) and the {@code
     * warnings} of the semantic checks.
     */
    public ObjectNode summary(CleanedArticle article, Summary s) {
        ArticleMetadata m = article.metadata();
        ObjectNode node = mapper.createObjectNode();
        node.put("id", article.id().value());
        node.put("source", m.source());
        node.put("url", m.url());
        node.put("language", m.language());
        node.put("published", m.published() == null ? null : ArticleJson.format(m.published()));
        if (m.dateline() == null) {
            node.putNull("dateline");
        } else {
            node.putObject("dateline")
                    .put("place", m.dateline().place())
                    .put("agency", m.dateline().agency());
        }
        node.put("section", m.section());
        node.put("title", article.title());
        ObjectNode fields = mapper.valueToTree(s.fields());
        node.setAll(fields);
        ObjectNode provenance = node.putObject("provenance");
        provenance.put("provider", s.provider().id());
        provenance.put("model", s.model());
        provenance.put("promptVersion", s.promptVersion());
        usage(provenance, s.usage());
        if (s.cost().isPresent()) {
            provenance.put("costUsd", s.cost().get().stripTrailingZeros());
        } else {
            provenance.putNull("costUsd");
        }
        provenance.put("calls", s.calls());
        provenance.put("reasked", s.reasked());
        provenance.put("fromTranslation", s.fromTranslation());
        ArrayNode warnings = node.putArray("warnings");
        s.warnings().forEach(warnings::add);
        return node;
    }

    /** The model's part of a summary record: what must validate against the summary schema. */
    public static ObjectNode modelFields(ObjectNode summaryRecord) {
        ObjectNode fields = summaryRecord.deepCopy();
        fields.remove(SUMMARY_RECORD_FIELDS);
        return fields;
    }

    /** A Markdown section with the summary, for the end of an article's page. */
    public String summaryMarkdown(Summary s) {
        ArticleSummary f = s.fields();
        StringBuilder md = new StringBuilder("\n## Summary\n\n**")
                .append(ArticleFormat.escape(f.headline()))
                .append("**\n\n")
                .append(ArticleFormat.escapeParagraph(f.summary()))
                .append("\n\n");
        for (String point : f.keyPoints()) {
            md.append("- ").append(ArticleFormat.escapeParagraph(point)).append('\n');
        }
        if (!f.people().isEmpty()) {
            md.append("\nPeople: ")
                    .append(String.join(
                            "; ",
                            f.people().stream()
                                    .map(p -> ArticleFormat.escape(
                                            p.role().isBlank() ? p.name() : p.name() + " (" + p.role() + ")"))
                                    .toList()))
                    .append('\n');
        }
        if (!f.organizations().isEmpty()) {
            md.append("\nOrganisations: ")
                    .append(String.join(
                            "; ",
                            f.organizations().stream()
                                    .map(o -> ArticleFormat.escape(
                                            o.abbreviation().isBlank()
                                                    ? o.name()
                                                    : o.name() + " (" + o.abbreviation() + ")"))
                                    .toList()))
                    .append('\n');
        }
        for (ArticleSummary.Quote q : f.quotes()) {
            md.append("\n> ").append(ArticleFormat.escapeParagraph(q.text()));
            if (!q.speaker().isBlank()) {
                md.append(" — ").append(ArticleFormat.escape(q.speaker()));
            }
            md.append('\n');
        }
        if (!f.topics().isEmpty()) {
            md.append("\nTopics: ")
                    .append(ArticleFormat.escape(String.join(", ", f.topics())))
                    .append('\n');
        }
        for (String w : s.warnings()) {
            md.append("\n> Warning (summary): ").append(ArticleFormat.escape(w)).append('\n');
        }
        return md.toString();
    }

    private void checks(ObjectNode parent, java.util.List<CheckResult> checks) {
        ArrayNode array = parent.putArray("checks");
        for (CheckResult c : checks) {
            ObjectNode node = array.addObject();
            node.put("check", c.check());
            node.put("status", c.status().name().toLowerCase(Locale.ROOT));
            ArrayNode details = node.putArray("details");
            c.details().forEach(details::add);
            if (!c.paragraphs().isEmpty()) {
                ArrayNode paragraphs = node.putArray("paragraphs");
                c.paragraphs().forEach(paragraphs::add);
            }
        }
    }

    /**
     * The {@code review} object of an article whose translation had doubtful findings: {@code state} ({@code
     * needs-review}, or {@code accepted} once a person accepted it), the body paragraphs to check with the checks that
     * name each, and the findings themselves.
     */
    public ObjectNode review(Review state, Translation t) {
        ObjectNode review = mapper.createObjectNode();
        review.put("state", state.label());
        Map<Integer, java.util.List<String>> byParagraph = new TreeMap<>();
        for (CheckResult c : t.forReview()) {
            c.paragraphs().forEach(p -> byParagraph
                    .computeIfAbsent(p, k -> new java.util.ArrayList<>())
                    .add(c.check()));
        }
        ArrayNode paragraphs = review.putArray("paragraphs");
        byParagraph.forEach((paragraph, checks) -> {
            ObjectNode node = paragraphs.addObject();
            node.put("paragraph", paragraph);
            ArrayNode names = node.putArray("checks");
            checks.forEach(names::add);
        });
        ArrayNode findings = review.putArray("findings");
        for (CheckResult c : t.forReview()) {
            ObjectNode node = findings.addObject();
            node.put("check", c.check());
            ArrayNode details = node.putArray("details");
            c.details().forEach(details::add);
        }
        return review;
    }

    /** The banner at the top of the page of an article that needs review: what to check, and where. */
    public String reviewBanner(Translation t) {
        java.util.SortedSet<Integer> paragraphs = new java.util.TreeSet<>();
        t.forReview().forEach(c -> paragraphs.addAll(c.paragraphs()));
        StringBuilder md =
                new StringBuilder("> **Needs review.** The checks found doubtful passages in this translation");
        boolean title = paragraphs.remove(0);
        if (title || !paragraphs.isEmpty()) {
            md.append("; check ").append(title ? "the title" : "");
            if (!paragraphs.isEmpty()) {
                md.append(title ? " and " : "")
                        .append(paragraphs.size() == 1 ? "paragraph " : "paragraphs ")
                        .append(String.join(
                                ", ", paragraphs.stream().map(String::valueOf).toList()));
            }
        }
        md.append(".\n");
        for (CheckResult c : t.forReview()) {
            for (String d : c.details()) {
                md.append(">\n> - ")
                        .append(c.check())
                        .append(": ")
                        .append(ArticleFormat.escape(d))
                        .append('\n');
            }
        }
        return md.append('\n').toString();
    }

    /** A record's {@code usage} object: input tokens, the part of them read from the prompt cache, output tokens. */
    static void usage(ObjectNode node, Usage usage) {
        node.putObject("usage")
                .put("inputTokens", usage.inputTokens())
                .put("cachedInputTokens", usage.cachedInputTokens())
                .put("outputTokens", usage.outputTokens());
    }

    private static void provenance(
            ObjectNode node,
            String provider,
            String model,
            Map<String, String> versions,
            Usage usage,
            Optional<BigDecimal> cost,
            int calls) {
        node.put("provider", provider);
        node.put("model", model);
        ObjectNode prompts = node.putObject("promptVersions");
        new TreeMap<>(versions).forEach(prompts::put);
        usage(node, usage);
        if (cost.isPresent()) {
            node.put("costUsd", cost.get().stripTrailingZeros());
        } else {
            node.putNull("costUsd");
        }
        node.put("calls", calls);
    }

    /**
     * A Markdown page: the English title, the original title, a metadata table, then a two-column table with each
     * source paragraph next to its English translation, then the checks and the provenance.
     */
    public String markdown(CleanedArticle article, Translation t) {
        StringBuilder md = new StringBuilder();
        String title = t.title().isBlank() ? article.id().value() : t.title();
        md.append("# ").append(ArticleFormat.escape(title)).append("\n\n");
        ArticleMetadata m = article.metadata();
        md.append("| | |\n|---|---|\n");
        row(md, "Original title", article.title());
        row(md, "Published", m.published() == null ? null : ArticleJson.format(m.published()));
        row(md, "Dateline", t.dateline());
        row(md, "Section", m.section());
        row(md, "Agency", m.agency());
        row(md, "Source", m.source());
        row(md, "Language", m.language());
        row(md, "URL", m.url());
        row(md, "Input", m.location());
        md.append("\n| ").append(m.language() == null ? "Source" : "Source (" + m.language() + ")");
        md.append(" | English |\n|---|---|\n");
        if (m.dateline() != null && !t.dateline().isBlank()) {
            cells(md, m.dateline().text().strip(), t.dateline());
        }
        for (int i = 0; i < article.paragraphs().size(); i++) {
            cells(md, article.paragraphs().get(i), t.paragraphs().get(i));
        }
        md.append("\nChecks: ");
        StringBuilder checks = new StringBuilder();
        for (CheckResult c : t.checks()) {
            if (!checks.isEmpty()) {
                checks.append(" · ");
            }
            checks.append(c.check()).append(' ').append(c.status().name().toLowerCase(Locale.ROOT));
        }
        md.append(checks).append("\n\n");
        for (CheckResult c : t.warnings()) {
            for (String d : c.details()) {
                md.append("> Warning (")
                        .append(c.check())
                        .append("): ")
                        .append(ArticleFormat.escape(d))
                        .append('\n');
            }
        }
        md.append("\nTranslated by ")
                .append(ArticleFormat.escape(t.provider().id() + " " + t.model()))
                .append(" · ")
                .append(t.usage().inputTokens())
                .append(" input")
                .append(RunReport.cached(t.usage().cachedInputTokens()))
                .append(" and ")
                .append(t.usage().outputTokens())
                .append(" output tokens")
                .append(t.cost()
                        .map(c -> " · $" + c.stripTrailingZeros().toPlainString())
                        .orElse(""))
                .append(" · prompt ")
                .append(t.promptVersions().getOrDefault("translate", "?"))
                .append('\n');
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        if (value != null && !value.isBlank()) {
            md.append("| ")
                    .append(name)
                    .append(" | ")
                    .append(ArticleFormat.escape(value))
                    .append(" |\n");
        }
    }

    private static void cells(StringBuilder md, String source, String english) {
        md.append("| ")
                .append(ArticleFormat.escape(source.replace('\n', ' ')))
                .append(" | ")
                .append(ArticleFormat.escape(english.replace('\n', ' ')))
                .append(" |\n");
    }
}
