package io.dragoman.core.translate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code numbers}: every number of a source paragraph (amounts, years, days, percentages, ordinals) appears in its
 * translation, whatever the notation: German {@code 1.234,5} is found as English {@code 1,234.5}, {@code 26.
 * November} as {@code 26 November}, {@code 1,5 Mio.} as {@code 1.5 million}, and small numbers also as words.
 */
final class NumbersCheck implements TranslationCheck {

    @Override
    public String name() {
        return "numbers";
    }

    @Override
    public Optional<Finding> check(ChunkReply r) {
        List<String> problems = new ArrayList<>();
        List<Integer> involved = new ArrayList<>();
        List<Unit> units = r.chunk().units();
        Set<String> chunkValues = Numbers.values(r.englishText(), Numbers.Style.POINT_DECIMAL);
        for (int i = 0; i < units.size(); i++) {
            String english = r.english(i);
            // a missing paragraph is reported by the paragraph-count check; look for its numbers anywhere then
            Set<String> found = english.isBlank() ? chunkValues : Numbers.values(english, Numbers.Style.POINT_DECIMAL);
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, Set<String>> n :
                    Numbers.in(units.get(i).text(), Numbers.Style.COMMA_DECIMAL).entrySet()) {
                if (Collections.disjoint(n.getValue(), found)) {
                    missing.add(n.getKey());
                }
            }
            if (!missing.isEmpty()) {
                problems.add("[" + r.chunk().markers().get(i) + "] lacks " + String.join(", ", missing));
                involved.add(i);
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                Severity.DOUBTFUL,
                "Numbers of the source are missing from the translation: " + String.join("; ", problems)
                        + ". Keep every number, written the English way.",
                involved));
    }
}
