package io.dragoman.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.testing.SyntheticNews.Article;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts a stand-in model answers with, made from the request alone: the English of each marked unit of a
 * translation prompt's article block, and summary objects (valid, or broken in the ways models break them). Shared by
 * the fault soak, the golden runs, the stand-in server and the token benchmark so that all answer alike.
 */
public final class StandInReplies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNIT = Pattern.compile("(?s)^\\[(T|D|\\d{1,4})] (.*)$");
    private static final Pattern UNITS = Pattern.compile("\n\n");
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

    /** The marked units ({@code [T]}, {@code [D]}, {@code [n]}) of an article block, each as marker and text. */
    public static List<String[]> units(String block) {
        return UNITS.splitAsStream(block)
                .map(UNIT::matcher)
                .filter(Matcher::matches)
                .map(m -> new String[] {m.group(1), m.group(2).strip()})
                .toList();
    }

    /**
     * The translation reply: each unit's English under its marker; a unit whose English is unknown is echoed and
     * {@code onMiss} runs.
     */
    public static String translation(List<String[]> units, Map<String, String> english, Runnable onMiss) {
        StringBuilder reply = new StringBuilder();
        for (String[] unit : units) {
            String en = english.get(unit[1]);
            if (en == null) {
                onMiss.run();
                en = unit[1];
            }
            if (!reply.isEmpty()) {
                reply.append("\n\n");
            }
            reply.append('[').append(unit[0]).append("] ").append(en);
        }
        return reply.toString();
    }

    /**
     * A summary valid against the schema, from an article's English paragraphs.
     *
     * @param first the article whose title, person, city and topic the summary takes
     * @param english the English paragraphs
     * @param german the German paragraphs (the person is named when one of them names it)
     * @param maxKeyPoints how many paragraphs give a key point
     */
    public static String summary(Article first, List<String> english, List<String> german, int maxKeyPoints) {
        ObjectNode s = JSON.createObjectNode();
        s.put("headline", first.titleEn().replaceAll("\\s*\\(No\\. \\d+\\)$", ""));
        s.put("summary", english.get(0) + " " + firstSentence(english.get(1)));
        ArrayNode points = s.putArray("keyPoints");
        english.stream().limit(maxKeyPoints).forEach(p -> points.add(firstSentence(p)));
        ArrayNode people = s.putArray("people");
        if (german.stream().anyMatch(p -> p.contains(first.person()))) {
            people.addObject().put("name", first.person()).put("role", first.roleEn());
        }
        s.putArray("organizations");
        s.putArray("locations").add(first.cityEn());
        s.putArray("quotes");
        s.putArray("topics").add(first.topicEn()).add("local news");
        return s.toString();
    }

    /** A summary with every field empty: what the stand-in answers about an article it does not know. */
    public static String emptySummary() {
        ObjectNode s = JSON.createObjectNode();
        s.put("headline", "");
        s.put("summary", "");
        for (String field : List.of("keyPoints", "people", "organizations", "locations", "quotes", "topics")) {
            s.putArray(field);
        }
        return s.toString();
    }

    private static String firstSentence(String paragraph) {
        int end = paragraph.indexOf(". ");
        return end < 0 ? paragraph : paragraph.substring(0, end + 1);
    }
}
