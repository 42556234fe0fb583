package io.dragoman.core.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the article body of an HTML page and returns it as paragraphs. One pass over the DOM measures every element
 * (characters, link characters, commas) and gives each text block a score that flows to its ancestors, as Mozilla's
 * Readability does; the best-scoring container, with siblings that score nearly as well, is then walked once more to
 * emit its blocks, leaving out subtrees whose class or id reads as chrome, link lists and short boilerplate. Every step
 * takes time linear in the size of the page.
 */
final class ContentExtractor {
    /** Blocks shorter than this (in non-space characters) add nothing to their containers' scores. */
    private static final int MIN_BLOCK_CHARS = 25;

    /** Blocks of at least this many words are kept once only. */
    private static final int MIN_DEDUPE_WORDS = 8;

    /** Blocks of at most this many words that read as a byline or time stamp are dropped. */
    private static final int MAX_STAMP_WORDS = 8;

    /** Containers whose blocks earned fewer points get no bonus for their tag or class. */
    private static final double MIN_POINTS = 5;

    /** A chrome-named subtree holding more than this share of the selection's text is kept anyway. */
    private static final double KEEP_SHARE = 0.5;

    /**
     * A cookie or consent notice is dropped even when it holds most of the page (a consent wall scraped in place of the
     * article), as long as it is as short as such notices are; a longer subtree so named is a page wrapper.
     */
    private static final int CONSENT_MAX_CHARS = 1000;

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
    private static final Set<String> INLINE_TAGS = Set.of(
            "a", "span", "b", "strong", "i", "em", "u", "s", "small", "big", "sub", "sup", "font", "abbr", "cite",
            "code", "q", "mark", "time", "label", "img", "br", "wbr", "ins", "del", "tt", "kbd", "var", "bdi", "bdo",
            "dfn", "data", "strike", "acronym", "nobr");
    private static final Set<String> PARAGRAPH_TAGS =
            Set.of("p", "pre", "blockquote", "li", "td", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> HEADING_TAGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private final BoilerplatePhrases phrases;

    ContentExtractor(BoilerplatePhrases phrases) {
        this.phrases = phrases;
    }

    /** What one pass learns about an element. */
    private static final class Info {
        int chars;
        int linkChars;
        int ownChars;
        int ownLinkChars;
        int ownCommas;
        double score;
        double points;
        boolean scored;
        boolean hasBlockChildren;
        int kind;
    }

    /** The state of one extraction. */
    private final class Run {
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
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) {
                    String text = t.getWholeText();
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

        /** Gives a block's score to its ancestors: the nearest in full, then less with each level. */
        void score(Element e, Info info, String tag) {
            double linkShare = (double) info.ownLinkChars / info.ownChars;
            double points = (1 + Math.min(info.ownCommas, 10) + Math.min(info.ownChars / 100.0, 3)) * (1 - linkShare);
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
    }

    private static double linkDensity(Info i) {
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

    /** The article body of a page: its blocks in document order, or an empty list when it has none. */
    List<String> extract(Element body) {
        Run run = new Run();
        Info rootInfo = run.measure(body, body, false, false);
        if (rootInfo == null || rootInfo.chars == 0) {
            return List.of();
        }
        Element top = null;
        double best = 0;
        for (Element c : run.candidates) {
            double s = run.finalScore(c);
            if (s > best) {
                best = s;
                top = c;
            }
        }
        List<Element> selection = new ArrayList<>();
        if (top == null) {
            selection.add(body);
        } else {
            top = climb(run, top);
            select(run, top, selection);
        }
        int total = 0;
        for (Element e : selection) {
            total += run.info(e).chars;
        }
        Emitter emitter = new Emitter(run, total);
        for (Element e : selection) {
            emitter.element(e);
        }
        emitter.flush();
        return emitter.result();
    }

    /** Readability's step up: a parent that scores better than the candidate, before the scores fall too far. */
    private static Element climb(Run run, Element top) {
        double topScore = run.finalScore(top);
        double lastScore = topScore;
        double threshold = topScore / 3;
        Element parent = top.parent();
        while (parent != null && !parent.normalName().equals("body")) {
            Info pi = run.info(parent);
            if (pi == null || !pi.scored) {
                parent = parent.parent();
                continue;
            }
            double ps = run.finalScore(parent);
            if (ps < threshold) {
                break;
            }
            if (ps > lastScore) {
                return parent;
            }
            lastScore = ps;
            parent = parent.parent();
        }
        // a candidate that is its parent's only child with text stands for the parent
        while (top.parent() != null
                && !top.parent().normalName().equals("body")
                && run.info(top.parent()) != null
                && run.info(top.parent()).chars == run.info(top).chars) {
            top = top.parent();
        }
        return top;
    }

    /** The candidate and those of its siblings that score well or read as paragraphs of the same text. */
    private static void select(Run run, Element top, List<Element> out) {
        Element parent = top.parent();
        if (parent == null || parent.normalName().equals("html")) {
            out.add(top);
            return;
        }
        double topScore = run.finalScore(top);
        double threshold = Math.max(10, topScore * 0.2);
        String topClass = top.className();
        for (Element sibling : parent.children()) {
            Info si = run.info(sibling);
            if (si == null) {
                continue;
            }
            if (sibling == top) {
                out.add(sibling);
                continue;
            }
            double bonus = !topClass.isEmpty() && sibling.className().equals(topClass) ? topScore * 0.2 : 0;
            boolean append = si.scored && run.finalScore(sibling) + bonus >= threshold;
            if (!append && sibling.normalName().equals("p") && si.kind != ClassHints.CHROME) {
                double ld = linkDensity(si);
                String text = sibling.text();
                append = si.chars > 80 && ld < 0.25 || si.chars > 0 && ld == 0 && LineSignals.endsLikeSentence(text);
            }
            if (append) {
                out.add(sibling);
            }
        }
    }

    /** Walks the selection and writes its blocks, one paragraph per block. */
    private final class Emitter {
        private final Run run;
        private final int total;
        private final StringBuilder text = new StringBuilder();
        private int chars;
        private int linkChars;
        private boolean heading;
        private final List<String> blocks = new ArrayList<>();
        private final List<Boolean> headings = new ArrayList<>();
        private final Set<String> seen = new LinkedHashSet<>();

        Emitter(Run run, int total) {
            this.run = run;
            this.total = total;
        }

        void element(Element e) {
            Info info = run.info(e);
            if (info == null || info.chars == 0) {
                return;
            }
            if (info.kind == ClassHints.CHROME && (info.chars < total * KEEP_SHARE || consentNotice(e, info))) {
                return;
            }
            String tag = e.normalName();
            boolean isBlock = !INLINE_TAGS.contains(tag);
            if (isBlock) {
                flush();
                heading = HEADING_TAGS.contains(tag);
            }
            boolean splitAtBreaks = isBlock && !tag.equals("p");
            inline(e, tag.equals("a"), splitAtBreaks);
            if (isBlock) {
                flush();
            }
        }

        private void inline(Element e, boolean link, boolean splitAtBreaks) {
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) {
                    append(t, link);
                } else if (child instanceof Element c) {
                    String tag = c.normalName();
                    if (tag.equals("br")) {
                        if (splitAtBreaks) {
                            flush();
                        } else {
                            text.append(' ');
                        }
                    } else if (!INLINE_TAGS.contains(tag)) {
                        boolean wasHeading = heading;
                        element(c);
                        heading = wasHeading;
                    } else {
                        Info ci = run.info(c);
                        if (ci != null
                                && ci.chars > 0
                                && !(ci.kind == ClassHints.CHROME
                                        && (ci.chars < total * KEEP_SHARE || consentNotice(c, ci)))) {
                            inline(c, link || tag.equals("a"), splitAtBreaks);
                        }
                    }
                }
            }
        }

        private boolean consentNotice(Element e, Info info) {
            return info.chars <= CONSENT_MAX_CHARS && (ClassHints.consent(e.className()) || ClassHints.consent(e.id()));
        }

        private void append(TextNode t, boolean link) {
            String s = t.getWholeText();
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                        text.append(' ');
                    }
                } else {
                    text.append(c);
                    n++;
                }
            }
            chars += n;
            if (link) {
                linkChars += n;
            }
        }

        void flush() {
            if (chars > 0) {
                String block = text.toString().strip();
                double ld = (double) linkChars / chars;
                // repeated sentences are a layout's second copy; repeated short cells (a table's "1 cup") are content
                boolean repeated = LineSignals.words(block) >= MIN_DEDUPE_WORDS && !seen.add(block);
                if (keep(block, ld) && !repeated) {
                    blocks.add(block);
                    headings.add(heading);
                }
            }
            text.setLength(0);
            chars = 0;
            linkChars = 0;
        }

        private boolean keep(String block, double linkDensity) {
            if (linkDensity > 0.5) {
                return false;
            }
            if (phrases.isBoilerplate(block)) {
                return false;
            }
            // a time stamp or byline standing alone
            return !(LineSignals.words(block) <= MAX_STAMP_WORDS
                    && (LineSignals.isByline(block) || LineSignals.isRelativeTime(block)));
        }

        /** The blocks, without headings that head nothing (the last block, or one followed by another heading). */
        List<String> result() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < blocks.size(); i++) {
                boolean isHeading = headings.get(i);
                boolean headsNothing = i == blocks.size() - 1 || headings.get(i + 1);
                if (isHeading && headsNothing && i > 0) {
                    continue;
                }
                out.add(blocks.get(i));
            }
            return out;
        }
    }
}
