package io.dragoman.core.prompt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system and user message of one task, with {@code {{variable}}} placeholders (LangChain4j's syntax), and the
 * named parts its blocks are made of (a glossary block, one glossary line, a context block, a re-ask), so that every
 * word a request sends comes from a file and code passes only data. Rendering is one pass: a value that itself
 * contains {@code {{…}}} (article text can) is inserted as it is.
 *
 * @param task the task, e.g. {@code translate}
 * @param system the system message template
 * @param user the user message template
 * @param parts the block templates by name, e.g. {@code translate/glossary} for {@code translate/glossary.md}
 * @param origin where the files came from, for error messages: {@code built-in} or a folder
 */
public record PromptTemplate(String task, String system, String user, Map<String, String> parts, String origin) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");
    private static final Pattern THREE_OR_MORE_NEWLINES = Pattern.compile("\n{3,}");

    /** Validates the components; line endings are normalised to {@code \n} so the version is the same everywhere. */
    public PromptTemplate {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(origin, "origin");
        system = Objects.requireNonNull(system, "system").replace("\r\n", "\n");
        user = Objects.requireNonNull(user, "user").replace("\r\n", "\n");
        TreeMap<String, String> normalised = new TreeMap<>();
        Objects.requireNonNull(parts, "parts")
                .forEach((name, text) -> normalised.put(name, text.replace("\r\n", "\n")));
        parts = Collections.unmodifiableSortedMap(normalised);
        if (user.isBlank()) {
            throw new IllegalArgumentException("The user message of prompt '" + task + "' (" + origin + ") is empty.");
        }
    }

    /** A template without parts. */
    public PromptTemplate(String task, String system, String user, String origin) {
        this(task, system, user, Map.of(), origin);
    }

    /**
     * The version: the first 12 hex digits of the SHA-256 of the task name, both messages and every part with its
     * name. Changes whenever any file the task's requests are made of does; stored with every result.
     */
    public String version() {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256.", e);
        }
        List<String> hashed = new ArrayList<>(List.of(task, system, user));
        parts.forEach((name, text) -> {
            hashed.add(name);
            hashed.add(text);
        });
        for (String part : hashed) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) ':');
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
    }

    /** The names of the placeholders in both messages, in order of first use. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        for (String text : new String[] {system, user}) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * Fills in every placeholder. Values may be empty (an optional block such as a glossary); runs of blank lines left
     * by empty blocks are collapsed to one. Values not used by the template are ignored.
     *
     * @throws IllegalArgumentException naming the placeholders that have no value
     */
    public RenderedPrompt render(Map<String, String> values) {
        Set<String> missing = new LinkedHashSet<>(variables());
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "Prompt '" + task + "' (" + origin + ") needs values for " + String.join(", ", missing) + ".");
        }
        return new RenderedPrompt(task, fill(system, values), fill(user, values), version());
    }

    /**
     * Fills in one part: the file's text without its final line break, every placeholder replaced, nothing else
     * changed (the message it goes into is tidied when it is rendered).
     *
     * @param name the part's name, e.g. {@code translate/glossary}
     * @throws IllegalArgumentException when the template has no such part, or a placeholder has no value
     */
    public String part(String name, Map<String, String> values) {
        String text = parts.get(name);
        if (text == null) {
            throw new IllegalArgumentException("Prompt '" + task + "' (" + origin + ") has no part " + name + ".");
        }
        Matcher m = PLACEHOLDER.matcher(text);
        Set<String> missing = new LinkedHashSet<>();
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Part " + name + " of prompt '" + task + "' (" + origin
                    + ") needs values for " + String.join(", ", missing) + ".");
        }
        return substitute(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text, values);
    }

    private static String fill(String template, Map<String, String> values) {
        return THREE_OR_MORE_NEWLINES
                .matcher(substitute(template, values))
                .replaceAll("\n\n")
                .strip();
    }

    private static String substitute(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            m.appendReplacement(
                    out, Matcher.quoteReplacement(Objects.requireNonNull(values.get(m.group(1)), m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
