package io.dragoman.core.clean;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The writing pass of {@link ContentExtractor}: walks the selected containers once more and emits their blocks, one
 * paragraph per block, leaving out chrome-named subtrees, consent notices, link lists, boilerplate phrases, lone
 * bylines and time stamps, and repeated sentences. One emitter per extraction.
 */
final class BlockEmitter {
    /** Blocks of at least this many words are kept once only. */
    private static final int MIN_DEDUPE_WORDS = 8;

    /** Blocks of at most this many words that read as a byline or time stamp are dropped. */
    private static final int MAX_STAMP_WORDS = 8;

    /** A chrome-named subtree holding more than this share of the selection's text is kept anyway. */
    private static final double KEEP_SHARE = 0.5;

    /**
     * A cookie or consent notice is dropped even when it holds most of the page (a consent wall scraped in place of the
     * article), as long as it is as short as such notices are; a longer subtree so named is a page wrapper.
     */
    private static final int CONSENT_MAX_CHARS = 1000;

    private static final Set<String> HEADING_TAGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private final BoilerplatePhrases phrases;
    private final ScoringPass run;
    private final int total;
    private final StringBuilder text = new StringBuilder();
    private int chars;
    private int linkChars;
    private boolean heading;
    private final List<String> blocks = new ArrayList<>();
    private final List<Boolean> headings = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    BlockEmitter(BoilerplatePhrases phrases, ScoringPass run, int total) {
        this.phrases = phrases;
        this.run = run;
        this.total = total;
    }

    void element(Element e) {
        ScoringPass.Info info = run.info(e);
        if (info == null || info.chars == 0) {
            return;
        }
        if (info.kind == ClassHints.CHROME && (info.chars < total * KEEP_SHARE || consentNotice(e, info))) {
            return;
        }
        String tag = e.normalName();
        boolean isBlock = !ScoringPass.INLINE_TAGS.contains(tag);
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
                } else if (!ScoringPass.INLINE_TAGS.contains(tag)) {
                    boolean wasHeading = heading;
                    element(c);
                    heading = wasHeading;
                } else {
                    ScoringPass.Info ci = run.info(c);
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

    private boolean consentNotice(Element e, ScoringPass.Info info) {
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
