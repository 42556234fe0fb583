package io.dragoman.core.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The elements of a page that metadata comes from, found in one walk over the document instead of one selector query
 * per field: {@code <meta>} by name and property, JSON-LD scripts, the first {@code <h1>}, schema.org dates,
 * {@code <time datetime>} and the canonical link.
 */
final class PageIndex {
    private final Map<String, String> meta = new HashMap<>();
    private final Map<String, String> attributes = new HashMap<>();
    private final List<String> jsonLd = new ArrayList<>();
    private Element h1;

    private PageIndex() {}

    static PageIndex of(Document doc) {
        PageIndex index = new PageIndex();
        for (Element e : doc.getAllElements()) {
            switch (e.normalName()) {
                case "meta" -> {
                    String content = e.attr("content");
                    index.meta.putIfAbsent(e.attr("property"), content);
                    index.meta.putIfAbsent(e.attr("name"), content);
                }
                case "script" -> {
                    if (e.attr("type").equalsIgnoreCase("application/ld+json")) {
                        index.jsonLd.add(e.data());
                    }
                }
                case "h1" -> {
                    if (index.h1 == null) {
                        index.h1 = e;
                    }
                }
                case "time" -> index.first("time:datetime", e.attr("datetime"));
                case "link" -> {
                    if (e.attr("rel").equalsIgnoreCase("canonical")) {
                        index.first("canonical:href", e.attr("href"));
                    }
                }
                default -> {
                    // only the cases above carry metadata by their tag
                }
            }
            if (e.attributesSize() > 0 && e.hasAttr("itemprop")) {
                String prop = e.attr("itemprop");
                index.first(prop + ":content", e.attr("content"));
                index.first(prop + ":datetime", e.attr("datetime"));
            }
        }
        index.meta.remove("");
        return index;
    }

    private void first(String key, String value) {
        if (!value.isBlank()) {
            attributes.putIfAbsent(key, value);
        }
    }

    /** The content of the first {@code <meta>} whose property or name is {@code name}, or null. */
    String meta(String name) {
        return meta.get(name);
    }

    /** The first non-blank {@code content} of an element with this {@code itemprop}, or null. */
    String itemprop(String prop, String attribute) {
        return attributes.get(prop + ":" + attribute);
    }

    /** The first non-blank {@code datetime} of a {@code <time>}, or null. */
    String time() {
        return attributes.get("time:datetime");
    }

    /** The first canonical link, or null. */
    String canonical() {
        return attributes.get("canonical:href");
    }

    /** The text of the first {@code <h1>}, or null. */
    String h1() {
        return h1 == null ? null : h1.text();
    }

    /** The JSON-LD scripts' text, in document order. */
    List<String> jsonLd() {
        return jsonLd;
    }
}
