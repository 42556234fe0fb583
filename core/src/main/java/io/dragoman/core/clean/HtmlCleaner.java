package io.dragoman.core.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.lang.LanguageDetector;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Cleans HTML pages with Jsoup: {@link ContentExtractor} scores the page's blocks by text, commas and link density,
 * weighs class and id hints in several languages, picks the best container with the siblings that belong to it, and
 * returns its paragraphs, headings and list items in order without captions, share bars and read-also boxes. When the
 * page's JSON-LD {@code articleBody} holds much more text than the DOM body, it is used instead. Metadata comes from
 * {@code <meta>}, Open Graph, JSON-LD and {@code <time>}.
 */
public final class HtmlCleaner implements Cleaner {
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+(?:::|[|–—·:»-])\\s+");
    /** The JSON-LD articleBody replaces the DOM body when the DOM body has less than this share of its length. */
    private static final double LD_PREFERRED_SHARE = 0.5;
    /** The headline is looked for among this many blocks at the top of the body. */
    private static final int HEADLINE_SEARCH_BLOCKS = 4;
    /** How many elements with text a visible date line is looked for in, from the top of the page. */
    private static final int MAX_DATE_LINE_CANDIDATES = 300;
    /** How long an element's text must be to be taken as the start of the body's first paragraph. */
    private static final int MIN_BODY_PREFIX = 20;
    /** Lines above the headline longer than this are body text, not a kicker. */
    private static final int MAX_KICKER_WORDS = 8;

    private final ArticleAssembly assembly;
    private final ContentExtractor extractor;
    private final ObjectMapper json = new ObjectMapper();
    private final long maxBytes;

    /**
     * Creates a cleaner.
     *
     * @param profiles the source profiles to consult
     * @param languages the language detector for the body
     * @param maxBytes inputs larger than this are rejected
     */
    public HtmlCleaner(BoilerplateProfiles profiles, LanguageDetector languages, long maxBytes) {
        this.assembly = new ArticleAssembly(
                Objects.requireNonNull(profiles, "profiles"), Objects.requireNonNull(languages, "languages"));
        this.extractor = new ContentExtractor(new BoilerplatePhrases(profiles.generic()));
        this.maxBytes = maxBytes;
    }

    @Override
    public CleanedArticle clean(RawArticle raw) {
        Decoding.Decoded decoded = Decoding.decode(raw, maxBytes);
        return ArticleAssembly.asInput(
                cleanHtml(raw.id(), ArticleAssembly.place(raw), decoded.text(), decoded.warnings()), raw);
    }

    /**
     * Cleans an HTML page that is already decoded.
     *
     * @throws CleaningException when the page has no article text
     */
    public CleanedArticle cleanHtml(ArticleId id, String location, String html, List<String> warnings) {
        String base = location.contains("://") ? location : "";
        Document doc = Jsoup.parse(html, base, Parser.htmlParser().setMaxDepth(512));
        PageIndex index = PageIndex.of(doc);
        List<JsonNode> ld = jsonLd(index);
        Optional<JsonNode> article = ld.stream().filter(HtmlCleaner::isArticle).findFirst();

        String siteName = firstNonBlank(index.meta("og:site_name"), index.meta("application-name"));
        String title = title(doc, index, article, siteName);
        PageFacts facts = facts(doc, index, article, siteName);

        String lead = firstNonBlank(index.meta("og:description"), index.meta("description"));
        List<String> blocks = new ArrayList<>(extractor.extract(doc.body(), lead));
        title = withoutSitePrefix(title, blocks);
        List<String> paragraphs = body(blocks, index, title, article);
        if (paragraphs.isEmpty()) {
            throw new CleaningException(CleaningException.Reason.NO_BODY, "no article body found in the HTML page");
        }
        if (facts.published() == null) {
            facts = withVisibleDate(doc, facts, paragraphs.get(0));
        }
        return assembly.assemble(id, location, title, paragraphs, facts, Optional.empty(), paragraphs, warnings);
    }

    /**
     * Without a machine-readable date, takes the publication time from a visible date line above the body ({@code
     * <div class="date">24. Juni 2024, 16:28</div>}): an element whose own text is a date with a time of day and
     * nothing else. A zone named in the line places it; otherwise the source's zone does, when the source is known.
     * Dates below the body's first paragraph belong to comments and teasers and are not read.
     */
    static PageFacts withVisibleDate(Document doc, PageFacts facts, String firstParagraph) {
        int seen = 0;
        for (Element e : doc.body().getAllElements()) {
            String own = e.ownText().strip();
            if (own.isEmpty()) {
                continue;
            }
            if (++seen > MAX_DATE_LINE_CANDIDATES
                    || (own.length() >= MIN_BODY_PREFIX && firstParagraph.startsWith(own))) {
                break;
            }
            Optional<DateParser.LineDate> date = DateParser.parseLine(own);
            if (date.isEmpty() || date.get().time() == null) {
                continue;
            }
            DateParser.LineDate d = date.get();
            OffsetDateTime published =
                    d.zone() == null ? null : d.dateTime().atZone(d.zone()).toOffsetDateTime();
            return new PageFacts(
                    published,
                    published == null ? d.dateTime() : null,
                    published == null ? own : null,
                    facts.modified(),
                    facts.section(),
                    facts.capturedAt(),
                    facts.siteName(),
                    facts.url(),
                    facts.authors(),
                    facts.declaredLanguage());
        }
        return facts;
    }

