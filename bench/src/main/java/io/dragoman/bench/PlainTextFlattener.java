package io.dragoman.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML page into the plain text a simple scraper would save: the body's text, one line per block-level
 * element's own text, with scripts, styles and templates dropped and white space collapsed. This is a benchmark input
 * generator: it gives {@code TextCleaner} the kind of input it gets in production, not a cleaned page.
 */
public final class PlainTextFlattener {
    /** Elements whose content is never visible text. */
    static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template");

    /** Elements that start and end a line of their own, as a browser lays them out. */
    static final Set<String> BLOCKS = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "body",
            "br",
            "caption",
            "dd",
            "details",
            "dialog",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hgroup",
            "hr",
            "legend",
            "li",
            "main",
            "menu",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "tr",
            "ul");

    private PlainTextFlattener() {}

    /** Flattens an HTML page to plain text, one line per block of text, no blank lines. */
    public static String flatten(String html) {
        Document document = Jsoup.parse(html);
        document.select(String.join(",", DROPPED)).remove();
        return String.join("\n", lines(document.body()));
    }

    /** The text lines of an element and its descendants, in document order. */
    static List<String> lines(Element root) {
        LineCollector collector = new LineCollector();
        NodeTraversor.traverse(collector, root);
        collector.breakLine();
        return collector.lines;
    }

    private static final class LineCollector implements NodeVisitor {
        final List<String> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private boolean pendingSpace;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                append(text.getWholeText());
            } else if (isBlock(node)) {
                breakLine();
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (isBlock(node)) {
                breakLine();
            }
        }

        private static boolean isBlock(Node node) {
            return node instanceof Element element
                    && BLOCKS.contains(element.normalName().toLowerCase(Locale.ROOT));
        }

        private void append(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    pendingSpace = true;
                } else {
                    if (pendingSpace && line.length() > 0) {
                        line.append(' ');
                    }
                    pendingSpace = false;
                    line.append(c);
                }
            }
        }

        void breakLine() {
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            pendingSpace = false;
        }
    }
}
