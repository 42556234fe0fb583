package io.dragoman.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/** What both quality benchmarks print: one extractor's result per page, its summary line and its worst pages. */
final class PageReport {
    private static final int HINT_CHARS = 60;
    private static final int ID_CHARS = 12;

    private PageReport() {}

    /**
     * One page's result: the body and title, or the reason the extractor gave up (then title and body are empty).
     */
    record Prediction(String title, String body, String failure) {
        static Prediction failed(String reason) {
            return new Prediction("", "", reason);
        }

        String titleAndBody() {
            return title.isEmpty() ? body : title + "\n" + body;
        }
    }

    /** Scores the prediction for every page with the benchmark's metric. */
    static ShingleMetric.Summary summarize(List<AebCorpus.Page> pages, IntFunction<String> prediction) {
        List<ShingleMetric.PageScore> scores = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            scores.add(ShingleMetric.score(pages.get(i).truth(), prediction.apply(i)));
        }
        return ShingleMetric.summarize(scores);
    }

    /** Prints the {@code count} pages with the lowest F1, each with a hint at what went wrong. */
    static void worst(
            PrintStream out, String label, List<AebCorpus.Page> pages, List<Prediction> predictions, int count) {
        record Row(AebCorpus.Page page, Prediction prediction, ShingleMetric.PageScore score) {}
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            rows.add(new Row(
                    pages.get(i),
                    predictions.get(i),
                    ShingleMetric.score(pages.get(i).truth(), predictions.get(i).body())));
        }
        rows.sort(Comparator.comparingDouble((Row r) -> r.score().f1())
                .thenComparing(r -> r.page().id()));
        out.printf(Locale.ROOT, "%d worst pages (%s)%n", count, label);
        out.printf(Locale.ROOT, "%-12s %5s %5s %5s  %s%n", "id", "P", "R", "F1", "hint");
        for (Row row : rows.subList(0, Math.min(count, rows.size()))) {
            String id = row.page().id();
            out.printf(
                    Locale.ROOT,
                    "%-12s %5.2f %5.2f %5.2f  %s%n",
                    id.substring(0, Math.min(ID_CHARS, id.length())),
                    row.score().precision(),
                    row.score().recall(),
                    row.score().f1(),
                    hint(row.page(), row.prediction(), row.score()));
        }
    }

    /** A few words on what went wrong with a page: a failure, the wrong block, lost body text, or kept chrome. */
    static String hint(AebCorpus.Page page, Prediction prediction, ShingleMetric.PageScore score) {
        if (prediction.failure() != null) {
            return "empty: " + shorten(prediction.failure());
        }
        List<String> truthTokens = ShingleMetric.tokens(page.truth());
        String body = " " + String.join(" ", ShingleMetric.tokens(prediction.body())) + " ";
        boolean hasStart = body.contains(" " + join(truthTokens, 0) + " ");
        boolean hasEnd =
                body.contains(" " + join(truthTokens, truthTokens.size() - ShingleMetric.SHINGLE_TOKENS) + " ");
        StringBuilder hint = new StringBuilder();
        if (score.truePositives() == 0) {
            hint.append("wrong block");
        } else if (score.recall() < score.precision()) {
            hint.append("lost body");
            hint.append(hasStart ? "" : ", start missing").append(hasEnd ? "" : ", end missing");
        } else {
            hint.append("kept chrome");
        }
        String first = prediction.body().lines().findFirst().orElse("");
        return hint.append("; body starts '")
                .append(shorten(first))
                .append('\'')
                .toString();
    }

    private static String join(List<String> tokens, int from) {
        int start = Math.max(0, from);
        return String.join(" ", tokens.subList(start, Math.min(tokens.size(), start + ShingleMetric.SHINGLE_TOKENS)));
    }

    private static String shorten(String text) {
        return text.length() <= HINT_CHARS ? text : text.substring(0, HINT_CHARS) + "…";
    }
}
