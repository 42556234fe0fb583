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

    /** What is known of one source paragraph, for judging the sentences of its translation. */
    record Source(Set<String> words, Set<String> lowerCase, Set<String> nouns, List<Set<String>> sentences) {}

    /** Reads a source paragraph split into its sentences. */
    Source source(List<String> sentences) {
        Set<String> words = new HashSet<>();
        Set<String> lowerCase = new HashSet<>();
        Set<String> nouns = new HashSet<>();
        List<Set<String>> bySentence = new ArrayList<>();
        for (String sentence : sentences) {
            List<String> tokens = tokens(sentence);
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
        return new Source(words, lowerCase, nouns, bySentence);
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
        int signs = 0;
        for (int i = 0; i < tokens.size(); i++) {
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
