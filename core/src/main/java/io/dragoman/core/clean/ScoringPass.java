package io.dragoman.core.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The measuring pass of {@link ContentExtractor}: one walk over the DOM that drops hidden and non-content elements,
 * counts every element's characters, link characters and commas, and gives each text block a score that flows to its
 * ancestors, as Mozilla's Readability does. Holds the measurements of one extraction; a new pass per page.
 */
final class ScoringPass {
    /** Blocks shorter than this (in non-space characters) add nothing to their containers' scores. */
    private static final int MIN_BLOCK_CHARS = 25;

    /** How many characters a paragraph divided from the next by a double break counts for at least. */
    private static final int CHARS_PER_BROKEN_PARAGRAPH = 200;

    /** Containers whose blocks earned fewer points get no bonus for their tag or class. */
    private static final double MIN_POINTS = 5;

    private static final Set<String> DROP_TAGS = Set.of(
            "script",
            "style",
            "noscript",
            "template",
            "svg",
            "canvas",
            "iframe",
            "object",
            "embed",
            "button",
            "input",
            "select",
            "textarea",
            "option",
            "nav",
            "footer",
            "aside",
            "figure",
            "figcaption",
            "picture",
            "video",
            "audio",
            "menu",
            "dialog",
            "head",
            "title",
            "meta",
            "link",
            "map",
            "math");
    private static final Set<String> DROP_ROLES =
            Set.of("navigation", "complementary", "contentinfo", "banner", "dialog", "alertdialog", "menu", "search");
    static final Set<String> INLINE_TAGS = Set.of(
            "a", "span", "b", "strong", "i", "em", "u", "s", "small", "big", "sub", "sup", "font", "abbr", "cite",
            "code", "q", "mark", "time", "label", "img", "br", "wbr", "ins", "del", "tt", "kbd", "var", "bdi", "bdo",
            "dfn", "data", "strike", "acronym", "nobr");
    private static final Set<String> PARAGRAPH_TAGS =
            Set.of("p", "pre", "blockquote", "li", "td", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6");

    /** What one pass learns about an element. */
    static final class Info {
        int chars;
        int linkChars;
        int ownChars;
        int ownLinkChars;
        int ownCommas;
        /** Paragraph breaks in the block's own text: a {@code <br>} right after another. */
        int ownBreaks;

        double score;
        double points;
        boolean scored;
        boolean hasBlockChildren;
        int kind;
    }

    final Map<Element, Info> infos = new IdentityHashMap<>();
    final List<Element> candidates = new ArrayList<>();
    final Map<String, Integer> kinds = new HashMap<>();

    int kind(String name) {
        if (name.isEmpty()) {
            return 0;
        }
        Integer k = kinds.get(name);
        if (k == null) {
            k = ClassHints.kind(name);
            kinds.put(name, k);
        }
        return k;
    }

    private final Map<String, Boolean> intros = new HashMap<>();

    /** Whether a class or id names a lead ({@link ClassHints#intro}), remembered per name for the page. */
    boolean intro(String name) {
        return !name.isEmpty() && intros.computeIfAbsent(name, ClassHints::intro);
    }

    /** The element's class and id as one {@link ClassHints} kind: chrome if either is, content if either is. */
    int kind(Element e) {
        if (e.attributesSize() == 0) {
            return 0;
        }
        int a = kind(e.className());
        int b = kind(e.id());
        return a == ClassHints.CHROME || b == ClassHints.CHROME ? ClassHints.CHROME : Math.max(a, b);
    }

    Info info(Element e) {
        return infos.get(e);
    }

    /** Measures the subtree of {@code e}; returns null when the element is dropped. */
    Info measure(Element e, Element block, boolean inLink, boolean inChrome) {
        if (dropped(e)) {
            return null;
        }
        Info info = new Info();
        infos.put(e, info);
        info.kind = kind(e);
        boolean chrome = inChrome
                || info.kind == ClassHints.CHROME
                        && (ClassHints.comments(e.className()) || ClassHints.comments(e.id()));
        String tag = e.normalName();
        boolean isBlock = !INLINE_TAGS.contains(tag);
        Element owner = isBlock ? e : block;
        Info ownerInfo = isBlock ? info : infos.get(block);
        boolean link = inLink || tag.equals("a");
        boolean afterBreak = false;
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                String text = t.getWholeText();
                if (afterBreak && !t.isBlank()) {
                    afterBreak = false;
                }
                int chars = 0;
                int commas = 0;
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (!Character.isWhitespace(c) && c != '\u00a0') {
                        chars++;
                        if (c == ',' || c == '،' || c == '、' || c == '，') {
                            commas++;
                        }
                    }
                }
                info.chars += chars;
                if (link) {
                    info.linkChars += chars;
                }
                if (ownerInfo != null) {
                    ownerInfo.ownChars += chars;
                    ownerInfo.ownCommas += commas;
                    if (link) {
                        ownerInfo.ownLinkChars += chars;
                    }
                }
            } else if (child instanceof Element c) {
                boolean isBreak = c.normalName().equals("br");
                if (isBreak && afterBreak && ownerInfo != null) {
                    ownerInfo.ownBreaks++;
                }
                afterBreak = isBreak;
                Info ci = measure(c, owner, link, chrome);
                if (ci != null) {
                    info.chars += ci.chars;
                    info.linkChars += ci.linkChars;
                    if (ci.chars > 0 && !INLINE_TAGS.contains(c.normalName())) {
                        info.hasBlockChildren = true;
                    }
                }
            }
        }
        if (isBlock && !chrome && info.ownChars >= MIN_BLOCK_CHARS) {
            score(e, info, tag);
        }
        return info;
    }

    /**
     * Gives a block's score to its ancestors: the nearest in full, then less with each level. A block of several
     * paragraphs divided by double {@code <br>} (a forum post, an old page's text) scores as that many paragraphs, as
     * Readability scores it after turning its breaks into paragraphs; the paragraphs counted average at least
     * {@value #CHARS_PER_BROKEN_PARAGRAPH} characters, so that a column of short lines (an address) stays one block.
     */
    void score(Element e, Info info, String tag) {
        double linkShare = (double) info.ownLinkChars / info.ownChars;
        int paragraphs = 1 + Math.min(info.ownBreaks, info.ownChars / CHARS_PER_BROKEN_PARAGRAPH);
        double points = (paragraphs
                        + Math.min(info.ownCommas, 10 * paragraphs)
                        + Math.min(info.ownChars / 100.0, 3 * paragraphs))
                * (1 - linkShare);
        if (points <= 0) {
            return;
        }
        // a container without blocks inside is a paragraph, as Readability turns such a div into a p
        Element target = PARAGRAPH_TAGS.contains(tag) || !info.hasBlockChildren ? e.parent() : e;
        for (int level = 0; target != null && level < 5; level++) {
            Info t = infos.get(target);
            if (t == null
                    || target.normalName().equals("body")
                    || target.normalName().equals("html")) {
                break;
            }
            if (!t.scored) {
                t.scored = true;
                t.score += initialScore(target, t.kind);
                candidates.add(target);
            }
            double share = level == 0 ? points : level == 1 ? points / 2 : points / (level * 3);
            t.score += share;
            t.points += share;
            target = target.parent();
        }
    }

    double finalScore(Element e) {
        Info i = infos.get(e);
        if (i == null || !i.scored) {
            return 0;
        }
        // tag and class hints count only for containers with about a paragraph of text
        double score = i.points < MIN_POINTS ? i.points : i.score;
        return score * (1 - linkDensity(i));
    }

    static double linkDensity(Info i) {
        return i.chars == 0 ? 0 : Math.min(1.0, (double) i.linkChars / i.chars);
    }

    private static double initialScore(Element e, int kind) {
        double s =
                switch (e.normalName()) {
                    case "div", "article", "main", "section" -> 5;
                    case "pre", "td", "blockquote" -> 3;
                    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
                    case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
                    default -> 0;
                };
        if (e.normalName().equals("article")
                || e.hasAttr("itemprop") && e.attr("itemprop").equals("articleBody")) {
            s += ClassHints.WEIGHT;
        }
        return s + ClassHints.weight(kind);
    }

    private static boolean dropped(Element e) {
        String tag = e.normalName();
        if (DROP_TAGS.contains(tag)) {
            return true;
        }
        if (e.attributesSize() == 0) {
            return false;
        }
        if (e.hasAttr("hidden") || e.attr("aria-hidden").equals("true")) {
            return true;
        }
        String role = e.attr("role");
        if (!role.isEmpty() && DROP_ROLES.contains(role)) {
            return true;
        }
        String style = e.attr("style");
        if (!style.isEmpty()) {
            String s = style.replace(" ", "");
            return s.contains("display:none") || s.contains("visibility:hidden");
        }
        return false;
    }
}
