package io.dragoman.bench;

import io.dragoman.core.testing.LocalNews;
import io.dragoman.core.testing.SyntheticNews;
import io.dragoman.core.testing.TestWarcs;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Writes a web archive of synthetic captures for measuring WARC input: {@code count} HTML pages of the batch
 * benchmark's German local news ({@link LocalNews}), each after its request record, with a 404 and a PDF every 50
 * pages, gzip-compressed record by record as Common Crawl's archives are. Records are written as they are made, so
 * the archive can be of any size.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.dragoman.bench.WarcSample /tmp/sample.warc.gz 2000</pre>
 */
public final class WarcSample {

    private WarcSample() {}

    /** Arguments: the archive to write and how many pages it holds. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: WarcSample FILE.warc.gz COUNT");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        try (FileChannel channel = FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP)) {
            for (int n = 0; n < count; n++) {
                SyntheticNews.Article a = LocalNews.NEWS.article(n);
                String uri = "https://lokal.example/" + a.id() + ".html";
                writer.write(new WarcRequest.Builder(uri)
                        .date(TestWarcs.DATE)
                        .body(
                                MediaType.HTTP_REQUEST,
                                ("GET /" + a.id() + ".html HTTP/1.1\r\nHost: lokal.example\r\n\r\n")
                                        .getBytes(StandardCharsets.US_ASCII))
                        .build());
                writer.write(TestWarcs.htmlResponse(uri, html(a)));
                if (n % 50 == 49) {
                    writer.write(TestWarcs.response(
                            uri + "?page=2",
                            TestWarcs.http(404, "Not Found", List.of("Content-Length: 0"), new byte[0])));
                    writer.write(TestWarcs.response(
                            "https://lokal.example/" + a.id() + ".pdf",
                            TestWarcs.http(
                                    200,
                                    "OK",
                                    List.of("Content-Type: application/pdf", "Content-Length: 8"),
                                    "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))));
                }
            }
            System.out.printf(Locale.ROOT, "%s: %d pages, %,d bytes%n", file, count, writer.position());
        }
    }

    /** The article as a news page: its chrome lines as navigation, its title, dateline and paragraphs. */
    private static String html(SyntheticNews.Article a) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(a.titleDe()))
                .append("</title></head><body><nav><a href=\"/\">Startseite</a> <a href=\"/lokales\">Lokales</a>"
                        + " <a href=\"/sport\">Sport</a></nav><article><h1>")
                .append(escape(a.titleDe()))
                .append("</h1>");
        for (int i = 0; i < a.paragraphsDe().size(); i++) {
            page.append("<p>")
                    .append(i == 0 ? escape(a.datelineDe()) + " " : "")
                    .append(escape(a.paragraphsDe().get(i)))
                    .append("</p>");
        }
        return page.append("</article><footer>Impressum · Datenschutz · Kontakt</footer></body></html>")
                .toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
