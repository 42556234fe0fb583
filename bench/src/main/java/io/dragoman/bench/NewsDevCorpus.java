package io.dragoman.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The German news development set on disk: {@code snippets.json} ({@code {"pages": {id: {url, html_lang,
 * german_snippets, with, without}}}}), {@code html/<id>.html.gz} (the page's raw bytes, any charset) and
 * {@code text/<id>.txt.gz} (the page flattened to plain text, UTF-8).
 */
final class NewsDevCorpus {
    /** Where the set lives, relative to the repository root. */
    static final String DEFAULT_DIR = "../shared/benchmarks/german-news-dev";

    /**
     * One page: the raw bytes as served, the flattened text, the snippets an extraction must and must not contain,
     * whether the page is German (German snippets or a {@code de} page language) and its fold.
     */
    record Page(
            String id,
            String url,
            byte[] html,
            String flatText,
            List<String> with,
            List<String> without,
            boolean german,
            Fold fold) {}

    /** Half of the set, by the first byte of the SHA-256 of the page id: even is A, odd is B. */
    enum Fold {
        A,
        B;

        static Fold of(String id) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
                return (hash[0] & 1) == 0 ? A : B;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }

    private NewsDevCorpus() {}

    /** True when {@code dir} looks like this set (it holds {@code snippets.json}). */
    static boolean isAt(Path dir) {
        return Files.isRegularFile(dir.resolve("snippets.json"));
    }

    /** Loads every page in id order. */
    static List<Page> load(Path dir) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(dir.resolve("snippets.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("snippets.json"), e);
        }
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.path("pages").properties()) {
            ids.add(entry.getKey());
        }
        ids.sort(null);
        List<Page> pages = new ArrayList<>();
        for (String id : ids) {
            JsonNode p = root.path("pages").get(id);
            byte[] html = readGzip(dir.resolve("html").resolve(id + ".html.gz"));
            String text = new String(readGzip(dir.resolve("text").resolve(id + ".txt.gz")), StandardCharsets.UTF_8);
            boolean german = p.path("german_snippets").asBoolean(false)
                    || p.path("html_lang")
                            .asText("")
                            .toLowerCase(java.util.Locale.ROOT)
                            .startsWith("de");
            pages.add(new Page(
                    id,
                    p.path("url").asText(""),
                    html,
                    text,
                    strings(p.path("with")),
                    strings(p.path("without")),
                    german,
                    Fold.of(id)));
        }
        return pages;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static byte[] readGzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
