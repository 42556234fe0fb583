package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dragoman serve DIR --port N} from the packaged jar, as a process, while {@code dragoman run} commits articles
 * into the same directory against a stand-in model: what it listens on, what it answers, how it follows the run, what
 * it refuses, and how it stops on SIGTERM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteServeIT {

    private static final int ARTICLES = 8;
    private static final Pattern SUMMARIZED = Pattern.compile("\"summarized\"");

    @TempDir
    static Path tmp;

    private static StandInRuns runs;
    private static StandInRuns.Running run;
    private static Process serve;
    private static Path out;
    private static int port;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** How many articles the served filter data listed as summarised, each time it was fetched while the run ran. */
    private static final List<Integer> seenWhileRunning = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startARunAndServeItsDirectory() throws Exception {
        runs = new StandInRuns(tmp, ARTICLES, 2, 500);
        out = tmp.resolve("out");
        run = runs.start(out, "sk-test-serve-1", List.of(), List.of(), List.of("-q"));
        // generous: on a loaded machine the two JVMs and the first render take a while
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (!Files.isRegularFile(out.resolve("dragoman.db"))) {
            assertThat(System.nanoTime()).as("the run created its store").isLessThan(end);
            Thread.sleep(50);
        }
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        serve = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        StandInRuns.jar().toString(),
                        "serve",
                        out.toString(),
                        "--port",
                        Integer.toString(port),
                        "--interval",
                        "1"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(tmp.resolve("serve.out").toFile())
                .redirectError(tmp.resolve("serve.err").toFile())
                .start();
        while (!serveOut().contains("Serving ")) {
            assertThat(serve.isAlive()).as("serve is running: " + serveErr()).isTrue();
            assertThat(System.nanoTime()).as("serve started in time").isLessThan(end);
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (serve != null && serve.isAlive()) {
            serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (run != null && run.process().isAlive()) {
            run.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (runs != null) {
            runs.close();
        }
    }

    @Test
    @Order(1)
    void itSaysWhereItServesAndListensOnTheLoopbackAddressOnly() throws Exception {
        assertThat(serveOut()).contains("Serving " + out.resolve("site") + " on http://127.0.0.1:" + port + "/");

        List<String> listening = listeningAddresses(port);
        assertThat(listening).as("sockets listening on port %d", port).isNotEmpty();
        assertThat(listening)
                .as("every listening socket is bound to 127.0.0.1")
                .allMatch(a -> a.equals("0100007F") || a.equals("0000000000000000FFFF00000100007F"));
        Optional<InetAddress> other = nonLoopbackAddress();
        if (other.isPresent()) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(other.get(), port), 1000))
                        .as("a connection to %s", other.get())
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    @Order(2)
    void itRendersTheSiteAgainAsTheRunningBatchCommitsArticles() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (run.process().isAlive()) {
            seenWhileRunning.add(summarized());
            assertThat(System.nanoTime()).as("the run finished in time").isLessThan(end);
            Thread.sleep(200);
        }
        StandInRuns.Exit exit = StandInRuns.finish(run, 5);
        assertThat(exit.code()).as(exit.err()).isZero();

        assertThat(seenWhileRunning)
                .as("summarised articles on the served index while the run was going")
                .anyMatch(n -> n > 0 && n < ARTICLES);
        while (summarized() < ARTICLES) {
            assertThat(System.nanoTime()).as("every article served in time").isLessThan(end);
            Thread.sleep(200);
        }
        assertThat(serveOut()).contains("Rendered the site again: the store changed.");
        assertThat(get("/").body()).contains(ARTICLES + " articles");
    }

    @Test
    @Order(3)
    void itAnswersPagesScriptsAndStylesWithTheirTypesAndTheContentSecurityPolicy() throws Exception {
        String id = StandInRuns.Synthetic.id(3);
        record Expected(String path, String type, String text) {}
        for (Expected e : List.of(
                new Expected("/", "text/html; charset=utf-8", "<title>Articles · Dragoman</title>"),
                new Expected("/index.html", "text/html; charset=utf-8", "article/" + id + ".html"),
                new Expected("/article/" + id + ".html", "text/html; charset=utf-8", "Artikel-0003"),
                new Expected("/people.html", "text/html; charset=utf-8", "People"),
                new Expected("/data/terms-0.js", "text/javascript; charset=utf-8", "DRAGOMAN.terms(0,"),
                new Expected("/data/rows-0.js", "text/javascript; charset=utf-8", "DRAGOMAN.rows(0,"),
                new Expected("/assets/lunr.min.js", "text/javascript; charset=utf-8", "lunr"),
                new Expected("/assets/site.css", "text/css; charset=utf-8", "{"))) {
            HttpResponse<String> response = get(e.path());
            assertThat(response.statusCode()).as(e.path()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(e.path())
                    .hasValue(e.type());
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(e.path())
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'", "script-src 'self'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.body()).as(e.path()).contains(e.text());
        }
        assertThat(get("/article/no-such-article.html").statusCode()).isEqualTo(404);
        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    @Order(4)
    void itRefusesEveryPathOutsideTheSiteFolder() throws Exception {
        Files.writeString(out.resolve("secret.html"), "not for the browser");
        for (String path : List.of(
                "/../dragoman.db",
                "/../secret.html",
                "/%2e%2e/secret.html",
                "/article/%2e%2e/%2e%2e/secret.html",
                "/..%2fsecret.html",
                "/..%5csecret.html",
                "/data/../../secret.html",
                "//etc/passwd",
                "/../../../../../../etc/passwd",
                "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/assets/..%2f..%2fdragoman.db")) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(response).as(path).startsWith("HTTP/1.1 40");
            assertThat(response).as(path).doesNotContain("not for the browser", "SQLite format", "root:");
        }
    }

    @Test
    @Order(5)
    void sigtermStopsItCleanlyAndFreesThePort() throws Exception {
        serve.destroy(); // SIGTERM on Linux

        assertThat(serve.waitFor(10, TimeUnit.SECONDS)).as("serve stopped").isTrue();
        assertThat(serve.exitValue()).as("terminated by SIGTERM").isEqualTo(128 + 15);
        assertThat(serveOut()).contains("Stopped serving http://127.0.0.1:" + port + "/.");
        assertThat(serveErr()).isEmpty();
        assertThat(StandInRuns.temporaryFiles(out)).as("temporary files left").isEmpty();
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the port is free again").isEqualTo(port);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static int summarized() throws IOException, InterruptedException {
        HttpResponse<String> rows = get("/data/rows-0.js");
        if (rows.statusCode() != 200) {
            return 0;
        }
        Matcher m = SUMMARIZED.matcher(rows.body());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends a request as bytes, so that no client tidies the path first; returns the whole response. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream o = socket.getOutputStream();
            o.write(request.getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The local addresses (hex, as the kernel lists them) of the TCP sockets listening on {@code port}. */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (local[1].equals(hexPort) && f[3].equals("0A")) { // 0A: LISTEN
                    addresses.add(local[0]);
                }
            }
        }
        return addresses;
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (n.isUp() && !n.isLoopback()) {
                Optional<InetAddress> a =
                        n.inetAddresses().filter(x -> x instanceof Inet4Address).findFirst();
                if (a.isPresent()) {
                    return a;
                }
            }
        }
        return Optional.empty();
    }

    private static String serveOut() throws IOException {
        return Files.readString(tmp.resolve("serve.out"), StandardCharsets.UTF_8);
    }

    private static String serveErr() throws IOException {
        return Files.readString(tmp.resolve("serve.err"), StandardCharsets.UTF_8);
    }
}
