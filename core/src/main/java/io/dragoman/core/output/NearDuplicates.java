package io.dragoman.core.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Finds the versions of one story — the same report re-published, updated or shortened — among a run's articles, by
 * MinHash over word shingles of the cleaned text: each article gets a signature of {@value #HASHES} minimum hashes of
 * its {@value #SHINGLE}-word shingles; articles whose signatures share a band of {@value #ROWS} hashes are compared, and
 * those whose signatures agree in at least {@value #THRESHOLD} of the hashes (an estimate of the shingles' Jaccard
 * similarity) are versions of each other, transitively. Articles with the same signature (identical copies) are
 * versions of each other whatever the buckets hold. The seeds are fixed, so a site renders the same every time.
 */
final class NearDuplicates {

    static final int HASHES = 64;
    static final int ROWS = 4;
    static final int SHINGLE = 3;
    static final double THRESHOLD = 0.6;
    /** Members of one band bucket a new article is compared with, so that templated text cannot make it quadratic. */
    private static final int BUCKET_LIMIT = 20;

    private final long[] seeds = new long[HASHES];

    NearDuplicates() {
        SplittableRandom random = new SplittableRandom(0x5EED_D0C5L);
        for (int i = 0; i < HASHES; i++) {
            seeds[i] = random.nextLong();
        }
    }

    /** The MinHash signature of a text, or null when it has fewer than {@value #SHINGLE} words (never grouped). */
    int[] signature(String text) {
        String[] words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toArray(String[]::new);
        if (words.length < SHINGLE) {
            return null;
        }
        Set<Long> shingles = new LinkedHashSet<>();
        for (int i = 0; i + SHINGLE <= words.length; i++) {
            long h = 1125899906842597L;
            for (int k = i; k < i + SHINGLE; k++) {
                h = 31 * h + words[k].hashCode();
                h = mix(h);
            }
            shingles.add(h);
        }
        int[] signature = new int[HASHES];
        Arrays.fill(signature, Integer.MAX_VALUE);
        for (long s : shingles) {
            for (int i = 0; i < HASHES; i++) {
                int v = (int) (mix(s ^ seeds[i]) >>> 33);
                if (v < signature[i]) {
                    signature[i] = v;
                }
            }
        }
        return signature;
    }

    /** The share of hashes two signatures agree in: an estimate of their texts' shingle Jaccard similarity. */
    static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    /** Groups the articles by their signatures (null for none), given in newest-first order. */
    Versions group(List<int[]> signatures) {
        int n = signatures.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        List<Map<Long, List<Integer>>> bands = new ArrayList<>();
        for (int b = 0; b < HASHES / ROWS; b++) {
            bands.add(new HashMap<>());
        }
        Map<Signature, Integer> firstWith = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int[] s = signatures.get(i);
            if (s == null) {
                continue;
            }
            Integer same = firstWith.putIfAbsent(new Signature(s), i);
            if (same != null) {
                // an identical copy joins the article it copies, however full the buckets were when it came, and
                // takes no place in them: it would only be compared with what the first was compared with
                parent[find(parent, same)] = find(parent, i);
                continue;
            }
            for (int b = 0; b < bands.size(); b++) {
                long key = 0;
                for (int r = b * ROWS; r < (b + 1) * ROWS; r++) {
                    key = mix(key * 31 + s[r]);
                }
                List<Integer> bucket = bands.get(b).computeIfAbsent(key, k -> new ArrayList<>(2));
                for (int other : bucket) {
                    if (find(parent, other) != find(parent, i) && similarity(s, signatures.get(other)) >= THRESHOLD) {
                        parent[find(parent, other)] = find(parent, i);
                    }
                }
                if (bucket.size() < BUCKET_LIMIT) {
                    bucket.add(i);
                }
            }
        }
        Map<Integer, Integer> groupOfRoot = new HashMap<>();
        List<List<Integer>> members = new ArrayList<>();
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            count[find(parent, i)]++;
        }
        int[] group = new int[n];
        for (int i = 0; i < n; i++) { // in order, so each group's members are newest first
            int root = find(parent, i);
            if (count[root] < 2) {
                group[i] = -1;
                continue;
            }
            Integer g = groupOfRoot.get(root);
            if (g == null) {
                g = members.size();
                groupOfRoot.put(root, g);
                members.add(new ArrayList<>());
            }
            members.get(g).add(i);
            group[i] = g;
        }
        return Versions.of(group, members.stream().map(List::copyOf).toList());
    }

    /** A signature as a map key: equal when every hash is. */
    private record Signature(int[] hashes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Signature other && Arrays.equals(hashes, other.hashes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hashes);
        }

        @Override
        public String toString() {
            return Arrays.toString(hashes);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
