package io.dragoman.core.translate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code paragraph-count}: the reply has exactly the chunk's markers, once each, in order, each with text. Without
 * this the translation cannot be aligned with the source paragraph by paragraph.
 */
final class ParagraphCountCheck implements TranslationCheck {

    @Override
    public String name() {
        return "paragraph-count";
    }

    @Override
    public Optional<Finding> check(ChunkReply r) {
        List<String> expected = r.chunk().markers();
        List<String> seen = r.reply().markerOrder();
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (String m : expected) {
            if (!r.reply().paragraphs().containsKey(m)) {
                missing.add("[" + m + "]");
            } else if (r.reply().text(m).isBlank()) {
                empty.add("[" + m + "]");
            }
        }
        Set<String> extra = new LinkedHashSet<>();
        Set<String> duplicated = new LinkedHashSet<>();
        Set<String> once = new LinkedHashSet<>();
        for (String m : seen) {
            if (!expected.contains(m)) {
                extra.add("[" + m + "]");
            } else if (!once.add(m)) {
                duplicated.add("[" + m + "]");
            }
        }
        if (!missing.isEmpty()) {
            problems.add("missing " + String.join(", ", missing));
        }
        if (!empty.isEmpty()) {
            problems.add("empty " + String.join(", ", empty));
        }
        if (!extra.isEmpty()) {
            problems.add("unexpected " + String.join(", ", extra));
        }
        if (!duplicated.isEmpty()) {
            problems.add("repeated " + String.join(", ", duplicated));
        }
        if (problems.isEmpty() && !new ArrayList<>(once).equals(expected)) {
            problems.add("out of order");
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(
                Severity.UNUSABLE,
                "The source has " + expected.size() + " marked paragraphs (" + String.join(" ", brackets(expected))
                        + ") and the reply must have exactly these, one translated paragraph each; the reply has "
                        + String.join("; ", problems) + "."));
    }

    private static List<String> brackets(List<String> markers) {
        return markers.stream().map(m -> "[" + m + "]").toList();
    }
}
