package io.dragoman.core.output;

import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The short facts of every article of a store, newest first, with the entities they name and the versions of one
 * report among them: what the reader site's lists and the digest are made from. Reads the store once, row by row,
 * keeping no article body.
 *
 * @param entries every article, newest first (undated ones last)
 * @param entities the people, organisations, places and topics they name
 * @param versions which of them are versions of the same report
 */
record SiteIndex(List<SiteEntry> entries, Entities entities, Versions versions) {

    static SiteIndex read(RunStore store) {
        List<SiteEntry> entries = new ArrayList<>();
        NearDuplicates duplicates = new NearDuplicates();
        Map<String, int[]> signatures = new HashMap<>();
        for (Iterator<StoredArticle> it = store.articles().allById().iterator(); it.hasNext(); ) {
            StoredArticle row = it.next();
            entries.add(SiteEntry.of(row));
            row.cleaned()
                    .map(c -> duplicates.signature(String.join("\n", c.paragraphs())))
                    .ifPresent(sig -> signatures.put(row.id().value(), sig));
        }
        entries.sort(Comparator.comparing((SiteEntry e) ->
                        e.published() == null ? Instant.MIN : e.published().toInstant())
                .reversed()
                .thenComparing(SiteEntry::id));
        Versions versions = duplicates.group(
                entries.stream().map(e -> signatures.get(e.id())).toList());
        return new SiteIndex(entries, new Entities(entries), versions);
    }
}
