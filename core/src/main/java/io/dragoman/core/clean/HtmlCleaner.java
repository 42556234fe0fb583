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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * Cleans HTML pages with Jsoup: drops scripts, navigation and elements whose class or id marks them as chrome, picks
 * the container with the most paragraph text (preferring schema.org {@code articleBody}, {@code <article>} and
 * {@code <main>}), and returns its paragraphs, headings and list items in order. Metadata comes from
 * {@code <meta>}, Open Graph, JSON-LD and {@code <time>}.
 */
public final class HtmlCleaner implements Cleaner {
    private static final Pattern NEGATIVE_HINT = Pattern.compile(
            "(?i)(^|[\\s_-])(comment|comments|share|sharing|social|related|promo|advert|ads?|banner|cookie|consent|"
                    + "newsletter|subscribe|sidebar|breadcrumbs?|menu|nav|navbar|footer|header|masthead|popup|modal|"
                    + "teaser|recommend\\w*|widget|caption|credit|byline|tags?|pagination|outbrain|taboola|"
                    + "kommentar\\w*|teilen|werbung|anzeige|weitere)([\\s_-]|$)");
    private static final String DROP = "script, style, noscript, template, svg, canvas, iframe, form, button, input, "
            + "select, textarea, nav, footer, aside, figcaption, [hidden], [aria-hidden=true], [role=navigation], "
            + "[role=complementary], [role=contentinfo], [role=banner]";
    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td";
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|–—·:-]\\s+");

    private final ArticleAssembly assembly;
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
        this.maxBytes = maxBytes;
    }

    @Override
    public CleanedArticle clean(RawArticle raw) {
        Decoding.Decoded decoded = Decoding.decode(raw, maxBytes);
        return cleanHtml(raw.id(), raw.location(), decoded.text(), decoded.warnings());
    }

    /**
     * Cleans an HTML page that is already decoded.
     *
     * @throws CleaningException when the page has no article text
     */
    public CleanedArticle cleanHtml(ArticleId id, String location, String html, List<String> warnings) {
        String base = location.contains("://") ? location : "";
        Document doc = Jsoup.parse(html, base, Parser.htmlParser().setMaxDepth(512));
        List<JsonNode> ld = jsonLd(doc);
        Optional<JsonNode> article = ld.stream().filter(HtmlCleaner::isArticle).findFirst();

        String siteName = firstNonBlank(meta(doc, "og:site_name"), meta(doc, "application-name"));
        String title = title(doc, article, siteName);
        PageFacts facts = facts(doc, article, siteName);

        List<String> paragraphs = body(doc, title);
        if (paragraphs.isEmpty()) {
            String fromLd = article.map(a -> a.path("articleBody").asText("")).orElse("");
            paragraphs = TextCleaner.nonBlankLines(fromLd);
        }
        if (paragraphs.isEmpty()) {
            throw new CleaningException(CleaningException.Reason.NO_BODY, "no article body found in the HTML page");
        }
        return assembly.assemble(id, location, title, paragraphs, facts, Optional.empty(), paragraphs, warnings);
    }

    private List<String> body(Document doc, String title) {
        Element root = doc.body();
        Element schemaBody = root.selectFirst("[itemprop=articleBody]");
        root.select(DROP).remove();
        for (Element e : new ArrayList<>(root.getAllElements())) {
            if (e != root && e.parent() != null && isNegative(e) && !e.is("article, main, body, html")) {
                e.remove();
            }
        }
        Element container = schemaBody != null
                        && schemaBody.parent() != null
                        && schemaBody.text().length() >= 200
                ? schemaBody
                : bestContainer(root);
        if (container == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        collect(container, out, seen);
        if (!out.isEmpty() && !title.isEmpty() && out.get(0).equals(title)) {
            out.remove(0);
        }
        return out;
    }

    private static boolean isNegative(Element e) {
        String hints = e.className() + " " + e.id();
        return !hints.isBlank() && NEGATIVE_HINT.matcher(hints).find();
    }

    /** The element that holds the most paragraph text, counting each paragraph for its parent and grandparent. */
    private static Element bestContainer(Element root) {
        Map<Element, Double> scores = new HashMap<>();
        for (Element p : root.select("p, pre, blockquote, div:not(:has(div, p, section, article))")) {
            String text = p.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + Math.min(text.length() / 100.0, 3) + commas(text);
            score *= 1 - linkDensity(p);
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                Element grand = parent.parent();
                if (grand != null) {
                    scores.merge(grand, score / 2, Double::sum);
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double bonus = e.getKey().is("article, main, [role=main]") ? 1.25 : 1.0;
            double s = e.getValue() * bonus;
            if (s > bestScore) {
                bestScore = s;
                best = e.getKey();
            }
        }
        return best == null ? (root.text().isBlank() ? null : root) : best;
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ',') {
                n++;
            }
        }
        return Math.min(n, 5);
    }

    private static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return Math.min(1.0, (double) links / total);
    }

    /** Appends block texts in document order; text directly inside a non-block container counts as a block too. */
    private static void collect(Element element, List<String> out, Set<String> seen) {
        if (element.is(BLOCKS) && !element.is("li:has(p), td:has(p), blockquote:has(p)")) {
            String text = element.text().strip();
            if (!text.isEmpty() && linkDensity(element) < 0.6 && seen.add(text)) {
                out.add(text);
            }
            return;
        }
        StringBuilder loose = new StringBuilder();
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode t) {
                loose.append(t.text());
            } else if (child instanceof Element e) {
                if (e.isBlock() || e.is(BLOCKS) || e.is("br")) {
                    flush(loose, out, seen);
                    if (!e.is("br")) {
                        collect(e, out, seen);
                    }
                } else {
                    loose.append(e.text());
                }
            }
        }
        flush(loose, out, seen);
    }

    private static void flush(StringBuilder loose, List<String> out, Set<String> seen) {
        String text = loose.toString().strip().replaceAll("\\s+", " ");
        loose.setLength(0);
        if (text.length() >= 2 && seen.add(text)) {
            out.add(text);
        }
    }

    private String title(Document doc, Optional<JsonNode> article, String siteName) {
        String raw = firstNonBlank(
                meta(doc, "og:title"),
                article.map(a -> a.path("headline").asText(null)).orElse(null),
                Optional.ofNullable(doc.selectFirst("h1")).map(Element::text).orElse(null),
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

    private PageFacts facts(Document doc, Optional<JsonNode> article, String siteName) {
        ZoneId none = null;
        OffsetDateTime published = firstTime(
                none,
                article.map(a -> a.path("datePublished").asText(null)).orElse(null),
                meta(doc, "article:published_time"),
                attr(doc, "[itemprop=datePublished]", "content"),
                attr(doc, "[itemprop=datePublished]", "datetime"),
                attr(doc, "time[datetime]", "datetime"));
        OffsetDateTime modified = firstTime(
                none,
                article.map(a -> a.path("dateModified").asText(null)).orElse(null),
                meta(doc, "article:modified_time"),
                attr(doc, "[itemprop=dateModified]", "content"));
        String section = firstNonBlank(
                meta(doc, "article:section"),
                article.map(a -> a.path("articleSection").isArray()
                                ? a.path("articleSection").path(0).asText(null)
                                : a.path("articleSection").asText(null))
                        .orElse(null));
        String url = firstNonBlank(attr(doc, "link[rel=canonical]", "href"), meta(doc, "og:url"));
        List<String> authors = new ArrayList<>();
        article.map(a -> a.path("author")).ifPresent(node -> {
            if (node.isArray()) {
                node.forEach(n -> addAuthor(authors, n));
            } else {
                addAuthor(authors, node);
            }
        });
        if (authors.isEmpty()) {
            String metaAuthor = meta(doc, "author");
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

    private List<JsonNode> jsonLd(Document doc) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode node = json.readTree(script.data());
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

    private static String meta(Document doc, String name) {
        Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
        return e == null ? null : e.attr("content");
    }

    private static String attr(Document doc, String selector, String attribute) {
        Elements found = doc.select(selector);
        for (Element e : found) {
            String v = e.attr(attribute);
            if (!v.isBlank()) {
                return v;
            }
        }
        return null;
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
