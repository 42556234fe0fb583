package io.dragoman.core.clean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dragoman.core.Dragoman;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.pipeline.ArticleOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cleaning never touches the network or the file system on a page's behalf: pages that reference resources of every
 * kind (images, scripts, style sheets, frames, a base URL, a meta refresh, CSS imports, srcset, objects, an external
 * DTD) on a loopback server go through every cleaner entry point, and the server sees no request; an external entity
 * naming a local file is never resolved, so the file's text never appears.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoFetchTest {

    private static final String FETCHED = "FETCHED-BY-THE-CLEANER";
    private static final String SECRET = "SECRET-FILE-CONTENT-4711";

    private WireMockServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    void start() {
        server = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
        server.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<p>" + FETCHED + "</p>")));
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    private static final String BODY = "<p>Die Regierung hat am Montag in Minsk ein neues Gesetz über den Verkehr"
            + " beschlossen, das ab dem kommenden Jahr gelten soll und viele Bereiche betrifft.</p>"
            + "<p>Nach Angaben des Ministeriums sollen damit die Zahl der Unfälle gesenkt und die Straßen sicherer"
            + " werden, vor allem in den größeren Städten des Landes.</p>"
            + "<p>Kritiker bemängeln, dass die Finanzierung der neuen Maßnahmen noch nicht geklärt ist, und verlangen"
            + " eine Debatte im Parlament.</p>";

    /** Pages whose every reference points at the loopback server, and one whose entities name a local file. */
    private List<String> pages() throws IOException {
        String at = "http://127.0.0.1:" + server.port();
        Path secret = Files.writeString(tmp.resolve("secret.txt"), SECRET);
        String resources = "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">"
                + "<base href=\"" + at + "/base/\">"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + at + "/refresh\">"
                + "<link rel=\"stylesheet\" href=\"" + at + "/style.css\">"
                + "<link rel=\"preload\" href=\"" + at + "/preload.js\" as=\"script\">"
                + "<link rel=\"icon\" href=\"" + at + "/favicon.ico\">"
                + "<style>@import url(\"" + at + "/import.css\"); body { background: url(" + at
                + "/bg.png) }</style>"
                + "<script src=\"" + at + "/script.js\"></script>"
                + "<script type=\"application/ld+json\">{\"@context\": \"" + at + "/context.jsonld\","
                + " \"@type\": \"NewsArticle\", \"headline\": \"Neues Verkehrsgesetz\"}</script>"
                + "<title>Neues Verkehrsgesetz</title></head><body>"
                + "<iframe src=\"" + at + "/frame\"></iframe>"
                + "<article><h1>Neues Verkehrsgesetz</h1>"
                + "<img src=\"" + at + "/img.png\" srcset=\"" + at + "/img-2x.png 2x, " + at + "/img-3x.png 3x\""
                + " alt=\"Bild\">"
                + "<picture><source srcset=\"" + at + "/pic.webp\"><img src=\"" + at + "/pic.jpg\"></picture>"
                + "<div style=\"background-image: url('" + at + "/div.png')\"></div>"
                + BODY
                + "<object data=\"" + at + "/object.swf\"></object><embed src=\"" + at + "/embed.swf\">"
                + "<video poster=\"" + at + "/poster.jpg\" src=\"" + at + "/video.mp4\"></video>"
                + "<audio src=\"" + at + "/audio.mp3\"></audio>"
                + "<svg><image href=\"" + at + "/svg.png\"/></svg>"
                + "<a href=\"" + at + "/link\">Mehr</a></article></body></html>";
        String entities = "<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n"
                + "<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">\n"
                + "<!ENTITY remote SYSTEM \"" + at + "/entity\">\n"
                + "<!ENTITY % dtd SYSTEM \"" + at + "/parameter.dtd\"> %dtd;\n"
                + "]>\n<html lang=\"de\"><head><title>Neues Verkehrsgesetz &secret;</title></head><body><article>"
                + "<h1>Neues Verkehrsgesetz &remote;</h1>" + BODY.replace("Montag", "Montag &secret; &remote;")
                + "</article></body></html>";
        String externalDtd = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"" + at + "/xhtml.dtd\">"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Neues Verkehrsgesetz</title>"
                + "<?xml-stylesheet href=\"" + at + "/pi.xsl\"?></head><body><article>" + BODY
                + "</article></body></html>";
        return List.of(resources, entities, externalDtd);
    }

    @Test
    void noCleanerEntryPointFetchesWhatAPageReferencesOrResolvesItsEntities() throws IOException {
        List<String> texts = new ArrayList<>();
        HtmlCleaner html = new HtmlCleaner(
                SharedCleaner.profiles(), SharedCleaner.languages(), DetectingCleaner.DEFAULT_MAX_BYTES);
        TextCleaner text = new TextCleaner(
                SharedCleaner.profiles(), SharedCleaner.languages(), DetectingCleaner.DEFAULT_MAX_BYTES);
        DetectingCleaner detecting = new DetectingCleaner(
                SharedCleaner.profiles(), SharedCleaner.languages(), DetectingCleaner.DEFAULT_MAX_BYTES);
        int n = 0;
        for (String page : pages()) {
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            String location = "http://127.0.0.1:" + server.port() + "/page-" + n + ".html";
            RawArticle raw = RawArticle.of(new ArticleId("page-" + n++), location, bytes);
            RawArticle typed =
                    new RawArticle(raw.id(), raw.location(), raw.content(), Optional.of("text/html; charset=utf-8"));
            detecting.observe(raw);
            texts.add(all(detecting.clean(raw)));
            texts.add(all(detecting.clean(typed)));
            texts.add(all(html.clean(raw)));
            texts.add(all(html.cleanHtml(raw.id(), location, page, new ArrayList<>())));
            try {
                text.observe(raw);
                texts.add(all(text.clean(raw)));
            } catch (CleaningException e) {
                texts.add(e.getMessage());
            }
            try (Dragoman dragoman =
                    Dragoman.builder().languages(SharedCleaner.languages()).build()) {
                ArticleOutcome outcome = dragoman.process(typed);
                assertThat(outcome).isInstanceOf(ArticleOutcome.Done.class);
                texts.add(all(((ArticleOutcome.Done) outcome).article()));
            }
        }

        assertThat(server.getAllServeEvents()).as("requests the cleaners made").isEmpty();
        assertThat(texts)
                .hasSize(18)
                .allSatisfy(t -> assertThat(t).doesNotContain(FETCHED).doesNotContain(SECRET));
        assertThat(texts.get(6)).contains("Neues Verkehrsgesetz").contains("Montag");
    }

    private static String all(CleanedArticle a) {
        return a.title() + "\n" + String.join("\n", a.paragraphs()) + "\n" + a.metadata();
    }
}
