package io.dragoman.core.translate;

import io.dragoman.core.lang.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code quotes}: each paragraph's translation keeps the quoted passages of its source, so that what someone said
 * stays a quotation (and the summary's quotes can be traced to it). German „…“, »…«, «…» and "…" are counted in the
 * source; “…”, "…" and the others in the translation; quoted names and titles of one or two words are not. A
 * translation with fewer quoted passages than its source lost one, or turned it into reported speech.
 */
final class QuotesCheck implements TranslationCheck {

    /**
     * Passages of fewer words than this between the marks are not counted: a quoted name or title ({@code „Großer
     * Stein“}) is often written without marks in English, a quoted statement never is.
     */
    static final int MIN_QUOTED_WORDS = 3;

    private static final Pattern QUOTED =
            Pattern.compile("„([^“”\"]+)[“”\"]|»([^«]+)«|«([^»]+)»|“([^”]+)”|\"([^\"]+)\"");

    @Override
    public String name() {
        return "quotes";
    }

    @Override
    public Optional<Finding> check(ChunkReply r) {
        List<String> problems = new ArrayList<>();
        List<Integer> involved = new ArrayList<>();
        List<Unit> units = r.chunk().units();
        for (int i = 0; i < units.size(); i++) {
            String english = r.english(i);
            if (english.isBlank()) {
                continue;
            }
            int source = count(units.get(i).text());
            int kept = count(english);
            if (kept < source) {
                involved.add(i);
                problems.add("[" + r.chunk().markers().get(i) + "] has " + kept + " of " + source);
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                Severity.DOUBTFUL,
                "Quoted passages of the source are missing from the translation: " + String.join("; ", problems)
                        + ". Keep every quotation as a quotation, in English quotation marks.",
                involved));
    }

    /** The quoted passages of a text, however its quotation marks are written. */
    static int count(String text) {
        int n = 0;
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null && Words.of(m.group(g)).size() >= MIN_QUOTED_WORDS) {
                    n++;
                }
            }
        }
        return n;
    }
}
