package io.dragoman.core.translate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Required renderings of names and terms ({@code Lawrow → Lavrov}, {@code OVKS → CSTO}): sent to the model with the
 * chunks they occur in, and checked in its translation. A source term matches as a whole word, also in its German
 * inflected forms ({@code Lukaschenkos}, {@code Unionsstaates}); a target matches as a phrase, ignoring case.
 * Immutable and thread-safe.
 */
public final class Glossary {

    private static final String RESOURCE_DIR = "/io/dragoman/core/translate/glossaries/";
    private static final String INFLECTION = "(?:s|es|e|en|n|er|ern)?";
    private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";

    /**
     * One required rendering.
     *
     * @param source the term as it is written in the source language; not blank
     * @param target its English rendering; not blank
     */
    public record Entry(String source, String target) {

        /** Validates that both terms are present and on one line. */
        public Entry {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            source = source.strip();
            target = target.strip();
            if (source.isEmpty() || target.isEmpty()) {
                throw new IllegalArgumentException("A glossary entry needs a source and a target term.");
            }
            if (source.contains("\n") || target.contains("\n")) {
                throw new IllegalArgumentException("A glossary term cannot span lines: " + source);
            }
        }

        @Override
        public String toString() {
            return source + " → " + target;
        }
    }

    private record Compiled(Entry entry, Pattern source, Pattern target) {}

    /** The empty glossary. */
    public static final Glossary EMPTY = new Glossary(List.of());

    private final List<Compiled> entries;

    /** A glossary of these entries; a later entry for the same source term replaces an earlier one. */
    public Glossary(List<Entry> entries) {
        Map<String, Entry> bySource = new LinkedHashMap<>();
        for (Entry e : entries) {
            bySource.put(e.source(), e);
        }
        List<Compiled> compiled = new ArrayList<>();
        for (Entry e : bySource.values()) {
            compiled.add(new Compiled(
                    e,
                    Pattern.compile(NOT_WORD_BEFORE + Pattern.quote(e.source()) + INFLECTION + NOT_WORD_AFTER),
                    Pattern.compile(
                            NOT_WORD_BEFORE + Pattern.quote(e.target()) + NOT_WORD_AFTER,
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        }
        this.entries = List.copyOf(compiled);
    }

    /**
     * The built-in glossary of a source (the cleaner's {@code metadata.source}, e.g. {@code BelTA}), or the empty
     * glossary when none ships for it.
     */
    public static Glossary builtIn(String source) {
        if (source == null || source.isBlank()) {
            return EMPTY;
        }
        String wanted = source.strip().toLowerCase(Locale.ROOT) + ".tsv";
        for (String line : resource("index.txt").split("\n")) {
            String name = line.strip();
            if (name.equals(wanted)) {
                return parse(resource(name), "built-in glossary " + name);
            }
        }
        return EMPTY;
    }

    /**
     * Reads a user's glossary: UTF-8, one {@code source<TAB>target} pair per line; blank lines and lines starting with
     * {@code #} are skipped.
     *
     * @throws IllegalArgumentException naming the file and line when a line is not a pair
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Glossary read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the glossary " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses glossary text in the TSV format of {@link #read}; {@code origin} names it in error messages. */
    public static Glossary parse(String tsv, String origin) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = tsv.replace("\r\n", "\n").split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                throw new IllegalArgumentException(origin + ", line " + (i + 1)
                        + ": expected a source term, a tab and its English rendering, found '" + line.strip() + "'.");
            }
            entries.add(new Entry(fields[0], fields[1]));
        }
        return new Glossary(entries);
    }

    /** This glossary with the other's entries added; the other wins where both have the same source term. */
    public Glossary with(Glossary other) {
        List<Entry> all = new ArrayList<>(entries());
        all.addAll(other.entries());
        return new Glossary(all);
    }

    /** Every entry, in order. */
    public List<Entry> entries() {
        return entries.stream().map(Compiled::entry).toList();
    }

    /** The entries whose source term occurs in the text. */
    public List<Entry> occurringIn(String text) {
        return entries.stream()
                .filter(c -> c.source().matcher(text).find())
                .map(Compiled::entry)
                .toList();
    }

    /** True when the entry's English rendering occurs in the text (ignoring case). */
    public static boolean rendered(Entry entry, String english) {
        return Pattern.compile(
                        NOT_WORD_BEFORE + Pattern.quote(entry.target()) + NOT_WORD_AFTER,
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(english)
                .find();
    }

    /** True when there are no entries. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public String toString() {
        return "Glossary" + entries();
    }

    private static String resource(String name) {
        try (InputStream in = Glossary.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("The built-in glossary resource " + name + " is missing.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in glossary " + name, e);
        }
    }
}
