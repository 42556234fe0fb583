package io.dragoman.core.output;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredArticle;
import io.dragoman.core.summary.ArticleSummary;
import io.dragoman.core.translate.Translation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the run's tables for spreadsheets and pandas into the run directory, UTF-8 with a header, with Jackson's CSV
 * module: {@code articles.csv} (one row per article) and {@code people.csv}, {@code organizations.csv}, {@code
 * places.csv}, {@code topics.csv}, {@code quotes.csv} (one row per mention, with the article's id, date and source).
 * A person's, organisation's or place's row also names its {@code entity}: the name of the site's page for the entity
 * that spelling belongs to ("Sergei Lavrov" for "Sergej Lawrow"), so that a spreadsheet can pivot by entity. The store
 * is read once, row by row; those three tables' rows are held until every name is seen, since only then is it known
 * which names are one entity. Each file is written beside its target and renamed into place.
 */
public final class CsvTables {

    /** The files and their columns. */
    static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put(
                "articles.csv",
                List.of(
                        "id",
                        "published",
                        "source",
                        "section",
                        "language",
                        "status",
                        "headline",
                        "summary",
                        "topics",
                        "people",
                        "organizations",
                        "places",
                        "title",
                        "title_english",
                        "url"));
        TABLES.put("people.csv", List.of("article_id", "published", "source", "name", "role", "entity"));
        TABLES.put("organizations.csv", List.of("article_id", "published", "source", "name", "abbreviation", "entity"));
        TABLES.put("places.csv", List.of("article_id", "published", "source", "name", "entity"));
        TABLES.put("topics.csv", List.of("article_id", "published", "source", "topic"));
        TABLES.put("quotes.csv", List.of("article_id", "published", "source", "speaker", "text", "paragraph"));
    }

    /** The tables whose rows name an entity, and the kind of the name. */
    private static final Map<String, EntityKind> ENTITY_TABLES = Map.of(
            "people.csv", EntityKind.PERSON,
            "organizations.csv", EntityKind.ORGANIZATION,
            "places.csv", EntityKind.PLACE);

    /** A row waiting for its entity: the table, the cells before the entity column, and the name it gives. */
    private record Mention(String table, String[] cells, String name) {}

    private final Path dir;
    private final CsvMapper csv = new CsvMapper();

    /** Writes into this directory. */
    public CsvTables(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes every table from the store.
     *
     * @return the files written
     * @throws UncheckedIOException naming the file that could not be written; the previous files stay as they were
     */
    public List<Path> write(RunStore store) {
        Map<String, Path> temporary = new LinkedHashMap<>();
        Map<String, Writer> writers = new LinkedHashMap<>();
        Map<String, SequenceWriter> tables = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, List<String>> t : TABLES.entrySet()) {
                Path tmp = Files.createTempFile(dir, "." + t.getKey() + ".", ".tmp");
                temporary.put(t.getKey(), tmp);
                Writer w = Files.newBufferedWriter(tmp, java.nio.charset.StandardCharsets.UTF_8);
                writers.put(t.getKey(), w);
                CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
                t.getValue().forEach(schema::addColumn);
                tables.put(
                        t.getKey(),
                        csv.writerFor(String[].class).with(schema.build()).writeValues(w));
            }
            Map<EntityKind, NameGroups> groups = new EnumMap<>(EntityKind.class);
            ENTITY_TABLES.values().forEach(kind -> groups.put(kind, new NameGroups(kind)));
            List<Mention> mentions = new ArrayList<>();
            for (Iterator<StoredArticle> it = store.articles().allById().iterator(); it.hasNext(); ) {
                rows(it.next(), tables, groups, mentions);
            }
            groups.values().forEach(NameGroups::resolve);
            for (Mention m : mentions) {
                NameGroups names = groups.get(ENTITY_TABLES.get(m.table()));
                String[] cells = Arrays.copyOf(m.cells(), m.cells().length + 1);
                cells[cells.length - 1] =
                        names.knows(m.name()) ? names.of(m.name()).label() : "";
                put(tables.get(m.table()), cells);
            }
            for (SequenceWriter t : tables.values()) {
                t.close();
            }
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, Path> t : temporary.entrySet()) {
                Path target = dir.resolve(t.getKey());
                try {
                    Files.move(
                            t.getValue(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                    Files.move(t.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
                }
                files.add(target);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the CSV tables in " + dir + ": " + e.getMessage(), e);
        } finally {
            for (Writer w : writers.values()) {
                try {
                    w.close();
                } catch (IOException ignored) {
                    // already reported by the write that failed
                }
            }
            for (Path tmp : temporary.values()) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temporary file is removed by the next run's prepare
                }
            }
        }
    }

    /**
     * Writes an article's rows, but holds those naming a person, organisation or place in {@code mentions}, adding
     * their names to {@code groups} as the site does.
     */
    private static void rows(
            StoredArticle row,
            Map<String, SequenceWriter> tables,
            Map<EntityKind, NameGroups> groups,
            List<Mention> mentions)
            throws IOException {
        Optional<CleanedArticle> cleaned = row.cleaned();
        Optional<ArticleSummary> s = row.summary().map(x -> x.fields());
        SiteEntry e = SiteEntry.of(row);
        String id = e.id();
        String published = e.published() == null ? "" : e.published().toString();
        String source = e.source();
        put(tables.get("articles.csv"), new String[] {
            id,
            published,
            source,
            e.section(),
            cleaned.map(c -> c.metadata().language()).orElse(""),
            e.status(),
            s.map(ArticleSummary::headline).orElse(""),
            s.map(ArticleSummary::summary).orElse(""),
            String.join("; ", e.topics()),
            String.join("; ", e.names(EntityKind.PERSON)),
            String.join("; ", e.names(EntityKind.ORGANIZATION)),
            String.join("; ", e.places()),
            cleaned.map(CleanedArticle::title).orElse(""),
            row.translation().map(Translation::title).orElse(""),
            cleaned.map(c -> c.metadata().url()).orElse("")
        });
        if (s.isEmpty()) {
            return;
        }
        for (ArticleSummary.Person p : s.get().people()) {
            groups.get(EntityKind.PERSON).add(p.name(), "");
            mentions.add(new Mention("people.csv", new String[] {id, published, source, p.name(), p.role()}, p.name()));
        }
        for (ArticleSummary.Organization o : s.get().organizations()) {
            groups.get(EntityKind.ORGANIZATION).add(o.name(), o.abbreviation());
            mentions.add(new Mention(
                    "organizations.csv", new String[] {id, published, source, o.name(), o.abbreviation()}, o.name()));
        }
        for (String place : s.get().locations()) {
            groups.get(EntityKind.PLACE).add(place, "");
            mentions.add(new Mention("places.csv", new String[] {id, published, source, place}, place));
        }
        for (String topic : s.get().topics()) {
            put(tables.get("topics.csv"), new String[] {id, published, source, topic});
        }
        List<String> english = row.translation().map(Translation::paragraphs).orElse(List.of());
        for (ArticleSummary.Quote q : s.get().quotes()) {
            int paragraph = ArticlePages.paragraphOf(q.text(), english);
            put(tables.get("quotes.csv"), new String[] {
                id, published, source, q.speaker(), q.text(), paragraph == 0 ? "" : String.valueOf(paragraph)
            });
        }
    }

    /**
     * Writes a row with every cell that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -},
     * {@code @}, tab or carriage return first) prefixed with an apostrophe, so opening a table never runs a formula a
     * page or a model wrote.
     */
    private static void put(SequenceWriter table, String[] cells) throws IOException {
        String[] safe = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = guarded(cells[i]);
        }
        table.write(safe);
    }

    /** The cell as a spreadsheet shows it as text: {@code '=cmd} for {@code =cmd}; other cells unchanged. */
    static String guarded(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell
                : cell;
    }
}
