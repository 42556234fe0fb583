package io.dragoman.core.prompt;

import java.util.regex.Pattern;

/**
 * Makes untrusted text (an article, a model's earlier reply) safe to put inside a prompt's delimited block such as
 * {@code <article>…</article>}: an opening or closing tag of one of the prompt's own blocks gets its angle brackets
 * replaced by look-alike quotation marks ({@code ‹/article›}), so the text cannot end its block and pose as
 * instructions.
 */
public final class PromptData {

    private final Pattern tags;

    /**
     * Neutralises the tags of every data block Dragoman's built-in prompts use ({@code article}, {@code context},
     * {@code previous}, {@code translation}), whichever prompt the text goes into, so text made safe for one prompt
     * is safe in all of them.
     */
    public static PromptData standard() {
        return new PromptData("article", "context", "previous", "translation");
    }

    /** Neutralises these block names, e.g. {@code article}, {@code context}. */
    public PromptData(String... blockNames) {
        this.tags =
                Pattern.compile("<\\s*(/?\\s*(?:" + String.join("|", blockNames) + "))\\s*>", Pattern.CASE_INSENSITIVE);
    }

    /** The text with every tag of the blocks neutralised; otherwise unchanged. */
    public String escape(String text) {
        return tags.matcher(text)
                .replaceAll(m -> "‹" + m.group(1).replace("\\", "\\\\").replace("$", "\\$") + "›");
    }
}
