package io.dragoman.core.clean;

import java.util.List;

/**
 * Pieces of broken HTML and odd text that the cleaner tests splice into pages: tags opened and not closed, comments and
 * CDATA left open, entities that name nothing or a lone surrogate, charset declarations that lie, JSON-LD cut short,
 * control characters, and lines that look like BelTA chrome or a dateline.
 */
final class TagSoup {

    /** Every piece, markup first. */
    static final List<String> PIECES = List.of(
            "<p>",
            "</p>",
            "<div class=\"article\">",
            "</div>",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "<![CDATA[",
            "<br>",
            "<h1>",
            "</h1>",
            "<table><tr><td>",
            "&amp;",
            "&#0;",
            "&#x0;",
            "&#xD800;",
            "&#99999999;",
            "<meta charset=\"utf-16\">",
            "<meta charset=\"windows-1251\">",
            "<meta property=\"og:title\" content=\"",
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":",
            "<time datetime=\"9999-99-99T99:99\">",
            "<",
            ">",
            "\"",
            "'",
            "\u0000",
            "\uFFFD",
            "\uD800",
            "\r",
            "\n",
            "\n\n",
            "\u2028",
            " ",
            "Der Stadtrat hat beschlossen, den Radweg zu bauen. ",
            "MINSK, 32. Foo (BelTA) – ",
            "flag Donnerstag, 2 Mai 2024\n",
            "Abonnieren Sie uns auf\n");

    private TagSoup() {}
}
