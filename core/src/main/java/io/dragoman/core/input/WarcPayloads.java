package io.dragoman.core.input;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Turns one WARC record into an article, or says why it holds none. A {@code response} record with an HTTP 200 and an
 * HTML or plain-text payload becomes an article (its chunked transfer and its {@code Content-Encoding} decoded), as
 * does a {@code resource} record with such a content type; every other record is skipped under a kind.
 */
final class WarcPayloads {
    /** The media types read as articles; a payload without a type is read too and the cleaner judges its bytes. */
    static final Set<String> ARTICLE_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain");

    private static final int MAX_ID = 200;
    private static final int HASHED_HEAD = MAX_ID - 9;

    private WarcPayloads() {}

    /** What a record gave: an article, a record skipped under a kind, or a payload that could not be read. */
    sealed interface Result {
        /** A record that holds an article. */
        record Article(RawArticle article) implements Result {}

        /** A record that holds no article, and its kind ({@code request}, {@code status 404}, {@code image/png}). */
        record Skipped(String kind) implements Result {}

        /** A record whose payload cannot be read as an article, and why. */
        record Unreadable(String reason) implements Result {}
    }

    /**
     * The article of a record, or why there is none.
     *
     * @param location the record's location ({@code <file> at byte <offset>})
     * @param maxBytes payloads larger than this are unreadable as too large
     * @throws IOException when the record's bytes cannot be read (a cut-off or damaged record)
     */
    static Result of(WarcRecord record, String location, long maxBytes, UniqueIds ids) throws IOException {
        String target = record.headers()
                .first("WARC-Target-URI")
                .map(WarcPayloads::unbracket)
                .orElse("");
        Optional<String> type;
        MessageBody body;
        if (record instanceof WarcResponse response && isHttp(response.contentType())) {
            HttpResponse http = response.http();
            if (http.status() != 200) {
                return new Result.Skipped("status " + http.status());
            }
            type = http.headers().first("Content-Type");
            try {
                body = http.bodyDecoded();
            } catch (IOException e) {
                return new Result.Unreadable("the payload cannot be decoded: " + message(e));
            }
        } else if (record instanceof WarcResponse || record instanceof WarcResource) {
            type = record.headers().first("Content-Type");
            body = record.body();
        } else {
            return new Result.Skipped(record.headers().first("WARC-Type").orElse("untyped"));
        }
        Optional<MediaType> media = type.map(MediaType::parseLeniently);
        if (media.isPresent() && !ARTICLE_TYPES.contains(base(media.get()))) {
            return new Result.Skipped(base(media.get()));
        }
        byte[] bytes;
        try {
            // not closed here: closing the payload would close the record, which the reader reads to its end
            InputStream in = Channels.newInputStream(body);
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            if (body == record.body() || !readsToItsEnd(record)) {
                throw e;
            }
            // the record is whole: its payload's chunks or compression are broken
            return new Result.Unreadable("the payload cannot be decoded: " + message(e));
        }
        if (bytes.length > maxBytes) {
            return new Result.Unreadable(
                    String.format(Locale.ROOT, "too large: more than the limit of %,d bytes", maxBytes));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        record.headers().first("WARC-Date").ifPresent(d -> extra.put("warcDate", d));
        record.headers().first("WARC-Record-ID").ifPresent(r -> extra.put("warcRecordId", unbracket(r)));
        return new Result.Article(new RawArticle(
                ids.claim(idFor(target)),
                location,
                bytes,
                media.map(WarcPayloads::hint),
                Optional.of(target).filter(t -> !t.isBlank()),
                extra));
    }

    /**
     * An id from a target URI: without its scheme, a leading {@code www.} and the fragment, unsafe characters as
     * {@code _} ({@code https://www.example.org/news/a.html?p=2} → {@code example.org_news_a.html_p_2}). A URI too long
     * for an id keeps its head and gets a hash of the whole, so that long URIs sharing a head stay apart.
     */
    static ArticleId idFor(String target) {
        String rest = target.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*:(//)?", "").replaceFirst("^www\\.", "");
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        String id = ArticleId.derive(rest).value().replaceFirst("[._-]+$", "");
        if (id.length() >= MAX_ID) {
            id = id.substring(0, HASHED_HEAD) + "-" + sha256(target).substring(0, 8);
        }
        return id.isEmpty() ? new ArticleId("article") : ArticleId.derive(id);
    }

    /** True when the rest of the record's block can be read: the record is whole. */
    private static boolean readsToItsEnd(WarcRecord record) {
        try {
            record.body().consume();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isHttp(MediaType type) {
        return type.type().equalsIgnoreCase("application") && type.subtype().equalsIgnoreCase("http");
    }

    private static String base(MediaType type) {
        return (type.type() + (type.subtype().isEmpty() ? "" : "/" + type.subtype())).toLowerCase(Locale.ROOT);
    }

    /** The decoding hint for the cleaner: the media type and the declared charset, if any. */
    private static String hint(MediaType type) {
        Optional<String> charset = type.parameters().entrySet().stream()
                .filter(p -> p.getKey().equalsIgnoreCase("charset"))
                .map(Map.Entry::getValue)
                .findFirst();
        return base(type) + charset.map(c -> "; charset=" + c).orElse("");
    }

    private static String unbracket(String value) {
        return value.startsWith("<") && value.endsWith(">") ? value.substring(1, value.length() - 1) : value;
    }

    private static String message(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256.", e);
        }
    }
}
