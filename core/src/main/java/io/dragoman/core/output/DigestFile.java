package io.dragoman.core.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.output.Digest.Overview;
import io.dragoman.core.output.Digest.Period;
import io.dragoman.core.output.Digest.Sentence;
import io.dragoman.core.pipeline.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code DIR/digest.json}: the options of the last {@code dragoman digest} and the overviews it wrote, so that every
 * later render of the site shows the digest that was asked for. An overview is kept with the ids of the articles it
 * was written from and shown only while its period still holds exactly those articles.
 */
final class DigestFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the file holds. */
    record Saved(DigestOptions options, Map<String, List<String>> articles, Map<String, Overview> overviews) {
        static final Saved NONE = new Saved(DigestOptions.WEEKLY, Map.of(), Map.of());

        /** The digest with each overview whose period holds the articles it was written from. */
        Digest apply(Digest digest) {
            List<Period> periods = new ArrayList<>();
            for (Period p : digest.periods()) {
                Overview o = overviews.get(p.key());
                periods.add(o != null && p.articleIds().equals(articles.get(p.key())) ? p.withOverview(o) : p);
            }
            return new Digest(digest.options(), periods, digest.undated(), digest.outside());
        }
    }

    private DigestFile() {}

    /** Reads the file; {@link Saved#NONE} when there is none, or when it cannot be read (it is then rewritten). */
    static Saved read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Saved.NONE;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            DigestOptions options = new DigestOptions(
                    date(root.path("since")),
                    date(root.path("until")),
                    DigestOptions.Period.valueOf(root.path("by").asText("WEEK").toUpperCase(java.util.Locale.ROOT)));
            Map<String, List<String>> articles = new HashMap<>();
            Map<String, Overview> overviews = new HashMap<>();
            for (JsonNode p : root.path("overviews")) {
                String key = p.path("period").asText();
                articles.put(key, strings(p.path("articles")));
                List<Sentence> sentences = new ArrayList<>();
                for (JsonNode s : p.path("sentences")) {
                    sentences.add(new Sentence(s.path("text").asText(), strings(s.path("cites"))));
                }
                overviews.put(
                        key,
                        new Overview(
                                sentences,
                                p.path("model").asText(),
                                p.path("dropped").asInt()));
            }
            return new Saved(options, articles, overviews);
        } catch (IOException | RuntimeException e) {
            return Saved.NONE;
        }
    }

    /** Writes the digest's options and overviews, atomically. */
    static void write(Path file, Digest digest) {
        ObjectNode root = JSON.createObjectNode();
        root.put("by", digest.options().by().option());
        digest.options().since().ifPresent(d -> root.put("since", d.toString()));
        digest.options().until().ifPresent(d -> root.put("until", d.toString()));
        ArrayNode list = root.putArray("overviews");
        for (Period p : digest.periods()) {
            p.overview().ifPresent(o -> {
                ObjectNode n = list.addObject();
                n.put("period", p.key());
                n.put("model", o.model());
                n.put("dropped", o.dropped());
                ArrayNode ids = n.putArray("articles");
                p.articleIds().forEach(ids::add);
                ArrayNode sentences = n.putArray("sentences");
                for (Sentence s : o.sentences()) {
                    ObjectNode sn = sentences.addObject().put("text", s.text());
                    ArrayNode cites = sn.putArray("cites");
                    s.cites().forEach(cites::add);
                }
            });
        }
        try {
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<LocalDate> date(JsonNode n) {
        return n.isTextual() ? Optional.of(LocalDate.parse(n.asText())) : Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
