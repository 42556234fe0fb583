package io.dragoman.core.output;

import io.dragoman.core.store.StoredArticle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the search text of every article into {@code data/search-N.js}, {@value SiteWriter#SEARCH_SHARD} articles a
 * file, as scripts (so that a page opened from disk can load them: browsers refuse to fetch files there). The page's
 * script builds a Lunr index of a shard when a search first needs it. Each article gives three fields: its English
 * (title and paragraphs), its summary (headline, summary, key points, names) and its original text.
 */
final class SearchShards {

    private final Path dir;
    private final Consumer<Path> written;
    private final List<String[]> docs = new ArrayList<>();
    private int shards;

    SearchShards(Path dir, Consumer<Path> written) {
        this.dir = dir;
        this.written = written;
    }

    /** Adds an article's text; writes a shard when one is full. */
    void add(StoredArticle row, SiteEntry entry) {
        StringBuilder english = new StringBuilder(entry.headline());
        row.translation().ifPresent(t -> {
            english.append('\n').append(t.title());
            t.paragraphs().forEach(p -> english.append('\n').append(p));
        });
        StringBuilder summary = new StringBuilder();
        row.summary().map(s -> s.fields()).ifPresent(s -> {
            summary.append(s.summary());
            s.keyPoints().forEach(k -> summary.append('\n').append(k));
            s.people()
                    .forEach(p ->
                            summary.append('\n').append(p.name()).append(' ').append(p.role()));
            s.organizations()
                    .forEach(o ->
                            summary.append('\n').append(o.name()).append(' ').append(o.abbreviation()));
            s.locations().forEach(l -> summary.append('\n').append(l));
            s.topics().forEach(t -> summary.append('\n').append(t));
            s.quotes().forEach(q -> summary.append('\n').append(q.text()));
        });
        StringBuilder original = new StringBuilder();
        row.cleaned().ifPresent(c -> {
            original.append(c.title());
            c.paragraphs().forEach(p -> original.append('\n').append(p));
        });
        docs.add(new String[] {entry.id(), english.toString(), summary.toString(), original.toString()});
        if (docs.size() == SiteWriter.SEARCH_SHARD) {
            flush();
        }
    }

    /** Writes the last shard. */
    void finish() {
        if (!docs.isEmpty()) {
            flush();
        }
    }

    /** How many shards were written. */
    int shards() {
        return shards;
    }

    private void flush() {
        Path file = dir.resolve("search-" + shards + ".js");
        int number = shards;
        ScriptData.write(file, "search", number, g -> {
            for (String[] d : docs) {
                g.writeStartObject();
                g.writeStringField("i", d[0]);
                g.writeStringField("e", d[1]);
                g.writeStringField("s", d[2]);
                g.writeStringField("o", d[3]);
                g.writeEndObject();
            }
        });
        written.accept(file);
        docs.clear();
        shards++;
    }
}
