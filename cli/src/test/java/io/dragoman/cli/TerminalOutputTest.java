package io.dragoman.cli;

import static io.dragoman.cli.Cli.run;
import static io.dragoman.cli.Cli.runWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control characters and ANSI escapes in a page (title, body, file name) or in a model's reply never reach standard
 * output or error raw, whatever the command prints: cleaned text, Markdown, JSON, estimates, dry-run requests,
 * per-article lines, failure lines, reports and error messages. They show in caret notation instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerminalOutputTest {

    /** What a terminal acts on: C0 controls but tab and line feed, DEL, C1 controls, bidi overrides and isolates. */
    private static final Pattern RAW_CONTROL =
            Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");

    private static final String CLEAR = "\u001b[2J";
    private static final String RETITLE = "\u001b]0;owned\u0007";
    private static final String KEY = "sk-test-terminal-0123456789";

    private WireMockServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    void start() {
        server = StubChatServer.start();
        // a reply that obeys nothing and carries escapes of its own: the translation fails its checks
        StubChatServer.answerEveryChat(
                server,
                200,
                TranslateEndToEndTest.completion("Sure!" + CLEAR + " here you go\r\u009b31m [7] \u202egnp.exe"));
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    private Path page() throws IOException {
        String html = "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Minsk " + CLEAR
                + " Nachrichten " + RETITLE + "</title></head><body><article><h1>Minsk " + CLEAR + " Nachrichten "
                + " \u009b31m \u202e</h1>"
                + "<p>MINSK, 26. November (BelTA) – Die Regierung hat am Montag ein neues Gesetz über den Verkehr"
                + " beschlossen, das ab dem kommenden Jahr gelten soll." + CLEAR + "</p>"
                + "<p>Nach Angaben des Ministeriums sollen damit die Zahl der Unfälle gesenkt und die Straßen sicherer"
                + " werden, vor allem in den Städten\r und Dörfern." + RETITLE + "</p>"
                + "<p>Kritiker bemängeln, dass die Finanzierung der neuen Maßnahmen noch nicht geklärt ist, und"
                + " verlangen eine Debatte im Parlament.\u0008</p></article></body></html>";
        Path dir = Files.createDirectories(tmp.resolve("in"));
        return Files.writeString(dir.resolve("news" + CLEAR + "\u0007.html"), html, StandardCharsets.UTF_8);
    }

    private static void assertNoRawControls(Cli.Result r) {
        for (String stream : new String[] {r.out(), r.err()}) {
            String withoutLineEnds = stream.replace("\r\n", "\n");
            assertThat(RAW_CONTROL.matcher(withoutLineEnds).find())
                    .as("raw control character in:\n%s", stream)
                    .isFalse();
        }
    }

    @Test
    void cleanPrintsThePageWithItsEscapesVisibleInEveryFormat() throws IOException {
        Path page = page();

        for (String format : new String[] {"text", "md", "json", "jsonl"}) {
            Cli.Result r = run("clean", page.toString(), "--format", format, "-v");

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertNoRawControls(r);
            assertThat(r.out()).contains("Minsk");
        }
        Cli.Result text = run("clean", page.toString());
        assertThat(text.out())
                .startsWith("Minsk ^[[2J Nachrichten \\u009b31m \\u202e\n")
                .contains("gelten soll.^[[2J\n")
                .contains("Dörfern.^[]0;owned^G\n");
    }

    @Test
    void errorLinesShowTheFileNameWithItsEscapesVisible() {
        Cli.Result r = run("clean", tmp.resolve("missing" + CLEAR + ".html").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertNoRawControls(r);
        assertThat(r.err()).contains("missing^[[2J.html: no such file or directory");
    }

    @Test
    void estimateAndDryRunPrintTheRequestsWithTheEscapesVisible() throws IOException {
        Path page = page();
        String base = StubChatServer.baseUrl(server);

        Cli.Result estimate = run("estimate", page.toString());
        Cli.Result dryRun = runWith(
                Map.of("OPENAI_API_KEY", KEY),
                "run",
                page.toString(),
                "--out",
                tmp.resolve("dry").toString(),
                "--base-url",
                base,
                "--dry-run");

        assertThat(estimate.exitCode()).as(estimate.err()).isZero();
        assertNoRawControls(estimate);
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertNoRawControls(dryRun);
        assertThat(dryRun.out()).contains("[user]").contains("^[[2J");
    }

    @Test
    void aRunWhoseModelRepliesWithEscapesPrintsItsLinesAndReportWithTheEscapesVisible() throws IOException {
        Path page = page();
        Path out = tmp.resolve("out");
        String base = StubChatServer.baseUrl(server);

        Cli.Result r = runWith(
                Map.of("OPENAI_API_KEY", KEY),
                "run",
                page.toString(),
                "--out",
                out.toString(),
                "--base-url",
                base,
                "-v");
        Cli.Result report = run("report", out.toString());
        Cli.Result json = run("report", out.toString(), "--json");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertNoRawControls(r);
        assertThat(r.err()).contains("news^[[2J^G.html");
        assertNoRawControls(report);
        assertNoRawControls(json);
    }

    @Test
    void errorMessagesOfFailedCommandsShowTheirEscapesVisible() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("run" + RETITLE));

        Cli.Result r = run("report", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertNoRawControls(r);
        assertThat(r.err()).contains("run^[]0;owned^G holds no run store");
    }

    @Test
    void keepsWindowsLineEndingsAndTabsAndShowsALoneCarriageReturn() {
        StringWriter sink = new StringWriter();
        try (PrintWriter w = TerminalSafeWriter.wrap(sink)) {
            w.write("a\tb\r\nc\rd\u001b[0me\u009b\u202ef");
            w.write('\r');
            w.write('\n');
            w.write('\r');
        }

        assertThat(sink.toString()).isEqualTo("a\tb\r\nc^Md^[[0me\\u009b\\u202ef\r\n^M");
        assertThat(TerminalSafeWriter.clean("x\r\ny\rz\u0000")).isEqualTo("x\r\ny^Mz^@");
    }
}
