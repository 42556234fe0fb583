package io.dragoman.core.clean;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Finds the article body of an HTML page and returns it as paragraphs. One pass over the DOM measures every element
 * (characters, link characters, commas) and gives each text block a score that flows to its ancestors, as Mozilla's
 * Readability does; the best-scoring container, with siblings that score nearly as well, is then walked once more to
 * emit its blocks, leaving out subtrees whose class or id reads as chrome, link lists and short boilerplate. Every step
 * takes time linear in the size of the page. The measuring is {@link ScoringPass}, the writing {@link BlockEmitter};
 * this class chooses the container between them.
 */
final class ContentExtractor {
    /** A sibling of the candidate's class joins by the text inside it only with at most this share of it in links. */
    private static final double MAX_SIBLING_LINK_DENSITY = 0.25;

    private final BoilerplatePhrases phrases;

    ContentExtractor(BoilerplatePhrases phrases) {
        this.phrases = phrases;
    }

    /** The article body of a page: its blocks in document order, or an empty list when it has none. */
    List<String> extract(Element body) {
        return extract(body, null);
    }

    /**
     * The article body of a page, with the page's lead: {@code lead} (the page's description, or null) is put in front
     * when the page shows it as a paragraph above the chosen body and outside it.
     */
    List<String> extract(Element body, String lead) {
        ScoringPass run = new ScoringPass();
        ScoringPass.Info rootInfo = run.measure(body, body, false, false);
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
            Adjacent.join(run, top, best, selection);
            Adjacent.intro(run, body, phrases, selection);
            Adjacent.lead(run, body, lead, selection);
        }
        int total = 0;
        for (Element e : selection) {
            total += run.info(e).chars;
        }
        BlockEmitter emitter = new BlockEmitter(phrases, run, total);
        for (Element e : selection) {
            emitter.element(e);
        }
        emitter.flush();
        return emitter.result();
    }

    /** Readability's step up: a parent that scores better than the candidate, before the scores fall too far. */
    private static Element climb(ScoringPass run, Element top) {
        double topScore = run.finalScore(top);
        double lastScore = topScore;
        double threshold = topScore / 3;
        Element parent = top.parent();
        while (parent != null && !parent.normalName().equals("body")) {
            ScoringPass.Info pi = run.info(parent);
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

    /**
     * The candidate and those of its siblings that score well or read as paragraphs of the same text. A sibling of the
     * candidate's own class (the next content element of a page builder, the body's first paragraph in an element of
     * its own) joins when it holds a text block and few links, however short: the candidate may be such a wrapper,
     * climbed to from the text inside it, and scores as little as its siblings do.
     */
    private static void select(ScoringPass run, Element top, List<Element> out) {
        Element parent = top.parent();
        if (parent == null || parent.normalName().equals("html")) {
            out.add(top);
            return;
        }
        double topScore = run.finalScore(top);
        double threshold = Math.max(10, topScore * 0.2);
        Map<Element, Double> inner = null;
        String topClass = top.className();
        for (Element sibling : parent.children()) {
            ScoringPass.Info si = run.info(sibling);
            if (si == null) {
                continue;
            }
            if (sibling == top) {
                out.add(sibling);
                continue;
            }
            boolean sameClass = !topClass.isEmpty() && sibling.className().equals(topClass);
            double bonus = sameClass ? topScore * 0.2 : 0;
            boolean append = si.scored && run.finalScore(sibling) + bonus >= threshold;
            if (!append
                    && sameClass
                    && si.kind != ClassHints.CHROME
                    && ScoringPass.linkDensity(si) <= MAX_SIBLING_LINK_DENSITY) {
                if (inner == null) {
                    inner = bestInside(run, parent);
                }
                append = inner.getOrDefault(sibling, 0.0) > 0;
            }
            if (!append && sibling.normalName().equals("p") && si.kind != ClassHints.CHROME) {
                double ld = ScoringPass.linkDensity(si);
                String text = sibling.text();
                append = si.chars > 80 && ld < 0.25 || si.chars > 0 && ld == 0 && LineSignals.endsLikeSentence(text);
            }
            if (append) {
                out.add(sibling);
            }
        }
    }

    /** For each child of {@code parent}, the best final score of a candidate inside it. */
    private static Map<Element, Double> bestInside(ScoringPass run, Element parent) {
        Map<Element, Double> best = new IdentityHashMap<>();
        for (Element c : run.candidates) {
            Element child = c;
            while (child != null && child.parent() != parent) {
                child = child.parent();
            }
            if (child != null) {
                best.merge(child, run.finalScore(c), Math::max);
            }
        }
        return best;
    }
}
