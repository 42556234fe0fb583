package io.dragoman.core.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds prompt templates: {@code <task>/system.md} and {@code <task>/user.md}, first in an override folder (the CLI's
 * {@code --prompts DIR}) file by file, then among those built into the jar under {@code io/dragoman/prompts/} (the
 * build copies the project's {@code prompts/} folder there). A missing {@code system.md} means no system message.
 * Immutable and thread-safe; files are read on each {@link #template} call.
 */
public final class PromptLibrary {

    /** Where the built-in templates live on the class path. */
    static final String RESOURCE_ROOT = "/io/dragoman/prompts/";

    private static final Pattern TASK = Pattern.compile("[a-z][a-z0-9-]*");

    private final Optional<Path> overrides;

    private PromptLibrary(Optional<Path> overrides) {
        this.overrides = overrides;
    }

    /** The templates built into the jar. */
    public static PromptLibrary builtIn() {
        return new PromptLibrary(Optional.empty());
    }

    /**
     * The built-in templates, with any file present in {@code folder} (as {@code <task>/system.md} or {@code
     * <task>/user.md}) used instead.
     *
     * @throws IllegalArgumentException when the folder does not exist
     */
    public static PromptLibrary withOverrides(Path folder) {
        Objects.requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("The prompts folder " + folder + " does not exist or is not a folder.");
        }
        return new PromptLibrary(Optional.of(folder));
    }

    /**
     * The template of a task.
     *
     * @param task e.g. {@code translate}: lower-case letters, digits and hyphens
     * @throws IllegalArgumentException when the task name is malformed or it has no {@code user.md} anywhere
     * @throws UncheckedIOException when a file exists but cannot be read
     */
    public PromptTemplate template(String task) {
        return template(task, List.of());
    }

    /**
     * The template of a task with the parts its blocks are made of, each a file {@code <task>/<name>.md} found like
     * the messages (an override folder first, then the built-in ones).
     *
     * @param parts the parts' names, e.g. {@code translate/glossary}; a task may use another task's parts
     * @throws IllegalArgumentException when a name is malformed or a part or {@code user.md} is found nowhere
     */
    public PromptTemplate template(String task, List<String> parts) {
        if (!TASK.matcher(task).matches()) {
            throw new IllegalArgumentException(
                    "'" + task + "' is not a prompt task name (like translate or summarize).");
        }
        Optional<Source> user = find(task, "user.md");
        if (user.isEmpty()) {
            throw new IllegalArgumentException(
                    "There is no prompt for task '" + task + "': expected " + task + "/user.md"
                            + overrides.map(dir -> " in " + dir + " or").orElse("") + " among the built-in prompts.");
        }
        Optional<Source> system = find(task, "system.md");
        String origin = user.get().origin()
                + system.filter(s -> !s.origin().equals(user.get().origin()))
                        .map(s -> " + " + s.origin())
                        .orElse("");
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : parts) {
            int slash = name.indexOf('/');
            if (slash < 0
                    || !TASK.matcher(name.substring(0, slash)).matches()
                    || !TASK.matcher(name.substring(slash + 1)).matches()) {
                throw new IllegalArgumentException(
                        "'" + name + "' is not a prompt part name (like translate/glossary).");
            }
            String file = name.substring(slash + 1) + ".md";
            Source part = find(name.substring(0, slash), file)
                    .orElseThrow(() -> new IllegalArgumentException("There is no prompt part " + name + ": expected "
                            + name + ".md"
                            + overrides.map(dir -> " in " + dir + " or").orElse("")
                            + " among the built-in prompts."));
            texts.put(name, part.text());
        }
        return new PromptTemplate(
                task, system.map(Source::text).orElse(""), user.get().text(), texts, origin);
    }

    /**
     * A file built into the jar's prompts, such as a reply's JSON schema ({@code review/schema.json}), as text.
     *
     * @throws IllegalStateException when the jar lacks it
     */
    public static String builtInFile(String task, String file) {
        String resource = RESOURCE_ROOT + task + "/" + file;
        try (InputStream in = PromptLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The built-in prompt file " + resource + " is missing from the jar.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in prompt file " + resource, e);
        }
    }

    private record Source(String text, String origin) {}

    private Optional<Source> find(String task, String file) {
        if (overrides.isPresent()) {
            Path path = overrides.get().resolve(task).resolve(file);
            if (Files.isRegularFile(path)) {
                try {
                    return Optional.of(new Source(
                            Files.readString(path, StandardCharsets.UTF_8),
                            overrides.get().toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the prompt file " + path + ": " + e.getMessage(), e);
                }
            }
        }
        String resource = RESOURCE_ROOT + task + "/" + file;
        try (InputStream in = PromptLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new Source(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in prompt " + resource + ": " + e.getMessage(), e);
        }
    }
}
