package io.dragoman.core.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.testing.SyntheticNews.Article;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts a stand-in model answers with, made from the request alone: the English of each marked unit of a
 * translation prompt's article block, and summary objects (valid, or broken in the ways models break them). Shared by
 * the fault soak and the golden runs so that both answer alike.
 */
public final class StandInReplies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNIT = Pattern.compile("(?s)^\\[(T|D|\\d{1,4})] (.*)$");
    /** Between two sentences of the stand-in texts, which end at a full stop before a capital. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?]) (?=[A-ZÄÖÜ])");

    private StandInReplies() {}

    /**
     * The article block's marked units, each in English (or echoed in the source language), under their markers.
     *
     * @param english the English of each source unit, as the prompt holds it
     * @param user the translation or repair prompt
     * @param echo whether to answer with the source text instead of its English
     * @param unexpected hears of a unit without a marker or without English (then echoed)
     */
    public static String translation(
            Map<String, String> english, String user, boolean echo, Consumer<String> unexpected) {
        StringBuilder reply = new StringBuilder();
        for (String unit : articleBlock(user).split("\n\n")) {
            Matcher m = UNIT.matcher(unit);
            if (!m.matches()) {
                unexpected.accept("an unmarked unit in the article block: " + unit);
                continue;
            }
            String source = m.group(2).strip();
            String en = english.get(source);
            if (en == null) {
                unexpected.accept("no English for a unit: " + source);
                en = source;
            }
            if (!reply.isEmpty()) {
                reply.append("\n\n");
            }
            reply.append('[').append(m.group(1)).append("] ").append(echo ? source : en);
        }
        return reply.toString();
    }

    /**
     * The article block's marked units in English, except that the last sentence of each unit of several sentences is
     * left in the source language, as a model that tires at the end of a paragraph would answer.
     */
    public static String lastSentenceUntranslated(
            Map<String, String> english, String user, Consumer<String> unexpected) {
        StringBuilder reply = new StringBuilder();
        for (String unit : translation(english, user, false, unexpected).split("\n\n")) {
            Matcher m = UNIT.matcher(unit);
            String marker = m.matches() ? m.group(1) : "";
            String en = m.matches() ? m.group(2) : unit;
            String source = english.entrySet().stream()
                    .filter(e -> e.getValue().equals(en))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(en);
            String[] ens = SENTENCE_END.split(en);
            String[] sources = SENTENCE_END.split(source);
            String mixed = en;
            if (ens.length > 1 && sources.length > 1) {
                mixed = String.join(" ", java.util.Arrays.copyOf(ens, ens.length - 1)) + " "
                        + sources[sources.length - 1];
            }
            if (!reply.isEmpty()) {
                reply.append("\n\n");
            }
            reply.append('[').append(marker).append("] ").append(mixed);
        }
        return reply.toString();
    }

    /** The text between {@code <article>} and {@code </article>} of a prompt; empty when there is none. */
    public static String articleBlock(String user) {
        int open = user.indexOf("<article>\n");
        int close = user.indexOf("\n</article>", open + 1);
        return open < 0 || close < 0 ? "" : user.substring(open + "<article>\n".length(), close);
    }

    /** A marked translation without its last unit. */
    public static String withoutLastParagraph(String translation) {
        int cut = translation.lastIndexOf("\n\n");
        return cut < 0 ? "" : translation.substring(0, cut);
    }

    /** A summary object of a synthetic article that validates against the schema. */
    public static String summary(Article article) {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("headline", article.titleEn().replaceAll("\\s*\\(No\\. \\d+\\)$", ""));
        summary.put("summary", article.paragraphsEn().get(0));
        ArrayNode keyPoints = summary.putArray("keyPoints");
        article.paragraphsEn().forEach(p -> keyPoints.add(p.substring(0, p.indexOf('.') + 1)));
        summary.putArray("people").addObject().put("name", article.person()).put("role", article.roleEn());
        summary.putArray("organizations");
        summary.putArray("locations").add(article.cityEn());
        summary.putArray("quotes");
        summary.putArray("topics").add("local news").add("municipal affairs");
        return summary.toString();
    }

    /** The summary with an unquoted key and a trailing comma: JSON in looks only. */
    public static String invalidJson(String summary) {
        String broken = summary.replaceFirst("\"headline\"", "headline");
        return broken.substring(0, broken.length() - 1) + ",}";
    }

    /** Valid JSON of another shape: a renamed field, a string for a list, required fields missing. */
    public static String wrongSchema(Article article) {
        ObjectNode other = JSON.createObjectNode();
        other.put("title", article.titleEn());
        other.put("summary", article.paragraphsEn().get(0));
        other.put("keyPoints", article.paragraphsEn().get(1));
        other.putArray("people").add(article.person());
        return other.toString();
    }
}
