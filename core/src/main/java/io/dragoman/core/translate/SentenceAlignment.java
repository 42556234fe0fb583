package io.dragoman.core.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns the sentences of a paragraph with those of its translation by their lengths, after Gale and Church (1993):
 * a dynamic programme over beads of one source and one target sentence, a sentence merged or split (2–1, 1–2), two
 * with two, or a sentence without counterpart (1–0, 0–1), each bead costing the improbability of its kind and of its
 * length difference. Translators merge and split sentences; what the alignment cannot explain as that is a sentence
 * dropped or added. Stateless.
 */
final class SentenceAlignment {

    /** English characters per German character: 0.88 over the paragraphs of the seeds' reference translations. */
    static final double RATIO = 0.88;
    /** The variance of that ratio per character, as in Gale and Church. */
    static final double VARIANCE = 6.8;

    /** One bead of the alignment: source sentences [from, to) with target sentences [from, to). */
    record Bead(int sourceFrom, int sourceTo, int targetFrom, int targetTo, int sourceChars, int targetChars) {

        int sourceCount() {
            return sourceTo - sourceFrom;
        }

        int targetCount() {
            return targetTo - targetFrom;
        }
    }

    private static final int[][] KINDS = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}};
    /** -log of each kind's prior probability (Gale and Church's, with 3–1 and 1–3 as rare as 2–2). */
    private static final double[] PRIOR_COST = {
        -Math.log(0.89),
        -Math.log(0.0099),
        -Math.log(0.0099),
        -Math.log(0.089),
        -Math.log(0.089),
        -Math.log(0.011),
        -Math.log(0.005),
        -Math.log(0.005)
    };

    private SentenceAlignment() {}

    /** The cheapest alignment of the sentences, given as their lengths in characters. */
    static List<Bead> align(int[] source, int[] target) {
        int n = source.length;
        int m = target.length;
        double[][] cost = new double[n + 1][m + 1];
        int[][] kind = new int[n + 1][m + 1];
        for (double[] row : cost) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                if (i == 0 && j == 0) {
                    continue;
                }
                for (int k = 0; k < KINDS.length; k++) {
                    int di = KINDS[k][0];
                    int dj = KINDS[k][1];
                    if (i < di || j < dj || cost[i - di][j - dj] == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    double c = cost[i - di][j - dj]
                            + PRIOR_COST[k]
                            + lengthCost(sum(source, i - di, i), sum(target, j - dj, j));
                    if (c < cost[i][j]) {
                        cost[i][j] = c;
                        kind[i][j] = k;
                    }
                }
            }
        }
        List<Bead> beads = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            int k = kind[i][j];
            int di = KINDS[k][0];
            int dj = KINDS[k][1];
            beads.add(0, new Bead(i - di, i, j - dj, j, sum(source, i - di, i), sum(target, j - dj, j)));
            i -= di;
            j -= dj;
        }
        return beads;
    }

    /** -log of the probability of a length difference at least this large, for a source and target of these sizes. */
    static double lengthCost(int sourceChars, int targetChars) {
        if (sourceChars == 0 && targetChars == 0) {
            return 0;
        }
        double mean = (sourceChars + targetChars / RATIO) / 2;
        double delta = (targetChars - sourceChars * RATIO) / Math.sqrt(Math.max(1, mean) * VARIANCE);
        double p = 2 * (1 - normal(Math.abs(delta)));
        return -Math.log(Math.max(p, 1e-12));
    }

    private static int sum(int[] lengths, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            s += lengths[i];
        }
        return s;
    }

    /** The standard normal distribution function (Abramowitz and Stegun 26.2.17, error below 7.5e-8). */
    private static double normal(double x) {
        double t = 1 / (1 + 0.2316419 * x);
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return 1 - Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI) * poly;
    }
}
