package io.dragoman.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Web archives for tests, written with jwarc's own writer: captures of news pages (HTML, plain text, chunked and
 * gzip-encoded), and the records a crawl holds besides (requests, revisits, a 404, a PDF, a redirect, metadata).
 */
public final class TestWarcs {
    /** The capture time of every record these helpers write. */
    public static final Instant DATE = Instant.parse("2024-05-02T10:15:30Z");

    private TestWarcs() {}

    /** A German news page with a title and three paragraphs; {@code n} makes it differ from the others. */
    public static String page(int n) {
        return "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Stadtrat beschließt Haushalt "
                + n + "</title></head><body><nav><a href=\"/\">Startseite</a> <a href=\"/lokales\">Lokales</a></nav>"
                + "<article><h1>Stadtrat beschließt Haushalt " + n + "</h1>"
                + "<p>Der Stadtrat hat am Donnerstag den Haushalt für das kommende Jahr mit großer Mehrheit"
                + " beschlossen. Für Schulen und Kitas sind " + (10 + n) + " Millionen Euro vorgesehen.</p>"
                + "<p>Die Opposition kritisierte die hohen Ausgaben für den Straßenbau. Der Kämmerer verteidigte"
                + " den Plan und verwies auf die gestiegenen Steuereinnahmen der Stadt.</p>"
                + "<p>Die Bürgerinnen und Bürger können den Entwurf bis Ende des Monats im Rathaus einsehen und"
                + " Einwände schriftlich einreichen.</p></article>"
                + "<footer>© Lokalzeitung · Impressum · Datenschutz</footer></body></html>";
    }

    /** The bytes of an HTTP response: status line, the headers as given, a blank line, the body. */
    public static byte[] http(int status, String reason, List<String> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " " + reason + "\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A 200 response with this HTML page in UTF-8, declared by the HTTP header. */
    public static WarcResponse htmlResponse(String uri, String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        return response(
                uri,
                http(
                        200,
                        "OK",
                        List.of("Content-Type: text/html; charset=UTF-8", "Content-Length: " + body.length),
                        body));
    }

    /** A 200 response with this text in {@code charset}, declared only by the HTTP header's charset. */
    public static WarcResponse encodedResponse(String uri, String type, String text, Charset charset) {
        byte[] body = text.getBytes(charset);
        return response(
                uri,
                http(
                        200,
                        "OK",
                        List.of(
                                "Content-Type: " + type + "; charset=" + charset.name(),
                                "Content-Length: " + body.length),
                        body));
    }

    /** A 200 response whose HTML page is gzip-encoded and sent in HTTP chunks of {@code chunk} bytes. */
    public static WarcResponse chunkedGzipResponse(String uri, String html, int chunk) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] z = zipped.toByteArray();
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int i = 0; i < z.length; i += chunk) {
            int n = Math.min(chunk, z.length - i);
            chunked.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(z, i, n);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return response(
                uri,
                http(
                        200,
                        "OK",
                        List.of(
                                "Content-Type: text/html; charset=utf-8",
                                "Content-Encoding: gzip",
                                "Transfer-Encoding: chunked"),
                        chunked.toByteArray()));
    }

    /** A response record holding these HTTP bytes. */
    public static WarcResponse response(String uri, byte[] http) {
        return new WarcResponse.Builder(uri)
                .date(DATE)
                .recordId(UUID.nameUUIDFromBytes((uri + http.length).getBytes(StandardCharsets.UTF_8)))
                .body(MediaType.HTTP_RESPONSE, http)
                .blockDigest(sha1(http))
                .build();
    }

    /** A resource record: the page itself, with its media type, no HTTP. */
    public static WarcResource resource(String uri, String type, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return new WarcResource.Builder(URI.create(uri))
                .date(DATE)
                .body(MediaType.parse(type), body)
                .blockDigest(sha1(body))
                .build();
    }

    /** The {@code WARC-Block-Digest} of a block, as crawlers write it. */
    private static WarcDigest sha1(byte[] block) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(block);
            return new WarcDigest(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A crawl's usual mix around {@code pages} HTML captures of {@code https://news.example/lokales/<n>.html}: a
     * warcinfo record first, then per page a request and the response, and after them one each of a revisit, a 404, a
     * PDF, a redirect and a metadata record. So the archive has {@code pages} articles and {@code pages} + 6 records
     * that are not.
     */
    public static List<WarcRecord> crawl(int pages) {
        List<WarcRecord> records = new ArrayList<>();
        records.add(new Warcinfo.Builder()
                .date(DATE)
                .fields(Map.of("software", List.of("tests")))
                .build());
        for (int n = 1; n <= pages; n++) {
            String uri = "https://news.example/lokales/" + n + ".html";
            records.add(new WarcRequest.Builder(uri)
                    .date(DATE)
                    .body(
                            MediaType.HTTP_REQUEST,
                            ("GET /lokales/" + n + ".html HTTP/1.1\r\nHost: news.example\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII))
                    .build());
            records.add(htmlResponse(uri, page(n)));
        }
        records.add(
                new WarcRevisit.Builder("https://news.example/lokales/1.html", WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                        .date(DATE)
                        .body(MediaType.HTTP_RESPONSE, http(200, "OK", List.of("Content-Type: text/html"), new byte[0]))
                        .build());
        records.add(response(
                "https://news.example/missing.html",
                http(404, "Not Found", List.of("Content-Type: text/html", "Content-Length: 9"), bytes("not found"))));
        records.add(response(
                "https://news.example/report.pdf",
                http(200, "OK", List.of("Content-Type: application/pdf", "Content-Length: 8"), bytes("%PDF-1.7"))));
        records.add(response(
                "http://news.example/lokales/",
                http(
                        301,
                        "Moved Permanently",
                        List.of("Location: https://news.example/lokales/", "Content-Length: 0"),
                        new byte[0])));
        records.add(new WarcMetadata.Builder()
                .date(DATE)
                .body(MediaType.WARC_FIELDS, bytes("fetchTimeMs: 120\r\n"))
                .build());
        return records;
    }

    /**
     * Writes the records as one archive, each record its own gzip member when {@code gzip}; returns each record's byte
     * offset in the file.
     */
    public static List<Long> write(Path file, boolean gzip, List<? extends WarcRecord> records) {
        List<Long> offsets = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                var writer = new org.netpreserve.jwarc.WarcWriter(
                        channel, gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
            for (WarcRecord record : records) {
                offsets.add(writer.position());
                writer.write(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return offsets;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
