package io.dragoman.core.prompt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system and user message of one task, with {@code {{variable}}} placeholders (LangChain4j's syntax). Rendering
 * is one pass: a value that itself contains {@code {{…}}} (article text can) is inserted as it is.
 *
 * @param task the task, e.g. {@code translate}
 * @param system the system message template
 * @param user the user message template
 * @param origin where the files came from, for error messages: {@code built-in} or a folder
 */
public record PromptTemplate(String task, String system, String user, String origin) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");
    private static final Pattern THREE_OR_MORE_NEWLINES = Pattern.compile("\n{3,}");

    /** Validates the components; line endings are normalised to {@code \n} so the version is the same everywhere. */
    public PromptTemplate {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(origin, "origin");
        system = Objects.requireNonNull(system, "system").replace("\r\n", "\n");
        user = Objects.requireNonNull(user, "user").replace("\r\n", "\n");
        if (user.isBlank()) {
            throw new IllegalArgumentException("The user message of prompt '" + task + "' (" + origin + ") is empty.");
        }
    }

    /**
     * The version: the first 12 hex digits of the SHA-256 of the task name and both messages. Changes whenever a
     * template does; stored with every result and part of the model-call cache key.
     */
    public String version() {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256.", e);
        }
        for (String part : new String[] {task, system, user}) {
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

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            m.appendReplacement(
                    out, Matcher.quoteReplacement(Objects.requireNonNull(values.get(m.group(1)), m.group(1))));
        }
        m.appendTail(out);
        return THREE_OR_MORE_NEWLINES.matcher(out).replaceAll("\n\n").strip();
    }
}
