package io.dragoman.core.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Short blocks of an HTML page that are chrome by their words alone, whatever the site: the generic profile's chrome
 * lines ("Teilen", "Advertisement"), lines opening with its footer, box and prompt phrases ("Lesen Sie auch", "Read
 * more:", "Jetzt abonnieren"),
 * copyright notices, comment counts and image credits ("Foto: dpa", "Photo by …", "Getty Images").
 */
final class BoilerplatePhrases {
    /** Longer blocks are text that happens to open with a phrase. */
    private static final int MAX_PHRASE_WORDS = 12;

    private static final Pattern CREDIT = Pattern.compile(
            "^[(\\[]?(photo|photos|foto|fotos|фото|bild|bilder|image|images|picture|credit|credits|quelle|source"
                    + "|beitragsbild|titelbild|titelfoto|symbolbild|aufmacherbild|zdjęcie|zdjęcia|źródło"
                    + "|источник|illustration|grafik|video|crédit|crédito|imagen)(\\s++(by|von|credit))?\\s*+[:/©]"
                    + "|^[(\\[]?(photo|foto|image|picture)\\s++(by|von|courtesy)\\b"
                    + "|getty images|\\bap photo\\b|\\breuters\\s*+/|\\bdpa\\s*+[/-]|\\bshutterstock\\b|\\bimago\\b"
                    + "|^©|^\\(c\\)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final Set<String> chrome;
    private final List<String> prefixes;
    private final List<String> prompts;

    BoilerplatePhrases(BoilerplateProfile generic) {
        chrome = new HashSet<>(generic.normalizedSet(generic.chromeLines()));
        prefixes = new ArrayList<>(generic.normalizedSet(generic.footerPrefixes()));
        prefixes.addAll(generic.normalizedSet(generic.boxPrefixes()));
        prompts = new ArrayList<>(generic.normalizedSet(generic.promptPrefixes()));
    }

    /**
     * True when a block of text is chrome by its words. A reader prompt may run to a few sentences ("Síguenos en
     * Telegram … para recibir en directo todas nuestras actualizaciones"), other phrases open short blocks only.
     */
    boolean isBoilerplate(String block) {
        int words = LineSignals.words(block);
        if (words > LineSignals.MAX_MARKER_WORDS) {
            return false;
        }
        String key = BoilerplateProfile.normalize(block);
        if (startsWithAny(key, prompts)) {
            return true;
        }
        if (words > MAX_PHRASE_WORDS) {
            return LineSignals.isCopyright(block);
        }
        if (chrome.contains(key) || startsWithAny(key, prefixes)) {
            return true;
        }
        return LineSignals.isCopyright(block)
                || LineSignals.isCommentCount(block)
                || CREDIT.matcher(block).find();
    }

    /** True for a short block that credits a picture ("Foto: dpa", "Photo by …", "Getty Images"). */
    static boolean isCredit(String block) {
        return LineSignals.words(block) <= MAX_PHRASE_WORDS
                && CREDIT.matcher(block).find();
    }

    private static boolean startsWithAny(String key, List<String> phrases) {
        for (String prefix : phrases) {
            if (key.startsWith(prefix)
                    && (key.length() == prefix.length() || !Character.isLetterOrDigit(key.charAt(prefix.length())))) {
                return true;
            }
        }
        return false;
    }
}
