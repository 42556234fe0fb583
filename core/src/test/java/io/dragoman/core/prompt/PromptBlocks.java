package io.dragoman.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks on a rendered prompt that untrusted text (article text, an earlier reply) stays inside the prompt's data
 * blocks ({@code <article>…</article>}, {@code <context>}, {@code <previous>}, {@code <translation>}): each block is
 * opened and closed at most once, no other tag of those names is left in the text, and every occurrence of an
 * untrusted fragment lies inside a block. For tests.
 */
public final class PromptBlocks {

    /** The names of the data blocks Dragoman's prompts use. */
    public static final List<String> NAMES = List.of("article", "context", "previous", "translation");

    private static final Pattern ANY_TAG =
            Pattern.compile("<\\s*/?\\s*(?:article|context|previous|translation)\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKER_LINE = Pattern.compile("(?m)^\\s*(?:\\*\\*)?\\[(T|D|\\d{1,4})]");

    private PromptBlocks() {}

    /** A data block's content range in a text: from after its opening tag to its closing tag. */
    public record Block(String name, int start, int end) {
        /** The block's content. */
        public String in(String text) {
            return text.substring(start, end);
        }
    }

    /**
     * The data blocks of {@code text}: each opens with its tag on a line of its own and closes with its closing tag on
     * a line of its own (a prompt may also name the tags in its prose). Checks that each block is opened and closed at
     * most once, in order, and that no block holds any tag of the blocks' names.
     */
    public static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        for (String name : NAMES) {
            List<Integer> opens = lines(text, "<" + name + ">");
            List<Integer> closes = lines(text, "</" + name + ">");
            assertThat(opens).as("<%s> opened once at most in:%n%s", name, text).hasSizeLessThanOrEqualTo(1);
            assertThat(closes)
                    .as("<%s> closed as often as opened in:%n%s", name, text)
                    .hasSameSizeAs(opens);
            if (opens.size() == 1) {
                int start = opens.get(0) + name.length() + 2;
                int end = closes.get(0);
                assertThat(end).as("</%s> after <%s>", name, name).isGreaterThanOrEqualTo(start);
                blocks.add(new Block(name, start, end));
            }
        }
        for (Block b : blocks) {
            assertThat(ANY_TAG.matcher(b.in(text)).find())
                    .as("a block tag inside the %s block of:%n%s", b.name(), text)
                    .isFalse();
        }
        return blocks;
    }

    /** Where {@code tag} stands on a line of its own. */
    private static List<Integer> lines(String text, String tag) {
        List<Integer> at = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(tag) + "$").matcher(text);
        while (m.find()) {
            at.add(m.start());
        }
        return at;
    }

    /**
     * Asserts that every occurrence of every fragment in {@code text} lies inside one of its data blocks.
     *
     * @return the blocks found
     */
    public static List<Block> assertOnlyInsideBlocks(String text, List<String> fragments) {
        List<Block> blocks = blocks(text);
        for (String fragment : fragments) {
            for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) {
                int at = i;
                assertThat(blocks.stream().anyMatch(b -> b.start() <= at && at + fragment.length() <= b.end()))
                        .as("\"%s\" at %d outside the data blocks %s of:\n%s", fragment, at, blocks, text)
                        .isTrue();
            }
        }
        return blocks;
    }

    /** The paragraph markers that start a line of the block, in order. */
    public static List<String> markers(String blockContent) {
        List<String> markers = new ArrayList<>();
        Matcher m = MARKER_LINE.matcher(blockContent);
        while (m.find()) {
            markers.add(m.group(1));
        }
        return markers;
    }
}
