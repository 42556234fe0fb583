package io.dragoman.core.summary;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON object in a model's reply: the reply itself, or the content of a Markdown fence, or the text from
 * the first {@code {} to the last {@code }} when prose surrounds it.
 */
final class JsonReply {

    private static final Pattern FENCE = Pattern.compile("```(?:json|JSON)?\\s*\\n(.*?)\\n?\\s*```", Pattern.DOTALL);

    private JsonReply() {}

    /** The candidate JSON object text, or empty when the reply holds no braces at all. */
    static Optional<String> extract(String reply) {
        String text = reply.strip();
        Matcher fence = FENCE.matcher(text);
        if (fence.find()) {
            text = fence.group(1).strip();
        }
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        return Optional.of(text.substring(start, end + 1));
    }
}
