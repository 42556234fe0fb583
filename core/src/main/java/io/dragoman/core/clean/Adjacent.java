package io.dragoman.core.clean;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * What belongs to the article body next to the chosen container: running text in a neighbouring container (the body
 * continued below a box, a second column of the same text) and the lead paragraph the page shows above the body in a
 * container of its own.
 */
final class Adjacent {
    /** How far up from the chosen container neighbours are looked for. */
    private static final int LEVELS = 3;
    /** A neighbour joins when it scores at least this share of the chosen container's score. */
    private static final double MIN_SHARE = 0.5;
    /** A neighbour with more of its text in links than this is a teaser list. */
    private static final double MAX_LINK_DENSITY = 0.25;
    /** A lead shorter than this (in words) is a tagline, not a lead. */
    private static final int MIN_LEAD_WORDS = 12;
    /** The element showing the lead may hold at most this much more text than the lead itself. */
    private static final double MAX_LEAD_SURPLUS = 1.3;

    /** How far up from the chosen container a lead in a container of its own is looked for. */
    private static final int INTRO_LEVELS = 6;
    /** How many preceding siblings per level are looked into for a lead. */
    private static final int INTRO_SIBLINGS = 8;
    /** A lead has at least this many words… */
    private static final int MIN_INTRO_WORDS = 6;
    /** …and at most this many characters; a longer element so named is a wrapper. */
    private static final int MAX_INTRO_CHARS = 1200;
    /** A lead has hardly any of its text in links. */
    private static final double MAX_INTRO_LINK_DENSITY = 0.2;

    private Adjacent() {}

    /**
     * Puts in front of the selection the lead the page shows above it in a container of its own, found by its class
     * or id ({@code article-intro}, {@code teaser-text}, {@code chapo}, {@code vorspann}, see {@link
     * ClassHints#intro}) among the preceding siblings of the selection and of its ancestors, nearest first, also in a
     * container named as chrome (the page's {@code header}, which often holds headline and lead) but not in comments: a short
     * run of text with hardly any links and no headline or list inside (a list so named holds the byline and date). Readability-style scoring leaves such a lead out
     * because it is a single short block outside the body's container.
     */
    static void intro(ScoringPass run, Element body, BoilerplatePhrases phrases, List<Element> selection) {
        if (selection.isEmpty()) {
            return;
        }
        Element x = selection.get(0);
        for (int level = 0; level < INTRO_LEVELS && x != null && x != body; level++, x = x.parent()) {
            Element s = x.previousElementSibling();
            for (int n = 0; s != null && n < INTRO_SIBLINGS; n++, s = s.previousElementSibling()) {
                ScoringPass.Info si = run.info(s);
                if (si == null || si.chars == 0 || ClassHints.comments(s.className()) || ClassHints.comments(s.id())) {
                    continue;
                }
                for (Element e : s.getAllElements()) {
                    if (isIntro(run, e, phrases) && !overlaps(e, selection)) {
                        selection.add(0, e);
                        return;
                    }
                }
            }
        }
    }

    private static boolean isIntro(ScoringPass run, Element e, BoilerplatePhrases phrases) {
        ScoringPass.Info info = run.info(e);
        if (info == null
                || e.attributesSize() == 0
                || info.chars == 0
                || !(run.intro(e.className()) || run.intro(e.id()))
                || e.attr("itemprop").equals("alternativeHeadline")
                || info.chars > MAX_INTRO_CHARS
                || ScoringPass.linkDensity(info) > MAX_INTRO_LINK_DENSITY
                || !e.select("li, dt, dd, td").isEmpty()
                || !e.select("h1, h2, h3").isEmpty() && !e.normalName().matches("h[23]")) {
            return false;
        }
        String text = e.text();
        return LineSignals.words(text) >= MIN_INTRO_WORDS && !phrases.isBoilerplate(text);
    }

