package io.dragoman.bench;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The German news set's metric: a snippet occurs in an extraction when, with every run of white space collapsed to one
 * space, it is a substring of the extracted text (case-sensitive). Counted over all pages together: true positives are
 * must-contain snippets present, false negatives must-contain snippets absent, false positives must-not-contain
 * snippets present; precision, recall and F1 come from the pooled counts.
 */
final class SnippetMetric {
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private SnippetMetric() {}

    /** Pooled counts; add pages with {@link #plus}. */
    record Counts(long truePositives, long falseNegatives, long falsePositives, long trueNegatives) {
        static final Counts ZERO = new Counts(0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(
                    truePositives + o.truePositives,
                    falseNegatives + o.falseNegatives,
                    falsePositives + o.falsePositives,
                    trueNegatives + o.trueNegatives);
        }

        double precision() {
            long predicted = truePositives + falsePositives;
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        double recall() {
            long truth = truePositives + falseNegatives;
            return truth == 0 ? 0 : (double) truePositives / truth;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** White space collapsed to single spaces, as the metric compares texts. */
    static String normalize(String text) {
        return SPACE.matcher(text).replaceAll(" ");
    }

    /** True when the snippet occurs in the extraction (already {@link #normalize normalized}). */
    static boolean occurs(String snippet, String normalizedExtraction) {
        return normalizedExtraction.contains(normalize(snippet).strip());
    }

    /** One page's counts. */
    static Counts score(String extraction, List<String> with, List<String> without) {
        String text = normalize(extraction);
        long tp = with.stream().filter(s -> occurs(s, text)).count();
        long fp = without.stream().filter(s -> occurs(s, text)).count();
        return new Counts(tp, with.size() - tp, fp, without.size() - fp);
    }
}
