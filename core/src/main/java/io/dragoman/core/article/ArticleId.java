package io.dragoman.core.article;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Identifies one article within a batch. Ids are used as file names for per-article outputs, so they are
 * restricted to letters, digits, {@code .}, {@code _} and {@code -}, never start with a dot, and never name one of
 * Windows' reserved devices ({@code CON}, {@code NUL.txt}, {@code com1}…), whatever the extension or case.
 *
 * @param value the id; never null, blank, or containing path separators
 */
public record ArticleId(@JsonValue String value) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");
    private static final Pattern UNSAFE_RUN = Pattern.compile("[^A-Za-z0-9._-]+");
    /** Names Windows gives to devices: a file called so, with any extension, opens the device instead. */
    private static final Pattern WINDOWS_DEVICE =
            Pattern.compile("(?i)(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(?:\\..*)?");

    /** Rejects ids that could not be used safely as a file name. */
    public ArticleId {
        Objects.requireNonNull(value, "article id");
        if (!SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("article id '" + value
                    + "' is not safe as a file name: use letters, digits, '.', '_' and '-' (at most 200)");
        }
        if (WINDOWS_DEVICE.matcher(value).matches()) {
            throw new IllegalArgumentException("article id '" + value
                    + "' is not safe as a file name: Windows reserves it for a device; add a character");
        }
    }

    /**
     * Derives an id from any text, such as a file name or a URL: unsafe characters become {@code _}, leading dots,
     * underscores and hyphens are dropped, the rest is cut to 200 characters, and a Windows device name gets a
     * {@code _} after its name part ({@code CON} → {@code CON_}, {@code nul.txt} → {@code nul_.txt}). Returns {@code
     * article} for null, empty, or text with nothing usable in it.
     */
    public static ArticleId derive(String text) {
        return deriveIfUsable(text).orElseGet(() -> new ArticleId("article"));
    }

    /**
     * Derives an id as {@link #derive} does, or returns empty when the text has nothing usable in it (null, blank,
     * only punctuation or non-Latin letters), so a caller can fall back to an id of its own.
     */
    public static Optional<ArticleId> deriveIfUsable(String text) {
        String cleaned = UNSAFE_RUN.matcher(text == null ? "" : text).replaceAll("_");
        cleaned = cleaned.replaceAll("^[._-]+", "");
        if (cleaned.length() > 200) {
            cleaned = cleaned.substring(0, 200);
        }
        if (WINDOWS_DEVICE.matcher(cleaned).matches()) {
            int dot = cleaned.indexOf('.');
            String name = dot < 0 ? cleaned : cleaned.substring(0, dot);
            cleaned = name + "_" + cleaned.substring(name.length());
            if (cleaned.length() > 200) {
                cleaned = cleaned.substring(0, 200);
            }
        }
        return cleaned.isEmpty() ? Optional.empty() : Optional.of(new ArticleId(cleaned));
    }

    @Override
    public String toString() {
        return value;
    }
}
