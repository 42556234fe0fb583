package io.dragoman.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The article-extraction benchmark's metric: text is split into word tokens (runs of Unicode letters and digits, case
 * kept), each text becomes a multiset of 4-token shingles (a text of 1 to 3 tokens is one shorter shingle), and a
 * page's true positives, false positives and false negatives are counted over the two multisets. Precision is averaged
 * over pages with a non-empty prediction, recall over pages with a non-empty truth (all pages of the benchmark), and
 * F1 is the harmonic mean of the two averages.
 */
public final class ShingleMetric {
    /** Tokens per shingle. */
    public static final int SHINGLE_TOKENS = 4;

    private ShingleMetric() {}

    /** One page's shingle counts: matched, predicted but not true, true but not predicted. */
    public record PageScore(long truePositives, long falsePositives, long falseNegatives) {
        /** True when the prediction has at least one shingle. */
        public boolean hasPrediction() {
            return truePositives + falsePositives > 0;
        }

        /** True when the ground truth has at least one shingle. */
        public boolean hasTruth() {
            return truePositives + falseNegatives > 0;
        }

        /** Share of predicted shingles that are true; 1 when both texts are empty. */
        public double precision() {
            if (falsePositives == 0 && falseNegatives == 0) {
                return 1;
            }
            long predicted = truePositives + falsePositives;
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        /** Share of true shingles that were predicted; 1 when both texts are empty. */
        public double recall() {
            if (falsePositives == 0 && falseNegatives == 0) {
                return 1;
            }
            long truth = truePositives + falseNegatives;
            return truth == 0 ? 0 : (double) truePositives / truth;
        }

        /** Harmonic mean of this page's precision and recall; 0 when both are 0. */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Averages over a set of pages. */
    public record Summary(double precision, double recall, double f1, int pages, int emptyPredictions) {}

    /** Word tokens of a text: maximal runs of letters and digits. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i <= text.length()) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            boolean word = Character.isLetterOrDigit(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            }
            i += i < text.length() ? Character.charCount(cp) : 1;
        }
        return tokens;
    }

    /** The multiset of shingles of a text, as shingle (tokens joined by a space) to count. */
    public static Map<String, Integer> shingles(String text) {
        List<String> tokens = tokens(text);
        Map<String, Integer> shingles = new HashMap<>();
        int count = Math.max(1, tokens.size() - SHINGLE_TOKENS + 1);
        for (int i = 0; i < count && i < tokens.size(); i++) {
            String shingle = String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + SHINGLE_TOKENS)));
            shingles.merge(shingle, 1, Integer::sum);
        }
        return shingles;
    }

    /** Scores one page's predicted body against its ground truth. */
    public static PageScore score(String truth, String prediction) {
        Map<String, Integer> expected = shingles(truth);
        Map<String, Integer> predicted = shingles(prediction);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            int p = predicted.getOrDefault(e.getKey(), 0);
            tp += Math.min(e.getValue(), p);
            fn += Math.max(0, e.getValue() - p);
        }
        for (Map.Entry<String, Integer> e : predicted.entrySet()) {
            fp += Math.max(0, e.getValue() - expected.getOrDefault(e.getKey(), 0));
        }
        return new PageScore(tp, fp, fn);
    }

    /** Averages page scores as the benchmark does. */
    public static Summary summarize(List<PageScore> pages) {
        double precisionSum = 0;
        int precisionPages = 0;
        double recallSum = 0;
        int recallPages = 0;
        for (PageScore page : pages) {
            if (page.hasPrediction()) {
                precisionSum += page.precision();
                precisionPages++;
            }
            if (page.hasTruth()) {
                recallSum += page.recall();
                recallPages++;
            }
        }
        double precision = precisionPages == 0 ? 0 : precisionSum / precisionPages;
        double recall = recallPages == 0 ? 0 : recallSum / recallPages;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Summary(precision, recall, f1, pages.size(), pages.size() - precisionPages);
    }
}
