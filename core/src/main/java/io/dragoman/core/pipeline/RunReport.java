package io.dragoman.core.pipeline;

import io.dragoman.core.llm.Usage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The account of a run directory: articles by status, failures grouped by reason with their ids, the translation
 * checks that fired, summary warnings, tokens and cost by stage and model, and the throughput of the run that just
 * ended. Written as {@code report.json} and {@code report.md}, and printed by {@code dragoman report}.
 *
 * @param articles article counts by status
 * @param failures failed articles grouped by stage and reason
 * @param reviews the articles whose translation a person should review, with the paragraphs to check
 * @param checks for each translation check that did not simply pass, how many articles ended with each status
 * @param summaryWarnings the number of warnings the summary checks raised
 * @param spend calls, tokens and cost by stage, provider and model, over everything stored
 * @param identicalCopies the articles whose cleaned text another article had, whose calls the call cache answered
 * @param thisRun the run that just ended, when the report is written by one
 */
public record RunReport(
        Map<String, Long> articles,
        List<FailureGroup> failures,
        List<ReviewItem> reviews,
        Map<String, Map<String, Long>> checks,
        long summaryWarnings,
        Map<String, Spend> spend,
        Copies identicalCopies,
        Optional<ThisRun> thisRun) {

    /**
     * Articles whose cleaned text is the same as another article's, translated and summarised by the same model with
     * the same prompts: they send the first copy's requests, which the call cache answers, so they cost nothing. Their
     * records still show what their work cost; {@link #spend} counts that with everything stored.
     *
     * @param articles the copies, the first of each text not counted
     * @param calls the calls their records show, answered by the call cache
     * @param costUsd what those calls cost the first copy, or null when a model's price is unknown
     */
    public record Copies(long articles, int calls, BigDecimal costUsd) {}

    /**
     * Failed articles that share a stage and reason.
     *
     * @param reason the stage and the reason's first words
     * @param ids the failed articles
     */
    public record FailureGroup(String reason, List<String> ids) {}

    /**
     * An article whose translation needs a person's review.
     *
     * @param id the article
     * @param checks the checks whose doubtful findings remain
     * @param paragraphs the body paragraphs (from 1; 0 is the title) they name; empty when a finding concerns a
     *     whole chunk
     */
    public record ReviewItem(String id, List<String> checks, List<Integer> paragraphs) {}

    /**
     * What a stage cost with one model.
     *
     * @param calls model calls
     * @param inputTokens input tokens, cached ones included
     * @param cachedInputTokens the input tokens read from the provider's prompt cache
     * @param outputTokens output tokens
     * @param costUsd the cost, or null when a model's price is unknown
     */
    public record Spend(int calls, long inputTokens, long cachedInputTokens, long outputTokens, BigDecimal costUsd) {

        static Spend of(int calls, Usage usage, Optional<BigDecimal> cost) {
            return new Spend(
                    calls, usage.inputTokens(), usage.cachedInputTokens(), usage.outputTokens(), cost.orElse(null));
        }

        Spend plus(Spend other) {
            return new Spend(
                    calls + other.calls,
                    inputTokens + other.inputTokens,
                    cachedInputTokens + other.cachedInputTokens,
                    outputTokens + other.outputTokens,
                    costUsd == null || other.costUsd == null ? null : costUsd.add(other.costUsd));
        }
    }

    /**
     * The run that just ended.
     *
     * @param stop how it ended
     * @param message what to tell the user about the ending
     * @param done articles finished by this run
     * @param skipped articles an earlier run had finished
     * @param failed articles that failed in this run
     * @param needsReview articles done in this run whose translation a person should review
     * @param deferred articles left for a later run
     * @param calls model calls this run made and paid for
     * @param replayed calls answered from the call cache instead
     * @param inputTokens the paid calls' input tokens, cached ones included
     * @param cachedInputTokens the part of them read from the provider's prompt cache
     * @param outputTokens their output tokens
     * @param costUsd their cost in US dollars; null when a model's price is unknown
     * @param seconds how long it took
     * @param articlesPerMinute finished and failed articles per minute
     */
    public record ThisRun(
            String stop,
            String message,
            int done,
            int skipped,
            int failed,
            int needsReview,
            int deferred,
            int calls,
            long replayed,
            long inputTokens,
            long cachedInputTokens,
            long outputTokens,
            BigDecimal costUsd,
            double seconds,
            double articlesPerMinute) {

        static ThisRun of(RunResult r) {
            double seconds = r.elapsed().toMillis() / 1000.0;
            double perMinute = seconds <= 0 ? 0 : (r.done() + r.failed()) * 60.0 / seconds;
            return new ThisRun(
                    r.stop().name().toLowerCase(Locale.ROOT),
                    r.stopMessage(),
                    r.done(),
                    r.skipped(),
                    r.failed(),
                    r.work().needsReview(),
                    r.deferred(),
                    r.calls(),
                    r.replayed(),
                    r.usage().inputTokens(),
                    r.usage().cachedInputTokens(),
                    r.usage().outputTokens(),
                    r.cost().map(BigDecimal::stripTrailingZeros).orElse(null),
                    Math.round(seconds * 10) / 10.0,
                    Math.round(perMinute * 10) / 10.0);
        }
    }

    /** How many input tokens came from the provider's prompt cache, as the run line says it; nothing when none. */
    public static String cached(long cachedInputTokens) {
        return cachedInputTokens == 0 ? "" : String.format(Locale.ROOT, " (%,d cached)", cachedInputTokens);
    }

    /** A check status as the report's sentences say it. */
    private static String statusWords(String status) {
        return switch (status) {
            case "review" -> "left for review";
            case "warning" -> "kept with a warning";
            default -> status;
        };
    }

    private static String joined(List<Integer> numbers) {
        return String.join(
                ", ",
                numbers.stream().map(n -> n == 0 ? "title" : String.valueOf(n)).toList());
    }

    /** A reason shortened to what articles failing the same way share: its first sentence, at most 100 characters. */
    static String reasonKey(String reason) {
        String r = reason.replaceAll("Article \\S+ ", "").strip();
        int end = r.indexOf(". ");
        if (end > 0) {
            r = r.substring(0, end + 1);
        }
        return r.length() > 100 ? r.substring(0, 100) + "…" : r;
    }

    /** The report as pretty-printed JSON, as {@code report.json} holds it. */
    public String json() {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(this)
                    + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report as JSON", e);
        }
    }

    /** The report as a short Markdown page. */
    public String markdown() {
        StringBuilder md = new StringBuilder("# Run report\n\n");
        thisRun.ifPresent(r -> md.append(String.format(
                Locale.ROOT,
                "This run: %s — %d done (%d need review), %d skipped (done before), %d failed, %d deferred; %d paid"
                        + " model calls"
                        + " (%,d input%s and %,d output tokens, %s), %d replies from the call cache; %.1f s"
                        + " (%.1f articles/min).%s%n%n",
                r.stop(),
                r.done(),
                r.needsReview(),
                r.skipped(),
                r.failed(),
                r.deferred(),
                r.calls(),
                r.inputTokens(),
                cached(r.cachedInputTokens()),
                r.outputTokens(),
                r.costUsd() == null ? "cost unknown" : "$" + r.costUsd().toPlainString(),
                r.replayed(),
                r.seconds(),
                r.articlesPerMinute(),
                r.message().isEmpty() ? "" : " " + ArticleFormat.escape(r.message()))));
        md.append("| status | articles |\n|---|---|\n");
        articles.forEach((status, n) ->
                md.append("| ").append(status).append(" | ").append(n).append(" |\n"));
        if (!spend.isEmpty()) {
            md.append(
                    "\n| stage and model | calls | input tokens | cached input tokens | output tokens | cost (USD) |\n"
                            + "|---|---|---|---|---|---|\n");
            spend.forEach((key, s) -> md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %,d | %,d | %,d | %s |%n",
                    ArticleFormat.escape(key),
                    s.calls(),
                    s.inputTokens(),
                    s.cachedInputTokens(),
                    s.outputTokens(),
                    s.costUsd() == null
                            ? "unknown"
                            : s.costUsd().stripTrailingZeros().toPlainString())));
        }
        if (identicalCopies.articles() > 0) {
            md.append(String.format(
                    Locale.ROOT,
                    "%nIdentical copies: %d %s the same cleaned text as another article, so the call cache answered"
                            + " %s %d model calls and %s nothing (%s of the recorded cost above).%n",
                    identicalCopies.articles(),
                    identicalCopies.articles() == 1 ? "article has" : "articles have",
                    identicalCopies.articles() == 1 ? "its" : "their",
                    identicalCopies.calls(),
                    identicalCopies.articles() == 1 ? "it cost" : "they cost",
                    identicalCopies.costUsd() == null
                            ? "an unknown part"
                            : "$" + identicalCopies.costUsd().toPlainString()));
        }
        if (!checks.isEmpty()) {
            md.append("\nTranslation checks that fired:\n\n");
            checks.forEach((check, statuses) -> md.append("- ")
                    .append(check)
                    .append(": ")
                    .append(String.join(
                            ", ",
                            statuses.entrySet().stream()
                                    .map(e -> e.getValue() + " " + statusWords(e.getKey()))
                                    .toList()))
                    .append('\n'));
        }
        if (summaryWarnings > 0) {
            md.append("\nSummary warnings: ").append(summaryWarnings).append('\n');
        }
        if (!reviews.isEmpty()) {
            md.append("\nNeeds review (")
                    .append(reviews.size())
                    .append("): a check found a doubtful passage; read the")
                    .append(
                            " paragraphs named, then rerun with `--retry-review` or accept with `--accept-review ID`.\n\n");
            for (ReviewItem item : reviews.subList(0, Math.min(50, reviews.size()))) {
                md.append("- ")
                        .append(ArticleFormat.escape(item.id()))
                        .append(": ")
                        .append(String.join(", ", item.checks()))
                        .append(item.paragraphs().isEmpty() ? "" : " (paragraphs " + joined(item.paragraphs()) + ")")
                        .append('\n');
            }
            if (reviews.size() > 50) {
                md.append("- … and ").append(reviews.size() - 50).append(" more, listed in report.json\n");
            }
        }
        if (!failures.isEmpty()) {
            md.append("\nFailures by reason:\n\n");
            for (FailureGroup g : failures) {
                md.append("- ")
                        .append(ArticleFormat.escape(g.reason()))
                        .append(" (")
                        .append(g.ids().size())
                        .append("): ")
                        .append(String.join(
                                ", ",
                                g.ids().subList(0, Math.min(20, g.ids().size())).stream()
                                        .map(ArticleFormat::escape)
                                        .toList()))
                        .append(g.ids().size() > 20 ? ", …" : "")
                        .append('\n');
            }
        }
        return md.toString();
    }
}
