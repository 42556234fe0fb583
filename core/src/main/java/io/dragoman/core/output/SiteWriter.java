package io.dragoman.core.output;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import io.dragoman.core.output.SiteViews.Counted;
import io.dragoman.core.output.SiteViews.DigestPage;
import io.dragoman.core.output.SiteViews.EntitiesPage;
import io.dragoman.core.output.SiteViews.EntityPage;
import io.dragoman.core.output.SiteViews.IndexPage;
import io.dragoman.core.output.SiteViews.Link;
import io.dragoman.core.output.SiteViews.Row;
import io.dragoman.core.output.SiteViews.Version;
import io.dragoman.core.pipeline.AtomicFiles;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Renders the reader site from a run store into a folder ({@code DIR/site/}): an index of every story, newest first,
 * in pages (one row per story, its newest version's, listing the other versions), with filters and a search in both languages; one page per article with the source and English
 * side by side; one page per person, organisation, place and topic. The pages come from precompiled jte templates
 * that escape every text for where it goes; a Content-Security-Policy forbids inline scripts and every remote source,
 * so the site opens from disk with no network. The store is read twice, row by row: first for the short facts every
 * list needs, then for each article's page and search text, so a site of 100,000 articles renders in little memory.
 */
public final class SiteWriter {

    /** Rows on one index page. */
    static final int PAGE_SIZE = 50;
    /** Articles in one filter shard ({@code data/rows-N.js}). */
    static final int ROW_SHARD = 2000;
    /** Other versions listed on an article page, the newest; the index's badge counts them all. */
    static final int VERSIONS_LISTED = 20;
    /** Articles listed on an entity page; the rest are found through the index's filter. */
    static final int ENTITY_ARTICLES = 200;

    private static final String LUNR = "META-INF/resources/webjars/lunr/2.3.9/lunr.min.js";
    private static final List<String> ASSETS = List.of("site.css", "site.js");

    private final Path dir;
    private final Path digestFile;
    private final int threads;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(
            null, ContentType.Html, SiteWriter.class.getClassLoader(), "io.dragoman.core.output.templates");

    /** What a render wrote. */
    public record Result(Path index, int articles, int files, Duration took) {}

    /**
     * Writes into this folder, creating it when needed; the digest page follows {@code digest.json} beside it when
     * {@code dragoman digest} wrote one, else it is weekly over every article.
     */
    public SiteWriter(Path dir) {
        this(dir, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Writes into this folder, rendering its pages on this many threads. */
    SiteWriter(Path dir, int threads) {
        this.dir = dir;
        this.digestFile = dir.toAbsolutePath().resolveSibling("digest.json");
        this.threads = threads;
    }

    /**
     * Renders the site of everything the store holds; files of articles or names the store no longer has are
     * removed.
     *
     * @throws UncheckedIOException naming the file that could not be written
     */
    public Result write(RunStore store) {
        return write(store, SiteIndex.read(store));
    }

    /** Renders the site from an index read from this store a moment ago. */
    Result write(RunStore store, SiteIndex index) {
        Instant start = Instant.now();
        List<SiteEntry> entries = index.entries();
        Entities entities = index.entities();
        Versions versions = index.versions();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            position.put(entries.get(i).id(), i);
        }
        SiteFiles written = new SiteFiles(dir);

        ArticlePages pages = new ArticlePages(entities);
        SearchIndex search = new SearchIndex();
        Map<String, int[]> neighbours = neighbours(entries);
        try (PageWriters writers = new PageWriters(threads)) {
            writeArticles(store, index, position, neighbours, pages, search, written, writers);
            int termShards = search.write(dir.resolve("data"), written::add);
            int rowShards = RowShards.write(dir.resolve("data"), entries, entities, versions, written::add);
            writeIndex(entries, versions, rowShards, termShards, written, writers);
            for (EntityKind kind : EntityKind.values()) {
                writeEntities(kind, entries, entities, versions, written, writers);
            }
        }
        DigestFile.Saved saved = DigestFile.read(digestFile);
        Digest digest = saved.apply(Digests.build(entries, entities, versions, saved.options()));
        written.write("digest.html", render("digest.jte", new DigestPage(digest, DigestMarkdown.scope(digest))));
        copyAssets(written);
        int files = written.removeOthers();
        return new Result(dir.resolve("index.html"), entries.size(), files, Duration.between(start, Instant.now()));
    }

    /** The second pass over the store: each article's page, and its words into the search index. */
    private void writeArticles(
            RunStore store,
            SiteIndex index,
            Map<String, Integer> position,
            Map<String, int[]> neighbours,
            ArticlePages pages,
            SearchIndex search,
            SiteFiles written,
            PageWriters writers) {
        List<SiteEntry> entries = index.entries();
        Versions versions = index.versions();
        for (Iterator<StoredArticle> it = store.articles().allById().iterator(); it.hasNext(); ) {
            StoredArticle row = it.next();
            Integer at = position.get(row.id().value());
            if (at == null) {
                continue; // written after the first pass: the next render shows it
            }
            SiteEntry entry = entries.get(at);
            int[] around = neighbours.get(entry.id());
            var page = pages.page(
                    row,
                    entry,
                    around[0] < 0 ? Optional.empty() : Optional.of(articleLink(entries.get(around[0]), "../article/")),
                    around[1] < 0 ? Optional.empty() : Optional.of(articleLink(entries.get(around[1]), "../article/")),
                    versions.of(at).stream()
                            .limit(VERSIONS_LISTED)
                            .map(v -> articleLink(entries.get(v), "../article/"))
                            .toList());
            writers.submit(() -> written.write("article/" + entry.id() + ".html", render("article.jte", page)));
            search.add(row, entry, at);
        }
    }

    private void writeIndex(
            List<SiteEntry> entries,
            Versions versions,
            int rowShards,
            int termShards,
            SiteFiles out,
            PageWriters writers) {
        List<Versions.Story> stories = versions.stories();
        int pages = Math.max(1, (stories.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<String> sources = new ArrayList<>(new TreeSet<>(entries.stream()
                .map(SiteEntry::source)
                .filter(s -> !s.isEmpty())
                .toList()));
        List<String> sections = new ArrayList<>(new TreeSet<>(entries.stream()
                .map(SiteEntry::section)
                .filter(s -> !s.isEmpty())
                .toList()));
        for (int p = 1; p <= pages; p++) {
            List<Row> rows = new ArrayList<>();
            for (Versions.Story story : stories.subList((p - 1) * PAGE_SIZE, Math.min(stories.size(), p * PAGE_SIZE))) {
                rows.add(storyRow(entries, story));
            }
            IndexPage page = new IndexPage(
                    "Articles",
                    rows,
                    p,
                    pages,
                    entries.size(),
                    stories.size(),
                    p == 1 ? Optional.empty() : Optional.of(indexFile(p - 1)),
                    p == pages ? Optional.empty() : Optional.of(indexFile(p + 1)),
                    sources,
                    sections,
                    rowShards,
                    termShards);
            String file = indexFile(p);
            writers.submit(() -> out.write(file, render("index.jte", page)));
        }
    }

    /** The index's row of a story: its newest version's, listing the others. */
    static Row storyRow(List<SiteEntry> entries, Versions.Story story) {
        List<Version> others = story.others().stream()
                .limit(VERSIONS_LISTED)
                .map(entries::get)
                .map(e -> new Version("article/" + e.id() + ".html", e.date(), e.source(), e.headline()))
                .toList();
        return row(entries.get(story.newest()), story.versions(), others);
    }

    static String indexFile(int page) {
        return page == 1 ? "index.html" : "page-" + page + ".html";
    }

    private void writeEntities(
            EntityKind kind,
            List<SiteEntry> entries,
            Entities entities,
            Versions versions,
            SiteFiles out,
            PageWriters writers) {
        List<Counted> list = new ArrayList<>();
        for (Entities.Stats s : entities.all(kind)) {
            list.add(new Counted(s.entity.href(""), s.entity.label(), s.positions.size()));
            List<Row> rows = s.positions.stream()
                    .limit(ENTITY_ARTICLES)
                    .map(i -> row(entries.get(i), versions.count(i), List.of()))
                    .toList();
            EntityPage page = new EntityPage(
                    kind,
                    s.entity.label(),
                    s.entity.variants(),
                    entities.why(kind),
                    s.positions.size(),
                    Entities.chart(s.positions.stream()
                            .map(i -> entries.get(i).published())
                            .map(t -> t == null ? null : t.toLocalDate())
                            .toList()),
                    Entities.roles(s, 10),
                    Entities.together(s, 15),
                    rows,
                    Math.max(0, s.positions.size() - ENTITY_ARTICLES),
                    "../index.html?" + kind.folder() + "="
                            + URLEncoder.encode(s.entity.label(), StandardCharsets.UTF_8));
            String file = s.entity.href("");
            writers.submit(() -> out.write(file, render("entity.jte", page)));
        }
        out.write(listFile(kind), render("entities.jte", new EntitiesPage(kind, list)));
    }

    static String listFile(EntityKind kind) {
        return switch (kind) {
            case PERSON -> "people.html";
            case ORGANIZATION -> "organizations.html";
            case PLACE -> "places.html";
            case TOPIC -> "topics.html";
        };
    }

    /** A row of a list, its links relative to the site root. */
    static Row row(SiteEntry e, int versions, List<Version> others) {
        return new Row(
                e.id(),
                "article/" + e.id() + ".html",
                e.date(),
                e.source(),
                e.section(),
                e.headline(),
                e.lede(),
                e.topics().stream()
                        .distinct()
                        .map(t -> new Link(
                                "index.html?topic=" + URLEncoder.encode(t.strip(), StandardCharsets.UTF_8), t.strip()))
                        .toList(),
                e.status(),
                versions,
                others);
    }

    private static Link articleLink(SiteEntry e, String folder) {
        String label = e.headline().length() > 80 ? e.headline().substring(0, 79) + "…" : e.headline();
        return new Link(folder + e.id() + ".html", label);
    }

    /** For each article, the positions of the previous and next article of its source by time, -1 when none. */
    private static Map<String, int[]> neighbours(List<SiteEntry> newestFirst) {
        Map<String, int[]> around = new HashMap<>();
        Map<String, Integer> newer = new HashMap<>(); // source → the position seen last (newer)
        for (int i = 0; i < newestFirst.size(); i++) {
            SiteEntry e = newestFirst.get(i);
            int[] pair = {-1, -1};
            Integer n = newer.put(e.source(), i);
            if (n != null) {
                pair[1] = n;
                around.get(newestFirst.get(n).id())[0] = i;
            }
            around.put(e.id(), pair);
        }
        return around;
    }

    /**
     * A page as the content of its file, rendered straight into the file's writer: the digest page of a large run
     * is tens of megabytes, too much to hold as a string.
     */
    private AtomicFiles.Content render(String template, Object page) {
        return w -> templates.render(template, page, new WriterOutput(w));
    }

    private void copyAssets(SiteFiles out) {
        for (String asset : ASSETS) {
            out.write(
                    "assets/" + asset,
                    resource("assets/" + asset, SiteWriter.class.getResourceAsStream("assets/" + asset)));
        }
        out.write(
                "assets/lunr.min.js",
                resource(LUNR, SiteWriter.class.getClassLoader().getResourceAsStream(LUNR)));
    }

    private static String resource(String name, InputStream in) {
        if (in == null) {
            throw new IllegalStateException("The site asset " + name + " is missing from the class path");
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the site asset " + name, e);
        }
    }

    /** The files of one render: written atomically, and every other file of the site folder removed at the end. */
    static final class SiteFiles {
        private final Path dir;
        private final Set<Path> written = ConcurrentHashMap.newKeySet(); // pages are written on several threads

        SiteFiles(Path dir) {
            this.dir = dir;
        }

        void write(String relative, String text) {
            write(relative, w -> w.write(text));
        }

        void write(String relative, AtomicFiles.Content content) {
            Path file = dir.resolve(relative).normalize();
            if (!file.startsWith(dir.normalize())) {
                throw new IllegalStateException("Site file " + relative + " would be written outside " + dir);
            }
            try {
                AtomicFiles.write(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
            }
            add(file);
        }

        void add(Path file) {
            written.add(file.toAbsolutePath().normalize());
        }

        /**
         * Removes what this render did not write, except the temporary files of another process writing the same site
         * at the same time (a run's last render while {@code dragoman serve} renders); a dead process's leftovers go.
         * Returns how many files it wrote.
         */
        int removeOthers() {
            try (Stream<Path> all = java.nio.file.Files.walk(dir)) {
                for (Path f : all.toList()) {
                    if (java.nio.file.Files.isDirectory(f)) {
                        AtomicFiles.removeLeftovers(f);
                    } else if (!written.contains(f.toAbsolutePath().normalize()) && !temporary(f)) {
                        java.nio.file.Files.deleteIfExists(f);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove old files from " + dir + ": " + e.getMessage(), e);
            }
            return written.size();
        }

        private static boolean temporary(Path file) {
            String name = file.getFileName().toString();
            return name.startsWith(".") && name.endsWith(".tmp");
        }
    }
}
