package io.dragoman.core.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code glossary}: every glossary term that occurs in the chunk's source has its required English rendering. */
final class GlossaryCheck implements TranslationCheck {

    @Override
    public String name() {
        return "glossary";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public Optional<String> check(ChunkReply r) {
        String english = r.englishText();
        List<String> violated = new ArrayList<>();
        for (Glossary.Entry e : r.glossary()) {
            if (!Glossary.rendered(e, english)) {
                violated.add(e.source() + " → " + e.target());
            }
        }
        if (violated.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The glossary requires these renderings, which the translation does not use: "
                + String.join(", ", violated) + ".");
    }
}
