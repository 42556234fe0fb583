package io.dragoman.core.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives every line of a plain-text scrape its {@link LineKind}: chrome phrase, picture credit, a single "read also"
 * link ({@code Lesen Sie auch: <headline>}), footer, section, date, capture stamp, relative time, chrome learned from
 * the batch, or text; then turns "read also" boxes that the article continues after
 * from footer into {@link LineKind#BOX}. Holds the profiles and the batch's {@link ChromeLearner}, nothing per page.
 */
final class LineClassifier {
    /** Footer phrases and repeated navigation are short lines: a longer line is text that happens to start alike. */
    static final int MAX_PHRASE_WORDS = 10;

    /** A "read also" box inside the body lists at most this many link titles. */
    static final int MAX_BOX_LINKS = 4;

    private final BoilerplateProfiles profiles;
    private final ChromeLearner learner;

    LineClassifier(BoilerplateProfiles profiles, ChromeLearner learner) {
        this.profiles = profiles;
        this.learner = learner;
    }

    List<LineKind> classify(List<String> lines, Optional<BoilerplateProfile> profile, String group) {
        BoilerplateProfile generic = profiles.generic();
        Set<String> chrome = new HashSet<>(generic.normalizedSet(generic.chromeLines()));
        List<String> footers = new ArrayList<>(generic.normalizedSet(generic.footerPrefixes()));
        List<String> boxes = new ArrayList<>(generic.normalizedSet(generic.boxPrefixes()));
        List<String> prompts = new ArrayList<>(generic.normalizedSet(generic.promptPrefixes()));
        Set<String> sections = new HashSet<>();
        profile.ifPresent(p -> {
            chrome.addAll(p.normalizedSet(p.chromeLines()));
            footers.addAll(p.normalizedSet(p.footerPrefixes()));
            boxes.addAll(p.normalizedSet(p.boxPrefixes()));
            prompts.addAll(p.normalizedSet(p.promptPrefixes()));
            sections.addAll(p.normalizedSet(p.sections()));
        });
        footers.addAll(boxes);
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            counts.merge(BoilerplateProfile.normalize(line), 1, Integer::sum);
        }
        Set<String> seen = new HashSet<>();
        List<LineKind> kinds = new ArrayList<>(lines.size());
        for (String line : lines) {
            String key = BoilerplateProfile.normalize(line);
            boolean seenBefore = !seen.add(key);
            int words = LineSignals.words(line);
            Optional<DateParser.LineDate> date = DateParser.parseLine(line);
            LineKind kind;
            if (chrome.contains(key)
                    || LineSignals.isCommentHeader(line)
                    || BoilerplatePhrases.isCredit(line)
                    || words <= LineSignals.MAX_MARKER_WORDS && startsWithLabel(key, boxes)
                    || words <= LineSignals.MAX_MARKER_WORDS && startsWithPhrase(key, prompts)) {
                kind = LineKind.CHROME;
            } else if (isFooter(line, key, words, footers)) {
                kind = LineKind.FOOTER;
            } else if (sections.contains(key)) {
                kind = LineKind.SECTION;
            } else if (date.isPresent()) {
                kind = date.get().hasWeekday() && date.get().time() == null ? LineKind.CAPTURE : LineKind.DATE;
            } else if (LineSignals.isRelativeTime(line)) {
                kind = LineKind.TIMESTAMP;
            } else if (learner.isChrome(group, line) || isRepeated(counts.get(key), seenBefore, words)) {
                kind = LineKind.CHROME;
            } else {
                kind = LineKind.TEXT;
            }
            kinds.add(kind);
        }
        for (int i = 0; i < lines.size(); i++) {
            String key = BoilerplateProfile.normalize(lines.get(i));
            if (kinds.get(i) == LineKind.FOOTER && startsWithPhrase(key, boxes)) {
                markBoxInsideBody(lines, kinds, i);
            }
        }
        return kinds;
    }

    /**
     * Turns a box opened at {@code first} ({@code Lesen Sie auch} and up to {@link #MAX_BOX_LINKS} link titles) from
     * footer into {@link LineKind#BOX} when a paragraph of text follows it, so the article goes on after the box.
     */
    private static void markBoxInsideBody(List<String> lines, List<LineKind> kinds, int first) {
        int after = first + 1;
        while (after < lines.size() && after <= first + MAX_BOX_LINKS && !isParagraph(lines, kinds, after)) {
            if (kinds.get(after) != LineKind.TEXT) {
                return;
            }
            after++;
        }
        if (isParagraph(lines, kinds, after)) {
            for (int i = first; i < after; i++) {
                kinds.set(i, LineKind.BOX);
            }
        }
    }

    private static boolean isParagraph(List<String> lines, List<LineKind> kinds, int i) {
        return i < lines.size() && kinds.get(i) == LineKind.TEXT && LineWeights.weight(lines.get(i), LineKind.TEXT) > 0;
    }

    /** A short line starting with a footer phrase, a copyright notice, or a count of comments. */
    private static boolean isFooter(String line, String key, int words, List<String> footers) {
        return (words <= MAX_PHRASE_WORDS && startsWithPhrase(key, footers))
                || LineSignals.isCopyright(line)
                || LineSignals.isCommentCount(line);
    }

    /**
     * A short line that occurs more than once on the page is navigation; a longer line seen before on the page is a
     * copy (a caption repeated by a gallery, a teaser of the article), while its first occurrence may be the text.
     */
    private static boolean isRepeated(int count, boolean seenBefore, int words) {
        return (count > 1 && words <= MAX_PHRASE_WORDS) || seenBefore;
    }

    /**
     * True when {@code key} starts with one of the phrases followed by a colon: a label with the headline of one linked
     * article on the same line ({@code Lea también: …}). Such a line is one link within the article, whatever the
     * headline's length, not a box heading that may end it.
     */
    private static boolean startsWithLabel(String key, List<String> phrases) {
        for (String phrase : phrases) {
            if (key.length() > phrase.length() && key.startsWith(phrase) && key.charAt(phrase.length()) == ':') {
                return true;
            }
        }
        return false;
    }

    /** True when {@code key} is one of the phrases, or starts with one and the phrase ends at a word boundary. */
    private static boolean startsWithPhrase(String key, List<String> phrases) {
        for (String phrase : phrases) {
            if (key.startsWith(phrase)
                    && (key.length() == phrase.length()
                            || !Character.isLetterOrDigit(key.charAt(phrase.length()))
                            || !Character.isLetterOrDigit(phrase.charAt(phrase.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
