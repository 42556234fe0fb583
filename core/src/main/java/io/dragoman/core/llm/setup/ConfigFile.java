package io.dragoman.core.llm.setup;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.llm.ProviderKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Dragoman's config file: a JSON object naming the provider and, optionally, its model, base URL and key, e.g.
 * {@code {"provider": "anthropic", "model": "claude-sonnet-4-5", "apiKey": "…"}}. A key belongs here or in the
 * environment, never on the command line, where {@code ps} shows it.
 *
 * @param choice what the file says about the provider
 * @param warnings problems worth telling the user that do not stop the run, e.g. a key readable by other users
 */
public record ConfigFile(ProviderChoice choice, List<String> warnings) {

    private static final Set<String> FIELDS = Set.of("provider", "model", "baseUrl", "apiKey");

    /** Validates and copies. */
    public ConfigFile {
        Objects.requireNonNull(choice, "choice");
        warnings = List.copyOf(warnings);
    }

    /** No config file. */
    public static final ConfigFile NONE = new ConfigFile(ProviderChoice.NONE, List.of());

    /**
     * Where Dragoman looks when no {@code --config} is given: {@code $XDG_CONFIG_HOME/dragoman/config.json}, else
     * {@code ~/.config/dragoman/config.json}; empty when neither variable is set.
     */
    public static Optional<Path> defaultLocation(Map<String, String> environment) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(Path.of(xdg, "dragoman", "config.json"));
        }
        String home = environment.get("HOME");
        if (home != null && !home.isBlank()) {
            return Optional.of(Path.of(home, ".config", "dragoman", "config.json"));
        }
        return Optional.empty();
    }

    /**
     * Reads a config file.
     *
     * @throws IllegalArgumentException naming the file when it is not UTF-8 text, not a JSON object of known fields,
     *     or names an unknown provider; the message never contains the key
     * @throws UncheckedIOException when it cannot be read
     */
    public static ConfigFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The config file " + file + " is not UTF-8 text.");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the config file " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException("The config file " + file
                    + " is not a config file: it nests too deeply or holds a value too long to read.");
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the offending text, which may be the key: report only the position.
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("The config file " + file + " is not valid JSON"
                    + (at == null ? "." : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")."));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The config file " + file + " must hold a JSON object, such as"
                    + " {\"provider\": \"openai\", \"model\": \"gpt-4.1-mini\"}.");
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
            if (!root.get(name).isTextual()) {
                throw new IllegalArgumentException(
                        "In the config file " + file + ", \"" + name + "\" must be a string.");
            }
        }
        if (!unknown.isEmpty()) {
            List<String> shown = unknown.stream().filter(ConfigFile::showable).toList();
            int hidden = unknown.size() - shown.size();
            throw new IllegalArgumentException("The config file " + file + " has unknown fields " + shown
                    + (hidden == 0 ? "" : " and " + hidden + " not shown (a name that could be a key)")
                    + "; known are provider, model, baseUrl and apiKey.");
        }
        Optional<ProviderKind> provider;
        try {
            provider = text(root, "provider").map(ProviderKind::fromId);
        } catch (IllegalArgumentException e) {
            String value = text(root, "provider").orElse("");
            if (showable(value)) {
                throw new IllegalArgumentException("In the config file " + file + ": " + e.getMessage(), e);
            }
            // without the cause, whose message holds the value: a stack trace (--verbose) must not show it either
            throw new IllegalArgumentException("In the config file " + file + ": "
                    + e.getMessage().replace("'" + root.get("provider").asText().strip() + "'", "(not shown)"));
        }
        Optional<String> key = text(root, "apiKey");
        List<String> warnings = new ArrayList<>();
        if (key.isPresent() && readableByOthers(file)) {
            warnings.add("The config file " + file + " holds an API key and other users can read it;"
                    + " restrict it with: chmod 600 " + file);
        }
        return new ConfigFile(new ProviderChoice(provider, text(root, "model"), text(root, "baseUrl"), key), warnings);
    }

    /**
     * Whether a name or value from the file may be repeated in a message: a short word such as a misspelt field or
     * provider name, never something as long or mixed as a key that was put in the wrong place.
     */
    private static boolean showable(String text) {
        return text.length() <= 24 && text.matches("[A-Za-z][A-Za-z0-9_.]*");
    }

    private static Optional<String> text(JsonNode root, String field) {
        return Optional.ofNullable(root.get(field))
                .map(JsonNode::asText)
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    private static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException | IOException e) {
            return false; // not a POSIX file system: nothing to check
        }
    }
}