    /**
     * Removes a site name in front of the title ("Valley Gazette :: Mill closure…") when the rest of the title is the
     * headline that opens the body; a prefix alone cannot be told from a topic ("Hochwasser: Pegel sinkt").
     */
    static String withoutSitePrefix(String title, List<String> blocks) {
        int n = Math.min(blocks.size(), HEADLINE_SEARCH_BLOCKS);
        if (blocks.subList(0, n).contains(title)) {
            return title;
        }
        Matcher m = TITLE_SEPARATOR.matcher(title);
        while (m.find()) {
            String rest = title.substring(m.end()).strip();
            if (!rest.isEmpty() && blocks.subList(0, n).contains(rest)) {
                return rest;
            }
        }
        return title;
    }

    private List<String> body(List<String> out, PageIndex index, String title, Optional<JsonNode> article) {
        if (!dropHeadline(out, title)) {
            // the title may come from og:title or JSON-LD and read differently from the headline on the page
            String h1 = index.h1();
            if (h1 != null) {
                dropHeadline(out, h1.strip());
            }
        }
        String fromLd = article.map(a -> a.path("articleBody").asText("")).orElse("");
        if (!fromLd.isBlank()) {
            int domChars = 0;
            for (String p : out) {
                domChars += p.length();
            }
            // the DOM body is poor when structured data holds much more text than it: take the structured text
            if (domChars < fromLd.strip().length() * LD_PREFERRED_SHARE) {
                return TextCleaner.nonBlankLines(Parser.unescapeEntities(fromLd, false));
            }
        }
        return out;
    }

    /**
     * Removes the headline when it opens the body, with the short lines above it (kicker, section name): the body
     * starts after the headline. Returns whether it found the headline.
     */
    static boolean dropHeadline(List<String> blocks, String title) {
        if (title.isEmpty()) {
            return false;
        }
        for (int i = 0; i < Math.min(blocks.size(), HEADLINE_SEARCH_BLOCKS); i++) {
            if (blocks.get(i).equals(title)) {
                blocks.subList(0, i + 1).clear();
                return true;
            }
            if (TextCleaner.words(blocks.get(i)) > MAX_KICKER_WORDS) {
                return false;
            }
        }
        return false;
    }

    private String title(Document doc, PageIndex index, Optional<JsonNode> article, String siteName) {
        String raw = firstNonBlank(
                index.meta("og:title"),
                article.map(a -> a.path("headline").asText(null)).orElse(null),
                index.h1(),
                doc.title());
        if (raw == null) {
            return "";
        }
        String title = raw.strip().replaceAll("\\s+", " ");
        String[] parts = TITLE_SEPARATOR.split(title);
        if (parts.length > 1) {
            String last = parts[parts.length - 1];
            if ((siteName != null && last.equalsIgnoreCase(siteName.strip())) || TextCleaner.words(last) <= 3) {
                title = title.substring(0, title.length() - last.length()).replaceAll("[\\s|–—·:-]+$", "");
            }
        }
        return title;
    }

    private PageFacts facts(Document doc, PageIndex index, Optional<JsonNode> article, String siteName) {
        ZoneId none = null;
        OffsetDateTime published = firstTime(
                none,
                article.map(a -> a.path("datePublished").asText(null)).orElse(null),
                index.meta("article:published_time"),
                index.itemprop("datePublished", "content"),
                index.itemprop("datePublished", "datetime"),
                index.time());
        OffsetDateTime modified = firstTime(
                none,
                article.map(a -> a.path("dateModified").asText(null)).orElse(null),
                index.meta("article:modified_time"),
                index.itemprop("dateModified", "content"));
        String section = firstNonBlank(
                index.meta("article:section"),
                article.map(a -> a.path("articleSection").isArray()
                                ? a.path("articleSection").path(0).asText(null)
                                : a.path("articleSection").asText(null))
                        .orElse(null));
        String url = firstNonBlank(index.canonical(), index.meta("og:url"));
        List<String> authors = new ArrayList<>();
        article.map(a -> a.path("author")).ifPresent(node -> {
            if (node.isArray()) {
                node.forEach(n -> addAuthor(authors, n));
            } else {
                addAuthor(authors, node);
            }
        });
        if (authors.isEmpty()) {
            String metaAuthor = index.meta("author");
            if (metaAuthor != null && !metaAuthor.isBlank()) {
                authors.add(metaAuthor.strip());
            }
        }
        String lang =
                doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang");
        return new PageFacts(
                published,
                null,
                null,
                modified,
                section,
                null,
                siteName,
                url,
                authors,
                lang == null || lang.isBlank() ? null : lang);
    }

    private static void addAuthor(List<String> authors, JsonNode node) {
        String name = node.isTextual() ? node.asText() : node.path("name").asText("");
        if (!name.isBlank() && !authors.contains(name.strip())) {
            authors.add(name.strip());
        }
    }

    private static OffsetDateTime firstTime(ZoneId zone, String... values) {
        for (String v : values) {
            Optional<OffsetDateTime> t = DateParser.parseIso(v, zone);
            if (t.isPresent()) {
                return t.get();
            }
        }
        return null;
    }

    private List<JsonNode> jsonLd(PageIndex index) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String script : index.jsonLd()) {
            try {
                JsonNode node = json.readTree(script);
                flattenLd(node, nodes);
            } catch (java.io.IOException | RuntimeException e) {
                // invalid JSON-LD is common on the web; the page's other metadata still counts
            }
        }
        return nodes;
    }

    private static void flattenLd(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> flattenLd(n, out));
        } else if (node.isObject()) {
            out.add(node);
            if (node.has("@graph")) {
                flattenLd(node.get("@graph"), out);
            }
        }
    }

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.path("@type");
        String types = type.isArray() ? type.toString() : type.asText("");
        return types.matches("(?s).*(NewsArticle|Article|ReportageNewsArticle|BlogPosting|AnalysisNewsArticle).*");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
