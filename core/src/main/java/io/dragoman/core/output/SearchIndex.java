package io.dragoman.core.output;

import io.dragoman.core.store.StoredArticle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The site's search index, built at render time: for every term ({@link SearchTerms}, Lunr's own) the positions of the
 * articles that hold it on the index's list, newest first, in their English (title and paragraphs), their summary
 * (headline, summary, key points, names) or their original text. It is written in term shards, {@code
 * data/terms-N.js}, a term in shard {@code floorMod(term.hashCode(), shards)} (the page's script computes the same
 * hash), so a search loads one small file per word whatever the size of the site, instead of every article's text to
 * index it in the browser. A shard is one script call, {@code DRAGOMAN.terms(n, [[term, [gaps…]], …])}, each term's
 * positions ascending as the gaps between them (the first from -1).
 */
final class SearchIndex {

    /** About how many positions one term shard holds: a shard stays near a hundred kilobytes. */
    static final int POSTINGS_PER_SHARD = 40_000;
    /** The most term shards a site has. */
    static final int MAX_SHARDS = 4096;

    /** Words stemmed a moment ago: most words of a corpus come again, and the stemmer is the slow part. */
    static final int STEMS_KEPT = 200_000;

    private final Map<String, Postings> terms = new HashMap<>();
    private final Map<String, String> stems = new HashMap<>();
    private long postings;

    /** Adds the terms of the article at this position of the index's list. */
    void add(StoredArticle row, SiteEntry entry, int position) {
        Set<String> distinct = new HashSet<>();
        for (String token : SearchTerms.tokens(text(row, entry))) {
            String term = stems.get(token);
            if (term == null) {
                if (stems.size() == STEMS_KEPT) {
                    stems.clear();
                }
                term = SearchTerms.stem(token);
                stems.put(token, term);
            }
            if (distinct.add(term)) {
                terms.computeIfAbsent(term, t -> new Postings()).add(position);
                postings++;
            }
        }
    }

    /** What a search looks at of an article, its three fields one after the other. */
    static String text(StoredArticle row, SiteEntry entry) {
        StringBuilder text = new StringBuilder(entry.headline());
        row.translation().ifPresent(t -> {
            text.append('\n').append(t.title());
            t.paragraphs().forEach(p -> text.append('\n').append(p));
        });
        row.summary().map(s -> s.fields()).ifPresent(s -> {
            text.append('\n').append(s.summary());
            s.keyPoints().forEach(k -> text.append('\n').append(k));
            s.people()
                    .forEach(p -> text.append('\n').append(p.name()).append(' ').append(p.role()));
            s.organizations()
                    .forEach(o -> text.append('\n').append(o.name()).append(' ').append(o.abbreviation()));
            s.locations().forEach(l -> text.append('\n').append(l));
            s.topics().forEach(t -> text.append('\n').append(t));
            s.quotes().forEach(q -> text.append('\n').append(q.text()));
        });
        row.cleaned().ifPresent(c -> {
            text.append('\n').append(c.title());
            c.paragraphs().forEach(p -> text.append('\n').append(p));
        });
        return text.toString();
    }

    /** How many term shards a site of this many positions gets. */
    static int shardsFor(long postings) {
        return (int) Math.max(1, Math.min(MAX_SHARDS, (postings + POSTINGS_PER_SHARD - 1) / POSTINGS_PER_SHARD));
    }

    /** The shard a term is in. */
    static int shardOf(String term, int shards) {
        return Math.floorMod(term.hashCode(), shards);
    }

    /** Writes the term shards into {@code dir}; returns how many. */
    int write(Path dir, Consumer<Path> written) {
        int shards = shardsFor(postings);
        List<List<String>> byShard = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            byShard.add(new ArrayList<>());
        }
        terms.keySet().forEach(t -> byShard.get(shardOf(t, shards)).add(t));
        for (int n = 0; n < shards; n++) {
            List<String> names = byShard.get(n);
            names.sort(null);
            Path file = dir.resolve("terms-" + n + ".js");
            ScriptData.write(file, "terms", n, g -> {
                for (String term : names) {
                    g.writeStartArray();
                    g.writeString(term);
                    int[] positions = terms.get(term).sorted();
                    g.writeStartArray();
                    int last = -1;
                    for (int p : positions) {
                        g.writeNumber(p - last);
                        last = p;
                    }
                    g.writeEndArray();
                    g.writeEndArray();
                }
            });
            written.accept(file);
        }
        return shards;
    }

    /** The positions of one term, a growing array. */
    private static final class Postings {
        private int[] positions = new int[2];
        private int size;

        void add(int position) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
            }
            positions[size++] = position;
        }

        int[] sorted() {
            int[] out = Arrays.copyOf(positions, size);
            Arrays.sort(out);
            return out;
        }
    }
}
