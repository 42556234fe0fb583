package io.dragoman.core.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@code glossary}: every glossary term that occurs in the chunk's source has its required English rendering. */
final class GlossaryCheck implements TranslationCheck {

    @Override
    public String name() {
        return "glossary";
    }

    @Override
    public Optional<Finding> check(ChunkReply r) {
        String english = r.englishText();
        List<String> violated = new ArrayList<>();
        Set<Integer> involved = new TreeSet<>();
        for (Glossary.Entry e : r.glossary()) {
            if (!Glossary.rendered(e, english)) {
                violated.add(e.source() + " → " + e.target());
                Glossary term = new Glossary(List.of(e));
                List<Unit> units = r.chunk().units();
                for (int i = 0; i < units.size(); i++) {
                    if (!term.occurringIn(units.get(i).text()).isEmpty()) {
                        involved.add(i);
                    }
                }
            }
        }
        if (violated.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                Severity.DOUBTFUL,
                "The glossary requires these renderings, which the translation does not use: "
                        + String.join(", ", violated) + ".",
                List.copyOf(involved)));
    }
}
