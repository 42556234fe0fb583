package io.dragoman.core.translate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the checks found on one article's chunks, turned into its {@link CheckResult}s: a finding on a first reply
 * that its repair fixed is {@code repaired}; one left on the reply kept is a {@code warning}, for {@code review} or
 * {@code failed} by its severity, with the paragraphs it names. Not thread-safe: one per article's steps.
 */
final class CheckLedger {

    private final Map<String, List<String>> firstFailures = new LinkedHashMap<>();
    private final Map<String, List<Finding>> remaining = new LinkedHashMap<>();
    private final Map<String, SortedSet<Integer>> remainingParagraphs = new LinkedHashMap<>();

    /** A finding on a reply that is asked again (repaired, split, or sent with a larger budget). */
    void first(String check, Finding finding) {
        firstFailures.computeIfAbsent(check, k -> new ArrayList<>()).add(finding.message());
    }

    /** A finding left on the reply kept for this chunk. */
    void left(String check, Finding finding, Chunk chunk) {
        remaining.computeIfAbsent(check, k -> new ArrayList<>()).add(finding);
        SortedSet<Integer> paragraphs = remainingParagraphs.computeIfAbsent(check, k -> new TreeSet<>());
        for (int unit : finding.units()) {
            Unit u = chunk.units().get(unit);
            paragraphs.add(
                    switch (u.kind()) {
                        case TITLE -> 0;
                        case DATELINE -> 1; // the dateline opens the first paragraph
                        case BODY -> u.paragraph() + 1;
                    });
        }
    }

    /** The result of each named check, in the order given. */
    List<CheckResult> results(List<String> checks) {
        List<CheckResult> results = new ArrayList<>();
        for (String name : checks) {
            if (remaining.containsKey(name)) {
                List<Finding> left = remaining.get(name);
                TranslationCheck.Severity severity = left.stream()
                        .map(Finding::severity)
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
                CheckResult.Status status =
                        switch (severity) {
                            case UNUSABLE -> CheckResult.Status.FAILED;
                            case DOUBTFUL -> CheckResult.Status.REVIEW;
                            case COSMETIC -> CheckResult.Status.WARNING;
                        };
                results.add(new CheckResult(
                        name,
                        status,
                        left.stream().map(Finding::message).toList(),
                        List.copyOf(remainingParagraphs.getOrDefault(name, new TreeSet<>()))));
            } else if (firstFailures.containsKey(name)) {
                results.add(new CheckResult(name, CheckResult.Status.REPAIRED, firstFailures.get(name)));
            } else {
                results.add(new CheckResult(name, CheckResult.Status.PASSED, List.of()));
            }
        }
        return results;
    }
}
