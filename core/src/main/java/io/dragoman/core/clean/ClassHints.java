package io.dragoman.core.clean;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What an element's {@code class} and {@code id} say about it, in the words sites use in English, German, Russian
 * (transliterated), French and Spanish: content ({@code article-body}, {@code artikel-text}, {@code cuerpo}) or chrome
 * ({@code share}, {@code kommentare}, {@code related}, {@code publicite}). Names are split into words at punctuation
 * and at camel-case humps; a word counts when it is one of the listed words or starts with one of the listed stems.
 */
final class ClassHints {
    private static final Set<String> POSITIVE_WORDS = Set.of(
            "article",
            "articlebody",
            "articletext",
            "body",
            "content",
            "entry",
            "hentry",
            "main",
            "post",
            "story",
            "text",
            "blog",
            "artikel",
            "artikeltext",
            "inhalt",
            "beitrag",
            "meldung",
            "fliesstext",
            "richtext",
            "prose",
            "statya",
            "stati",
            "material",
            "contenu",
            "texte",
            "cuerpo",
            "contenido",
            "noticia",
            "nota",
            "materia",
            "paragraph",
            "paragraphs",
            "copy",
            "detail",
            "news");
    private static final Set<String> NEGATIVE_WORDS = Set.of(
            "ad",
            "ads",
            "adv",
            "adslot",
            "advert",
            "advertisement",
            "advertising",
            "anzeige",
            "anzeigen",
            "werbung",
            "reklama",
            "pub",
            "publicite",
            "publicidad",
            "banner",
            "byline",
            "caption",
            "credit",
            "credits",
            "combx",
            "community",
            "disqus",
            "footer",
            "foot",
            "header",
            "masthead",
            "menu",
            "nav",
            "navbar",
            "navigation",
            "pagination",
            "pager",
            "popup",
            "modal",
            "overlay",
            "tags",
            "tag",
            "taglist",
            "widget",
            "outbrain",
            "taboola",
            "plista",
            "ligatus",
            "print",
            "toolbar",
            "tools",
            "meta",
            "author",
            "authors",
            "bio",
            "date",
            "timestamp",
            "dateline",
            "skip",
            "hidden",
            "hide",
            "sr",
            "screenreader",
            "disclaimer",
            "affiliate",
            "rating",
            "reactions",
            "poll",
            "survey",
            "slider",
            "carousel",
            "gallery",
            "login",
            "signin",
            "signup",
            "register",
            "follow",
            "donate",
            "cta",
            "more",
            "trending",
            "popular",
            "mostread",
            "meistgelesen",
            "weitere",
            "mehr",
            "lesetipp",
            "lesetipps",
            "partage",
            "partager",
            "aussi",
            "compartir",
            "teaser",
            "breaking",
            "ticker",
            "alert",
            "badge",
            "avatar",
            "tooltip",
            "dropdown",
            "flyout",
            "sticky",
            "shop",
            "comercial",
            "poteme",
            "pohozhie",
            "chitaite",
            "chitayte",
            "podpiska");
    private static final String[] NEGATIVE_STEMS = {
        "comment",
        "kommentar",
        "komment",
        "comentario",
        "commentaire",
        "share",
        "sharing",
        "social",
        "related",
        "recommend",
        "empfehl",
        "advert",
        "sponsor",
        "newsletter",
        "subscri",
        "abonn",
        "cookie",
        "consent",
        "gdpr",
        "sidebar",
        "breadcrumb",
        "promo",
        "relacionad",
        "verwandt",
        "rubric",
        "footnote",
        "copyright",
        "banner"
    };

    /** Readability's weight for a class or id that reads as content or as chrome. */
    static final int WEIGHT = 25;

    private ClassHints() {}

    /** +25 per attribute ({@code class}, {@code id}) that reads as content, -25 per attribute that reads as chrome. */
    static int weight(Element e) {
        return weight(e.className()) + weight(e.id());
    }

    /** True when the element's class or id reads as chrome. */
    static boolean negative(Element e) {
        return kind(e.className()) < 0 || kind(e.id()) < 0;
    }

    private static int weight(String name) {
        int kind = kind(name);
        if (kind == 0) {
            return 0;
        }
        int w = 0;
        if ((kind & 1) != 0) {
            w += WEIGHT;
        }
        if (kind < 0) {
            w -= WEIGHT;
        }
        return w;
    }

    /** Bit 0: some word reads as content; negative: some word reads as chrome; 0: neither. */
    private static int kind(String name) {
        if (name.isEmpty()) {
            return 0;
        }
        boolean positive = false;
        boolean negative = false;
        int n = name.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? name.charAt(i) : ' ';
            boolean letter = Character.isLetterOrDigit(c);
            boolean hump = letter
                    && start >= 0
                    && Character.isUpperCase(c)
                    && i > 0
                    && Character.isLowerCase(name.charAt(i - 1));
            if (start >= 0 && (!letter || hump)) {
                String word = name.substring(start, i).toLowerCase(Locale.ROOT);
                if (POSITIVE_WORDS.contains(word)) {
                    positive = true;
                } else if (isNegative(word)) {
                    negative = true;
                }
                start = -1;
            }
            if (letter && start < 0) {
                start = i;
            }
        }
        if (negative) {
            return positive ? -1 : -2;
        }
        return positive ? 1 : 0;
    }

    private static boolean isNegative(String word) {
        if (NEGATIVE_WORDS.contains(word)) {
            return true;
        }
        for (String stem : NEGATIVE_STEMS) {
            if (word.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }
}
