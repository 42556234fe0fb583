package io.dragoman.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The article-extraction benchmark on disk: {@code ground-truth.json} ({@code {id: {url, articleBody}}}) and
 * {@code html/<id>.html.gz} (UTF-8).
 */
public final class AebCorpus {
    /** Where the benchmark lives, relative to the repository root. */
    public static final String DEFAULT_DIR = "../shared/benchmarks/aeb";

    /** One page of the benchmark: the page as served and its HTML flattened to plain text. */
    public record Page(String id, String url, String truth, String flatText, String html) {}

    private AebCorpus() {}

    /** Loads every page of the benchmark in id order, flattening the HTML. */
    public static List<Page> load(Path dir) {
        return load(dir, Integer.MAX_VALUE);
    }

    /** Loads the first {@code limit} pages of the benchmark in id order, flattening the HTML. */
    public static List<Page> load(Path dir, int limit) {
        JsonNode truth;
        try {
            truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read " + dir.resolve("ground-truth.json")
                            + ": pass the benchmark directory (the one holding ground-truth.json and html/)",
                    e);
        }
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : truth.properties()) {
            ids.add(entry.getKey());
        }
        ids.sort(null);
        List<Page> pages = new ArrayList<>();
        for (String id : ids.subList(0, Math.min(limit, ids.size()))) {
            JsonNode entry = truth.get(id);
            String html = readGzip(dir.resolve("html").resolve(id + ".html.gz"));
            pages.add(new Page(
                    id,
                    entry.path("url").asText(""),
                    entry.path("articleBody").asText(""),
                    PlainTextFlattener.flatten(html),
                    html));
        }
        return pages;
    }

    private static String readGzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
