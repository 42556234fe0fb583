package io.dragoman.core.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes what the index's filters look at into {@code data/rows-N.js}, {@value SiteWriter#ROW_SHARD} articles a file,
 * newest first: one array per article with its id, day, date, source, section, headline, first sentence, topics,
 * people, organisations, places (each entity's name on the site and the spellings this article used), status, number
 * of versions and the id of its story's newest version (its own when it is the newest or stands alone): the script
 * shows a story by the newest version's row whichever of its versions a filter or search finds.
 */
final class RowShards {

    private RowShards() {}

    /** Writes the shards; returns how many. */
    static int write(Path dir, List<SiteEntry> entries, Entities entities, Versions versions, Consumer<Path> written) {
        int shards = 0;
        for (int from = 0; from < entries.size() || (from == 0 && shards == 0); from += SiteWriter.ROW_SHARD) {
            Path file = dir.resolve("rows-" + shards + ".js");
            int start = from;
            int number = shards;
            ScriptData.write(file, "rows", number, g -> {
                for (int i = start; i < Math.min(entries.size(), start + SiteWriter.ROW_SHARD); i++) {
                    row(
                            g,
                            entries.get(i),
                            entities,
                            versions.count(i),
                            entries.get(versions.newest(i)).id());
                }
            });
            written.accept(file);
            shards++;
            if (entries.isEmpty()) {
                break;
            }
        }
        return shards;
    }

    private static void row(JsonGenerator g, SiteEntry e, Entities entities, int versions, String story)
            throws IOException {
        g.writeStartArray();
        g.writeString(e.id());
        g.writeString(e.day());
        g.writeString(e.date());
        g.writeString(e.source());
        g.writeString(e.section());
        g.writeString(e.headline());
        g.writeString(e.lede());
        for (EntityKind kind :
                List.of(EntityKind.TOPIC, EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE)) {
            Set<String> names = new LinkedHashSet<>();
            for (String name : e.names(kind)) {
                if (entities.knows(kind, name)) {
                    names.add(entities.of(kind, name).label());
                    names.addAll(entities.of(kind, name).variants()); // a filter finds every spelling
                }
            }
            g.writeStartArray();
            for (String n : names) {
                g.writeString(n);
            }
            g.writeEndArray();
        }
        g.writeString(e.status());
        g.writeNumber(versions);
        g.writeString(story);
        g.writeEndArray();
    }
}
