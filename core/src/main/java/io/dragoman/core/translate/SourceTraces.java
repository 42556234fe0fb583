package io.dragoman.core.translate;

import io.dragoman.core.lang.Words;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traces of a German source paragraph in one sentence of its English translation: German function words, lower-case
 * German words copied from the source, German nouns copied from it, and whole source sentences left as they are. A
 * language detector is unreliable on one sentence, and names and numbers are legitimately shared; these signs are
 * not: a good English sentence carries none of them, or one by chance. Immutable and thread-safe.
 */
final class SourceTraces {

    /** A sentence with at least this many signs, making up {@link #MIN_SHARE} of its words, reads as German. */
    static final int MIN_SIGNS = 2;

    static final double MIN_SHARE = 0.15;
    /** The share of a sentence's lower-case words found in one source sentence above which it is that sentence. */
    static final double ECHO_SHARE = 0.5;
    /** Sentences with fewer lower-case words are not compared with the source sentences. */
    static final int ECHO_MIN_WORDS = 3;

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}][\\p{L}\\p{M}'’-]*");
    private static final Pattern UMLAUT = Pattern.compile("[äöüÄÖÜß]");
    /** Markup, placeholders and bracketed markers, the same in any language: not words of either. */
    private static final Pattern MARKUP = Pattern.compile("<[^<>]*>|\\{\\{[^{}]*}}|\\[[^\\[\\]]*]|https?://\\S+");
    /** Words that take a German noun after them: articles and prepositions fused with one. */
    private static final Set<String> DETERMINERS = Set.of(
            "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "einen", "eines", "zum", "zur",
            "im", "am", "vom", "beim", "ins", "dieser", "diese", "dieses", "diesem", "diesen");
    /** The prepositions that open the particles of a German place name ({@code am}, {@code an der}, {@code vor der}). */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("am", "an", "ob", "vor", "im", "bei", "auf", "unter");
    /** The articles that may follow such a preposition. */
    private static final Set<String> PLACE_ARTICLES = Set.of("der", "dem", "den");
    /** Words that open the particles of a name ({@code von der Leyen}, {@code van den Berg}). */
    private static final Set<String> NAME_PARTICLES = Set.of("von", "van", "de", "zu");
    /** Words that may follow those inside a name. */
    private static final Set<String> INNER_PARTICLES = Set.of("der", "den", "dem", "und", "zu");

    private final Set<String> functionWords;
    private final Set<String> shared;

    private SourceTraces(Set<String> functionWords, Set<String> shared) {
        this.functionWords = Set.copyOf(functionWords);
        this.shared = Set.copyOf(shared);
    }

    /** The built-in German word lists. */
    static SourceTraces german() {
        return new SourceTraces(words("german-function-words.txt"), words("shared-words.txt"));
    }

    /**
     * What is known of one source paragraph, for judging the sentences of its translation.
     *
     * @param words every word, in lower case
     * @param lowerCase the words written in lower case somewhere (or first in a sentence), in lower case
     * @param nouns the capitalised words that follow an article or a fused preposition
     * @param sentences each sentence's lower-case words
     * @param names the source's multi-word names joined by lower-case particles ({@code Frankfurt am Main}), as written
     */
    record Source(
            Set<String> words,
            Set<String> lowerCase,
            Set<String> nouns,
            List<Set<String>> sentences,
            Set<List<String>> names) {}

    /** Reads a source paragraph split into its sentences. */
    Source source(List<String> sentences) {
        Set<String> words = new HashSet<>();
        Set<String> lowerCase = new HashSet<>();
        Set<String> nouns = new HashSet<>();
        List<Set<String>> bySentence = new ArrayList<>();
        Set<List<String>> names = new HashSet<>();
        for (String sentence : sentences) {
            List<String> tokens = tokens(sentence);
            for (int i = 0; i < tokens.size(); i++) {
                if (opensName(tokens, i)) {
                    for (int end : nameEnds(tokens, i)) {
                        names.add(List.copyOf(tokens.subList(i, end)));
                    }
                }
            }
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                words.add(t.toLowerCase(Locale.ROOT));
                if (i == 0 || !Character.isUpperCase(t.charAt(0))) {
                    lowerCase.add(t.toLowerCase(Locale.ROOT));
                }
                if (i > 0
                        && DETERMINERS.contains(tokens.get(i - 1).toLowerCase(Locale.ROOT))
                        && Character.isUpperCase(t.charAt(0))) {
                    nouns.add(t);
                }
            }
            bySentence.add(lowerCaseWords(sentence));
        }
        return new Source(words, lowerCase, nouns, bySentence, names);
    }

    /**
     * True when a name may start at {@code i}: not an article or other function word, and not a noun after one (a
     * German noun phrase copied from the source, {@code die Entscheidung der Stadt}, still counts as German).
     */
    private boolean opensName(List<String> tokens, int i) {
        String lower = tokens.get(i).toLowerCase(Locale.ROOT);
        return !DETERMINERS.contains(lower)
                && !functionWords.contains(lower)
                && (i == 0 || !DETERMINERS.contains(tokens.get(i - 1).toLowerCase(Locale.ROOT)));
    }

    /**
     * The ends (exclusive, ascending) of the names that start at {@code start}: capitalised words joined by a place
     * preposition and perhaps an article ({@code Mülheim an der Ruhr}, {@code Bad Homburg vor der Höhe}, not {@code
     * Belarus der Nachrichtenagentur}, a genitive); each end follows a capitalised word after such a joint. Empty when
     * no such name starts there.
     */
    private static List<Integer> nameEnds(List<String> tokens, int start) {
        List<Integer> ends = new ArrayList<>();
        int i = start;
        while (i < tokens.size() && capitalised(tokens.get(i))) {
            i++;
        }
        while (i > start && i < tokens.size()) {
            int j = i;
            if (j < tokens.size() && PLACE_PREPOSITIONS.contains(tokens.get(j))) {
                j++;
                if (j < tokens.size() && PLACE_ARTICLES.contains(tokens.get(j))) {
                    j++;
                }
            }
            if (j == i || j == tokens.size() || !capitalised(tokens.get(j))) {
                break;
            }
            i = j;
            while (i < tokens.size() && capitalised(tokens.get(i))) {
                i++;
            }
            ends.add(i);
        }
        return ends;
    }

    private static boolean capitalised(String token) {
        return Character.isUpperCase(token.charAt(0));
    }

    /**
     * Which tokens of an English sentence belong to a name the source writes the same way, particles and all: a place
     * keeps its German name in English ({@code Frankfurt am Main}), and its {@code am} is no German left in the
     * sentence.
     */
    private static boolean[] inSourceName(List<String> tokens, Source source) {
        boolean[] in = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            List<Integer> ends = nameEnds(tokens, i);
            for (int e = ends.size() - 1; e >= 0; e--) {
                if (source.names().contains(tokens.subList(i, ends.get(e)))) {
                    for (int k = i; k < ends.get(e); k++) {
                        in[k] = true;
                    }
                    break;
                }
            }
        }
        return in;
    }

    /** True when the English sentence is a sentence of the source, or nearly (its lower-case words are). */
    boolean echoes(String english, Source source) {
        Set<String> words = lowerCaseWords(english);
        if (words.size() < ECHO_MIN_WORDS) {
            return false;
        }
        for (Set<String> sentence : source.sentences()) {
            long same = words.stream().filter(sentence::contains).count();
            if (same > ECHO_SHARE * words.size()) {
                return true;
            }
        }
        return false;
    }

    /** The German signs in an English sentence of this source's translation. */
    int signs(String english, Source source) {
        List<String> tokens = tokens(english);
        boolean[] named = inSourceName(tokens, source);
        int signs = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (named[i]) {
                continue;
            }
            String t = tokens.get(i);
            String lower = t.toLowerCase(Locale.ROOT);
            boolean capitalised = Character.isUpperCase(t.charAt(0));
            if ((!capitalised || i == 0) && functionWords.contains(lower)) {
                if (!inName(tokens, i)) {
                    signs++;
                }
            } else if (!capitalised
                    && lower.length() >= 4
                    && source.lowerCase().contains(lower)
                    && !shared.contains(lower)) {
                // a German verb, adjective or adverb copied from the source; a word the source writes only with a
                // capital is a noun, and the English that writes it in lower case has translated it (Region, region)
                signs++;
            } else if (capitalised && i > 0 && source.nouns().contains(t)) {
                signs++; // a German noun copied from the source, where it follows an article
            } else if (UMLAUT.matcher(t).find() && source.words().contains(lower)) {
                signs++;
            }
        }
        return signs;
    }

    /** True when the signs make the sentence read as German. */
    static boolean readsAsGerman(int signs, int words) {
        return signs >= MIN_SIGNS && signs >= MIN_SHARE * words;
    }

    /** The word count the share is taken over. */
    static int wordCount(String english) {
        return Words.of(english).size();
    }

    /**
     * True when the word at {@code i} is a particle of a name: in a run of lower-case particles that opens with {@code
     * von}, {@code van}, {@code de} or {@code zu}, between two capitalised words.
     */
    private static boolean inName(List<String> tokens, int i) {
        int start = i;
        while (start > 0 && INNER_PARTICLES.contains(tokens.get(start - 1))) {
            start--;
        }
        if (start > 0 && NAME_PARTICLES.contains(tokens.get(start - 1))) {
            start--;
        }
        if (!NAME_PARTICLES.contains(tokens.get(start))) {
            return false;
        }
        int end = i + 1;
        while (end < tokens.size() && INNER_PARTICLES.contains(tokens.get(end))) {
            end++;
        }
        return start > 0
                && end < tokens.size()
                && Character.isUpperCase(tokens.get(start - 1).charAt(0))
                && Character.isUpperCase(tokens.get(end).charAt(0));
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(MARKUP.matcher(text).replaceAll(" "));
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** The lower-case words of three letters or more, other than those starting with a capital (names, nouns). */
    private static Set<String> lowerCaseWords(String text) {
        Set<String> words = new HashSet<>();
        for (String t : tokens(text)) {
            if (t.length() >= 3 && !Character.isUpperCase(t.charAt(0))) {
                words.add(t.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static Set<String> words(String name) {
        String resource = "signs/" + name;
        try (InputStream in = SourceTraces.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
