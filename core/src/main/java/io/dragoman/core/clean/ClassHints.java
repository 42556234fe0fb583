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
    /** Words that mark chrome even next to a content word ({@code comment-content}, {@code article-related}). */
    private static final Set<String> STRONG_WORDS = Set.of(
            "ad",
            "ads",
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
            "byline",
            "caption",
            "credit",
            "credits",
            "combx",
            "disqus",
            "outbrain",
            "taboola",
            "plista",
            "ligatus",
            "gdpr",
            "poteme",
            "pohozhie",
            "chitaite",
            "chitayte");

    private static final String[] STRONG_STEMS = {
        "comment", "kommentar", "komment", "comentario", "commentaire", "share", "sharing", "social", "related",
        "recommend", "empfehl", "sponsor", "newsletter", "subscri", "abonn", "cookie", "consent", "sidebar",
        "breadcrumb", "promo", "relacionad", "verwandt", "partage", "compartir"
    };
    /** Words that mark chrome unless a content word stands next to them. */
    private static final Set<String> WEAK_WORDS = Set.of(
            "adv",
            "banner",
            "community",
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
            "trending",
            "popular",
            "mostread",
            "meistgelesen",
            "weitere",
            "lesetipp",
            "lesetipps",
            "aussi",
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
            "podpiska",
            "footnote",
            "copyright",
            "rubric");

    /**
     * Words naming a lead, teaser or summary paragraph ({@code article-intro}, {@code chapo}, {@code vorspann},
     * {@code bajada}): the text the page shows between headline and body, often in a container of its own.
     */
    private static final Set<String> INTRO_WORDS = Set.of(
            "lead",
            "leader",
            "lede",
            "intro",
            "introduction",
            "teaser",
            "abstract",
            "summary",
            "excerpt",
            "standfirst",
            "subtitle",
            "subheadline",
            "vorspann",
            "anriss",
            "einleitung",
            "zusammenfassung",
            "chapo",
            "chapeau",
            "sapo",
            "bajada",
            "entradilla",
            "sumario",
            "copete",
            "sommario",
            "catenaccio",
            "zajawka",
            "wstep",
            "lid",
            "vrez",
            "anons");

    /**
     * Words naming a secondary headline ({@code dek}, the American newsroom's subhead): a headline, not a paragraph of
     * the article, even next to an intro word ({@code dekSummary}).
     */
    private static final Set<String> SUBHEAD_WORDS = Set.of("dek", "deck", "hed", "subhed", "alternativeheadline");

    /** Readability's weight for a class or id that reads as content or as chrome. */
    static final int WEIGHT = 25;

    private ClassHints() {}

    /** +25 per attribute ({@code class}, {@code id}) that reads as content, -25 per attribute that reads as chrome. */
    static int weight(Element e) {
        return weight(kind(e.className())) + weight(kind(e.id()));
    }

    /** True when the element's class or id reads as chrome (see {@link #kind}). */
    static boolean chrome(Element e) {
        return kind(e.className()) == CHROME || kind(e.id()) == CHROME;
    }

    /**
     * True when the class or id names a comment section: its blocks never make the article, however long they are.
     * Other chrome words are also used for wrappers of the whole page ({@code theiaStickySidebar}, {@code non-ad-column},
     * {@code article-promo}), so they are not trusted that far.
     */
    static boolean comments(String name) {
        if (name.isEmpty()) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return (lower.contains("comment") && !lower.contains("commentary")
                        || lower.contains("kommentar")
                        || lower.contains("disqus")
                        || lower.contains("commentaire")
                        || lower.contains("comentario"))
                && kind(name) == CHROME;
    }

    /**
     * True when {@code name} marks a cookie or consent notice ({@code cookie-banner}, {@code consentWall}, {@code
     * gdpr-overlay}).
     */
    static boolean consent(String name) {
        if (name.isEmpty()) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return (lower.contains("cookie") || lower.contains("consent") || lower.contains("gdpr"))
                && kind(name) == CHROME;
    }

    /**
     * True when a word of the class or id names a lead or summary paragraph, and no word names a subhead or reads as
     * chrome whatever stands next to it ({@code intro-share}); a weak chrome word does not count ({@code
     * header__abstract}), as leads sit in the article's header.
     */
    static boolean intro(String name) {
        if (name.isEmpty()) {
            return false;
        }
        boolean intro = false;
        int n = name.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? name.charAt(i) : ' ';
            boolean letter = Character.isLetterOrDigit(c);
            boolean hump =
                    letter && start >= 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1));
            if (start >= 0 && (!letter || hump)) {
                String word = name.substring(start, i).toLowerCase(Locale.ROOT);
                if (SUBHEAD_WORDS.contains(word) || isStrong(word)) {
                    return false;
                }
                intro |= INTRO_WORDS.contains(word);
                start = -1;
            }
            if (letter && start < 0) {
                start = i;
            }
        }
        return intro;
    }

    static final int CONTENT = 1;
    static final int MIXED = -1;
    static final int CHROME = -2;

    static int weight(int kind) {
        return kind == CONTENT ? WEIGHT : kind == CHROME ? -WEIGHT : 0;
    }

    /**
     * {@link #CONTENT}: some word reads as content and none as chrome; {@link #CHROME}: some word reads as chrome and
     * none as content, or a word reads as chrome whatever stands next to it; {@link #MIXED}: words of both kinds; 0:
     * neither.
     */
    static int kind(String name) {
        if (name.isEmpty()) {
            return 0;
        }
        boolean positive = false;
        boolean weak = false;
        boolean strong = false;
        int n = name.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? name.charAt(i) : ' ';
            boolean letter = Character.isLetterOrDigit(c);
            boolean hump =
                    letter && start >= 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1));
            if (start >= 0 && (!letter || hump)) {
                String word = name.substring(start, i).toLowerCase(Locale.ROOT);
                if (POSITIVE_WORDS.contains(word)) {
                    positive = true;
                } else if (isStrong(word)) {
                    strong = true;
                } else if (WEAK_WORDS.contains(word)) {
                    weak = true;
                }
                start = -1;
            }
            if (letter && start < 0) {
                start = i;
            }
        }
        if (strong || weak && !positive) {
            return CHROME;
        }
        if (weak) {
            return MIXED;
        }
        return positive ? CONTENT : 0;
    }

    private static boolean isStrong(String word) {
        if (STRONG_WORDS.contains(word)) {
            return true;
        }
        for (String stem : STRONG_STEMS) {
            if (word.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }
}