    /**
     * Adds the candidates that score nearly as well as the chosen container and sit beside it, within {@value #LEVELS}
     * levels up, outside chrome-named containers; keeps the selection in document order.
     */
    static void join(ScoringPass run, Element top, double topScore, List<Element> selection) {
        List<Element> ancestors = new ArrayList<>();
        for (Element a = top.parent(); a != null && ancestors.size() < LEVELS; a = a.parent()) {
            if (a.normalName().equals("body")) {
                break;
            }
            ancestors.add(a);
        }
        if (ancestors.isEmpty()) {
            return;
        }
        List<Element> candidates = new ArrayList<>(run.candidates);
        candidates.sort(Comparator.comparingDouble(run::finalScore).reversed());
        boolean added = false;
        for (Element c : candidates) {
            double score = run.finalScore(c);
            if (score < topScore * MIN_SHARE) {
                break;
            }
            ScoringPass.Info ci = run.info(c);
            if (ScoringPass.linkDensity(ci) > MAX_LINK_DENSITY
                    || overlaps(c, selection)
                    || !beside(run, c, ancestors)) {
                continue;
            }
            selection.add(c);
            added = true;
        }
        if (added) {
            sortInDocumentOrder(selection);
        }
    }

    /**
     * Puts the element that shows the page's lead in front of the selection, when it stands above the selection and
     * outside it, holds little besides the lead, and is not in a chrome-named container.
     */
    static void lead(ScoringPass run, Element body, String lead, List<Element> selection) {
        if (lead == null || LineSignals.words(lead) < MIN_LEAD_WORDS || selection.isEmpty()) {
            return;
        }
        String key = normalize(lead);
        Element first = selection.get(0);
        for (Element e : body.getAllElements()) {
            if (e == first || isAncestor(e, first)) {
                if (e == first) {
                    return;
                }
                continue;
            }
            ScoringPass.Info info = run.info(e);
            if (info == null || info.chars == 0 || ScoringPass.INLINE_TAGS.contains(e.normalName())) {
                continue;
            }
            if (info.chars > key.length() * MAX_LEAD_SURPLUS) {
                continue;
            }
            String text = normalize(e.text());
            if (text.contains(key) && !overlaps(e, selection) && !inChrome(run, e, body)) {
                selection.add(0, e);
                return;
            }
        }
    }

    private static String normalize(String text) {
        return text.replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    /** True when {@code c} lies under a sibling of one of the ancestors, with no chrome-named container on the way. */
    private static boolean beside(ScoringPass run, Element c, List<Element> ancestors) {
        for (Element e = c; e.parent() != null; e = e.parent()) {
            if (run.info(e) == null || run.info(e).kind == ClassHints.CHROME) {
                return false;
            }
            if (ancestors.contains(e.parent())) {
                return true;
            }
        }
        return false;
    }

    private static boolean inChrome(ScoringPass run, Element e, Element body) {
        for (Element a = e; a != null && a != body; a = a.parent()) {
            ScoringPass.Info info = run.info(a);
            if (info == null || info.kind == ClassHints.CHROME) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(Element c, List<Element> selection) {
        for (Element s : selection) {
            if (s == c || isAncestor(s, c) || isAncestor(c, s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static void sortInDocumentOrder(List<Element> elements) {
        elements.sort(Adjacent::compareInDocument);
    }

    private static int compareInDocument(Element a, Element b) {
        List<Element> pa = chain(a);
        List<Element> pb = chain(b);
        int i = 0;
        while (i < pa.size() && i < pb.size() && pa.get(i) == pb.get(i)) {
            i++;
        }
        if (i == pa.size() || i == pb.size()) {
            return Integer.compare(pa.size(), pb.size());
        }
        return Integer.compare(pa.get(i).elementSiblingIndex(), pb.get(i).elementSiblingIndex());
    }

    private static List<Element> chain(Element e) {
        List<Element> chain = new ArrayList<>();
        for (Element p = e; p != null; p = p.parent()) {
            chain.add(0, p);
        }
        return chain;
    }
}
