package io.dragoman.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.dragoman.core.pipeline.ArticleStatus;
import io.dragoman.core.pipeline.RunStore;
import io.dragoman.core.pipeline.StoredArticle;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI killed with SIGKILL in the middle of a run, then run again with the same command: every article ends
 * up in {@code articles.jsonl} exactly once, summarised, byte for byte as an uninterrupted run writes it; the run store
 * passes SQLite's integrity check; and no call whose reply reached the store before the kill is made again.
 *
 * <p>200 synthetic BelTA-style articles go to a WireMock stand-in for OpenAI's chat completions API that answers each
 * request, after a fixed latency, with the valid translation or summary of the article it names, and counts the
 * requests per article and per process (each process gets its own API key). Run by failsafe after {@code package};
 * the build passes the jar's path as {@code dragoman.jar}.
 */
class KillAndResumeIT {

    private static final int ARTICLES = 200;
    private static final int CONCURRENCY = 8;
    private static final int LATENCY_MS = 100;
    private static final int ROUNDS = 3;
    private static final long SEED = 20201126L;
    /**
     * A round kills its run once the server has received this many of its summary requests (so about as many articles
     * are done), a number drawn from {@code KILL_FROM} to {@code KILL_TO}.
     */
    private static final int KILL_FROM = 20;

    private static final int KILL_TO = 150;

    /**
     * After the first round, no round is started that would end later than this after the test's start if it took as
     * long as the longest round so far.
     */
    private static final Duration ROUNDS_BUDGET = Duration.ofSeconds(75);

    private static final long PROCESS_TIMEOUT_SECONDS = 60;
    private static final long KILL_POINT_TIMEOUT_SECONDS = 30;
    private static final Pattern MARKER = Pattern.compile("Artikel-(\\d{4})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path jar;

    @TempDir
    Path tmp;

    private WireMockServer server;
    private StandIn standIn;
    private Path inputs;

    @BeforeAll
    static void findTheJar() {
        String property = System.getProperty("dragoman.jar");
        assertThat(property)
                .as("system property dragoman.jar (set by failsafe)")
                .isNotBlank();
        jar = Path.of(property).toAbsolutePath();
        assertThat(jar).as("the packaged jar; run mvn verify, not the IT alone").isRegularFile();
    }

    @BeforeEach
    void startTheStandIn() throws IOException {
        List<Synthetic> articles = new ArrayList<>();
        inputs = Files.createDirectories(tmp.resolve("inputs"));
        for (int n = 0; n < ARTICLES; n++) {
            Synthetic a = Synthetic.of(n);
            articles.add(a);
            Files.writeString(inputs.resolve(a.id() + ".txt"), a.text(), StandardCharsets.UTF_8);
        }
        standIn = new StandIn(articles);
        server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .http2PlainDisabled(true)
                .containerThreads(4 * CONCURRENCY)
                .disableRequestJournal()
                .extensions(standIn));
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withFixedDelay(LATENCY_MS)));
    }

    @AfterEach
    void stopTheStandIn() {
        server.stop();
    }

    @Test
    void aRunKilledMidwayResumesToTheSameOutputsWithEveryArticleOnceAndTheStoreIntact() throws Exception {
        long testStart = System.nanoTime();

        // An uninterrupted run: the outputs every resumed run must reproduce, and the proof that the stand-in's
        // replies pass every check at the first attempt (one translation and one summary call per article).
        Path reference = tmp.resolve("reference");
        String referenceKey = "sk-test-kill-and-resume-reference";
        long started = System.nanoTime();
        Exit full = finish(start(reference, referenceKey));
        long referenceMillis = millisSince(started);
        assertThat(full.code()).as(full.err()).isZero();
        assertThat(standIn.translations(referenceKey))
                .as("translation requests per article")
                .containsOnly(1);
        assertThat(standIn.summaries(referenceKey))
                .as("summary requests per article")
                .containsOnly(1);
        List<JsonNode> records = readJsonl(reference.resolve("articles.jsonl"));
        assertEveryArticleOnceAndSummarized(records);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.at("/translation/checks"))
                    .allSatisfy(c -> assertThat(c.get("status").asText())
                            .as(c.toString())
                            .isEqualTo("passed"));
            assertThat(r.at("/summary/warnings")).isEmpty();
        });
        assertThat(standIn.unmatched()).isZero();
        System.out.printf(
                Locale.ROOT,
                "KillAndResumeIT: uninterrupted run of %d articles took %d ms%n",
                ARTICLES,
                referenceMillis);

        // kill points drawn from three equal parts of the range, so that one round is killed early, one midway and
        // one late
        Random random = new Random(SEED);
        int part = (KILL_TO - KILL_FROM + 1) / ROUNDS;
        int rounds = 0;
        long longestRound = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            if (round > 1 && millisSince(testStart) + longestRound > ROUNDS_BUDGET.toMillis()) {
                System.out.printf(
                        Locale.ROOT,
                        "KillAndResumeIT: another round would take the test past %d s; stopping after %d rounds%n",
                        ROUNDS_BUDGET.toSeconds(),
                        rounds);
                break;
            }
            long roundStart = System.nanoTime();
            killAndResume(round, KILL_FROM + (round - 1) * part + random.nextInt(part), reference);
            longestRound = Math.max(longestRound, millisSince(roundStart));
            rounds++;
        }
        assertThat(rounds).isPositive();
        assertThat(standIn.unmatched()).as("requests naming no article").isZero();
        System.out.printf(Locale.ROOT, "KillAndResumeIT: %d rounds, %d ms in all%n", rounds, millisSince(testStart));
    }

    /** One round: run, kill after {@code killAt} summary requests, snapshot the store, resume, check everything. */
    private void killAndResume(int round, int killAt, Path reference) throws Exception {
        Path out = tmp.resolve("round-" + round);
        String killedKey = "sk-test-kill-and-resume-" + round + "-killed";
        String resumedKey = "sk-test-kill-and-resume-" + round + "-resumed";

        long started = System.nanoTime();
        Running killed = start(out, killedKey);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(KILL_POINT_TIMEOUT_SECONDS);
        while (standIn.summaryCount(killedKey) < killAt) {
            if (!killed.process().isAlive()) {
                Exit early = killed.exit();
                throw new AssertionError("round " + round + ": the run ended (exit " + early.code()
                        + ") before its kill point of " + killAt + " summary requests:\n" + early.err());
            }
            if (System.nanoTime() > deadline) {
                killed.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("round " + round + ": " + killAt + " summary requests not reached in "
                        + KILL_POINT_TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(5);
        }
        killed.process().destroyForcibly();
        assertThat(killed.process().waitFor(10, TimeUnit.SECONDS))
                .as("the killed process is gone")
                .isTrue();
        long killedMillis = millisSince(started);
        assertThat(killed.process().exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(out.resolve("dragoman.db"))
                .as("the run store exists at the kill")
                .isRegularFile();

        Snapshot before = Snapshot.of(out, tmp.resolve("snapshot-" + round));

        started = System.nanoTime();
        Exit resumed = finish(start(out, resumedKey));
        long resumedMillis = millisSince(started);
        assertThat(resumed.code()).as(resumed.err()).isZero();

        // the outputs: every article once, summarised, exactly as the uninterrupted run wrote them
        List<JsonNode> records = readJsonl(out.resolve("articles.jsonl"));
        assertEveryArticleOnceAndSummarized(records);
        assertThat(Files.readAllBytes(out.resolve("articles.jsonl")))
                .as("articles.jsonl of round %d is byte-identical to the uninterrupted run's", round)
                .isEqualTo(Files.readAllBytes(reference.resolve("articles.jsonl")));
        for (int n = 0; n < ARTICLES; n++) {
            Path md = Path.of("md", Synthetic.id(n) + ".md");
            assertThat(Files.readAllBytes(out.resolve(md)))
                    .as("%s of round %d is byte-identical to the uninterrupted run's", md, round)
                    .isEqualTo(Files.readAllBytes(reference.resolve(md)));
        }
        assertThat(out.resolve("failures.jsonl")).isEmptyFile();

        // the store: consistent, and every article summarised
        try (RunStore store = RunStore.open(out.resolve("dragoman.db"))) {
            assertThat(store.integrityCheck()).as("PRAGMA integrity_check").isTrue();
            assertThat(store.counts())
                    .containsEntry(ArticleStatus.SUMMARIZED, (long) ARTICLES)
                    .containsEntry(ArticleStatus.CLEANED, 0L)
                    .containsEntry(ArticleStatus.TRANSLATED, 0L)
                    .containsEntry(ArticleStatus.FAILED, 0L)
                    .containsEntry(ArticleStatus.IN_FLIGHT, 0L);
        }

        // the calls: none repeated that was answered into the store before the kill
        int[] translatedBefore = standIn.translations(killedKey);
        int[] summarizedBefore = standIn.summaries(killedKey);
        int[] translatedAfter = standIn.translations(resumedKey);
        int[] summarizedAfter = standIn.summaries(resumedKey);
        int requestsBefore = sum(translatedBefore) + sum(summarizedBefore);
        int requestsAfter = sum(translatedAfter) + sum(summarizedAfter);
        for (int n = 0; n < ARTICLES; n++) {
            String id = Synthetic.id(n);
            assertThat(new int[] {translatedBefore[n], summarizedBefore[n], translatedAfter[n], summarizedAfter[n]})
                    .as("%s: translation and summary requests before and after the kill", id)
                    .containsOnly(0, 1);
            StoredArticle at = before.articles().get(id);
            if (at != null && at.summaryJson().isPresent()) {
                assertThat(translatedAfter[n] + summarizedAfter[n])
                        .as("%s was summarised before the kill; requests after it", id)
                        .isZero();
            }
            if (at != null && at.translationJson().isPresent()) {
                assertThat(translatedAfter[n])
                        .as("%s was translated before the kill; translation requests after it", id)
                        .isZero();
            }
        }
        assertThat(requestsAfter)
                .as("requests after the kill: every call of the 200 articles whose reply was not cached before it")
                .isEqualTo(2 * ARTICLES - before.cachedCalls());
        assertThat(requestsBefore - before.cachedCalls())
                .as("requests whose replies the kill lost (at most one per worker)")
                .isBetween(0, CONCURRENCY);
        long summarizedAtKill = before.articles().values().stream()
                .filter(a -> a.summaryJson().isPresent())
                .count();
        if (summarizedAtKill > 0) {
            assertThat(resumed.out())
                    .contains(summarizedAtKill + " already done by an earlier run into " + out + " (skipped).");
        }

        System.out.printf(
                Locale.ROOT,
                "KillAndResumeIT round %d: killed after %d summary requests (%d ms): %d requests before the kill"
                        + " (%d translations, %d summaries), %d replies cached, %d articles summarised, %d translated,"
                        + " %d rows in flight; resumed in %d ms with %d requests (%d translations, %d summaries)%n",
                round,
                killAt,
                killedMillis,
                requestsBefore,
                sum(translatedBefore),
                sum(summarizedBefore),
                before.cachedCalls(),
                summarizedAtKill,
                before.articles().values().stream()
                        .filter(a -> a.translationJson().isPresent())
                        .count(),
                before.articles().values().stream()
                        .filter(a -> a.status() == ArticleStatus.IN_FLIGHT)
                        .count(),
                resumedMillis,
                requestsAfter,
                sum(translatedAfter),
                sum(summarizedAfter));
    }

    private static void assertEveryArticleOnceAndSummarized(List<JsonNode> records) {
        List<String> ids = records.stream().map(r -> r.get("id").asText()).toList();
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < ARTICLES; n++) {
            expected.add(Synthetic.id(n));
        }
        assertThat(ids).as("the ids in articles.jsonl, in order").containsExactlyElementsOf(expected);
        assertThat(records).allSatisfy(r -> assertThat(r.get("status").asText())
                .as(r.get("id").asText())
                .isEqualTo("summarized"));
    }

    // ---------------------------------------------------------------- processes

    /** A started {@code dragoman run} and the files its output goes to. */
    private record Running(Process process, Path stdout, Path stderr) {
        Exit exit() throws IOException {
            return new Exit(
                    process.exitValue(),
                    Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        }
    }

    /** What a finished process printed and returned. */
    private record Exit(int code, String out, String err) {}

    private Running start(Path out, String key) throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        String name = out.getFileName() + "-" + key.substring(key.lastIndexOf('-') + 1);
        Path stdout = tmp.resolve(name + ".out");
        Path stderr = tmp.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // C1 only: the optimising compiler would double the CPU these short runs take on a two-core
                        // runner, and speed is not what this test is about
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString(),
                        "run",
                        inputs.toString(),
                        "--out",
                        out.toString(),
                        "--provider",
                        "openai",
                        "--base-url",
                        "http://127.0.0.1:" + server.port() + "/v1",
                        "--concurrency",
                        Integer.toString(CONCURRENCY))
                .directory(tmp.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        env.remove("DRAGOMAN_JAVA_OPTS");
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("OPENAI_API_KEY", key);
        env.put("XDG_CONFIG_HOME", config.toString());
        return new Running(builder.start(), stdout, stderr);
    }

    /** Waits, bounded, for a started run to end. */
    private static Exit finish(Running running) throws IOException, InterruptedException {
        if (!running.process().waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            running.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("dragoman run did not finish in " + PROCESS_TIMEOUT_SECONDS + " s:\n"
                    + Files.readString(running.stderr(), StandardCharsets.UTF_8));
        }
        return running.exit();
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    private static List<JsonNode> readJsonl(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    // ---------------------------------------------------------------- the store at the kill

    /**
     * The run store as the kill left it, read from a copy (the database and its write-ahead log) so that the resumed
     * run finds the files exactly as the killed one left them.
     *
     * @param articles the stored articles by id
     * @param cachedCalls the rows of the model-call cache: the calls whose replies reached the store
     */
    private record Snapshot(Map<String, StoredArticle> articles, int cachedCalls) {
        static Snapshot of(Path out, Path copy) throws IOException, SQLException {
            Files.createDirectories(copy);
            for (String file : List.of("dragoman.db", "dragoman.db-wal")) {
                if (Files.exists(out.resolve(file))) {
                    Files.copy(out.resolve(file), copy.resolve(file));
                }
            }
            Path db = copy.resolve("dragoman.db");
            Map<String, StoredArticle> articles = new ConcurrentHashMap<>();
            try (RunStore store = RunStore.open(db)) {
                assertThat(store.integrityCheck())
                        .as("PRAGMA integrity_check of the store as the kill left it")
                        .isTrue();
                try (Stream<StoredArticle> all = store.articles()) {
                    all.forEach(a -> articles.put(a.id(), a));
                }
            }
            int cached;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement s = c.createStatement();
                    ResultSet row = s.executeQuery("SELECT count(*) FROM model_calls")) {
                row.next();
                cached = row.getInt(1);
            }
            return new Snapshot(Map.copyOf(articles), cached);
        }
    }

    // ---------------------------------------------------------------- the stand-in server

    /**
     * Answers each chat completion with the translation or summary of the article whose marker it carries, and counts
     * the requests per API key (one key per process) and article.
     */
    static final class StandIn implements ResponseDefinitionTransformerV2 {
        private final List<Synthetic> articles;
        private final Map<String, AtomicIntegerArray> translations = new ConcurrentHashMap<>();
        private final Map<String, AtomicIntegerArray> summaries = new ConcurrentHashMap<>();
        private final AtomicInteger unmatched = new AtomicInteger();

        StandIn(List<Synthetic> articles) {
            this.articles = List.copyOf(articles);
        }

        @Override
        public String getName() {
            return "kill-and-resume-stand-in";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String body = event.getRequest().getBodyAsString();
            String key = String.valueOf(event.getRequest().getHeader("Authorization"))
                    .replaceFirst("^Bearer ", "");
            Matcher marker = MARKER.matcher(body);
            int n = marker.find() ? Integer.parseInt(marker.group(1)) : -1;
            if (n < 0 || n >= articles.size()) {
                unmatched.incrementAndGet();
                return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                        .but()
                        .withStatus(400)
                        .withBody("{\"error\":{\"message\":\"no article marker in the request\"}}")
                        .build();
            }
            boolean summary = body.contains("Summarise this");
            (summary ? summaries : translations)
                    .computeIfAbsent(key, k -> new AtomicIntegerArray(articles.size()))
                    .incrementAndGet(n);
            Synthetic a = articles.get(n);
            return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                    .but()
                    .withBody(TranslateEndToEndTest.completion(summary ? a.summary() : a.translation()))
                    .build();
        }

        int[] translations(String key) {
            return counts(translations, key);
        }

        int[] summaries(String key) {
            return counts(summaries, key);
        }

        int summaryCount(String key) {
            return sum(summaries(key));
        }

        int unmatched() {
            return unmatched.get();
        }

        private int[] counts(Map<String, AtomicIntegerArray> byKey, String key) {
            AtomicIntegerArray counts = byKey.get(key);
            int[] copy = new int[articles.size()];
            for (int i = 0; counts != null && i < copy.length; i++) {
                copy[i] = counts.get(i);
            }
            return copy;
        }
    }

    // ---------------------------------------------------------------- the articles

    /**
     * A synthetic BelTA article in German, as the website's text scrape reads, with the English translation a careful
     * model would give (passing every check) and a summary valid against the schema. Each has 3–5 body paragraphs of
     * its own and the marker {@code Artikel-NNNN} in its title and first paragraph.
     *
     * @param id the article id (the file name without {@code .txt})
     * @param text the scraped page
     * @param translation the marked reply to its translation request
     * @param summary the reply to its summary request
     */
    record Synthetic(String id, String text, String translation, String summary) {

        private static final String[][] COUNTRIES = {
            {"Russland", "Russia", "Moskau", "Moscow"},
            {"China", "China", "Peking", "Beijing"},
            {"Kasachstan", "Kazakhstan", "Astana", "Astana"},
            {"Usbekistan", "Uzbekistan", "Taschkent", "Tashkent"},
            {"Armenien", "Armenia", "Eriwan", "Yerevan"},
            {"Vietnam", "Vietnam", "Hanoi", "Hanoi"},
            {"Serbien", "Serbia", "Belgrad", "Belgrade"},
            {"Indien", "India", "Neu-Delhi", "New Delhi"},
        };
        private static final String[][] TOPICS = {
            {"Landwirtschaft", "agriculture"},
            {"Bildung", "education"},
            {"Gesundheitswesen", "healthcare"},
            {"Verkehr", "transport"},
            {"Energie", "energy"},
            {"Industrie", "industry"},
            {"Tourismus", "tourism"},
            {"Wissenschaft", "science"},
        };
        private static final String[][] MINISTERS = {
            {"Wiktor Karankewitsch", "Viktor Karankevich"},
            {"Igor Petrischenko", "Igor Petrishenko"},
            {"Andrej Iwaniez", "Andrei Ivanets"},
            {"Juri Schuleiko", "Yuri Shuleiko"},
            {"Pjotr Parchomtschik", "Pyotr Parkhomchik"},
        };
        private static final String[][] MONTHS = {
            {"Januar", "January"},
            {"Februar", "February"},
            {"März", "March"},
            {"April", "April"},
            {"Mai", "May"},
            {"Juni", "June"},
            {"Juli", "July"},
            {"September", "September"},
            {"Oktober", "October"},
            {"November", "November"},
            {"Dezember", "December"},
        };

        static String id(int n) {
            return String.format(Locale.ROOT, "artikel-%04d", n);
        }

        static Synthetic of(int n) {
            String marker = String.format(Locale.ROOT, "Artikel-%04d", n);
            String[] country = COUNTRIES[n % COUNTRIES.length];
            String[] topic = TOPICS[(n / COUNTRIES.length) % TOPICS.length];
            String[] minister = MINISTERS[n % MINISTERS.length];
            String[] month = MONTHS[n % MONTHS.length];
            String[] nextMonth = MONTHS[(n + 4) % MONTHS.length];
            int day = 1 + n % 28;
            int projects = 3 + n % 17;
            int millions = 10 + n * 37 % 890;
            int percent = 2 + n % 29;
            int months = 3 + n % 9;
            int year = 2025 + n % 3;
            int further = 5 + n % 11;
            int years = 2 + n % 4;
            int specialists = 100 + n * 3;
            int paragraphs = 3 + n % 3;

            String titleDe =
                    country[0] + " und Belarus vereinbaren Zusammenarbeit im Bereich " + topic[0] + " (" + marker + ")";
            String titleEn = country[1] + " and Belarus agree on cooperation in " + topic[1] + " (" + marker + ")";
            String datelineDe = "MINSK, " + day + ". " + month[0] + " (BelTA) – ";
            String datelineEn = "MINSK, " + day + " " + month[1] + " (BelTA) –";
            List<String> de = new ArrayList<>();
            List<String> en = new ArrayList<>();
            de.add(country[0] + " und Belarus haben am " + day + ". " + month[0]
                    + " in Minsk ein Abkommen über die Zusammenarbeit im Bereich " + topic[0]
                    + " unterzeichnet. Das Abkommen mit der Kennung " + marker + " sieht " + projects
                    + " gemeinsame Projekte im Gesamtwert von " + millions + " Millionen US-Dollar vor.");
            en.add(country[1] + " and Belarus signed an agreement on cooperation in the field of " + topic[1]
                    + " in Minsk on " + day + " " + month[1] + ". The agreement with the reference " + marker
                    + " provides for " + projects + " joint projects with a total value of " + millions
                    + " million US dollars.");
            de.add("Nach Angaben des Ministeriums wuchs der Handelsumsatz zwischen beiden Ländern in den ersten "
                    + months + " Monaten des Jahres um " + percent
                    + " Prozent. Die Seiten wollen den Austausch von Delegationen fortsetzen und neue Formen der"
                    + " Kooperation zwischen Unternehmen entwickeln.");
            en.add("According to the ministry, trade between the two countries grew by " + percent
                    + " percent in the first " + months + " months of the year. The sides intend to continue the"
                    + " exchange of delegations and to develop new forms of cooperation between companies.");
            String quoteDe = "Wir sehen großes Potenzial für den Ausbau unserer Beziehungen im Bereich " + topic[0];
            String quoteEn = "We see great potential for expanding our relations in the field of " + topic[1];
            de.add("„" + quoteDe + "“, sagte Minister " + minister[0]
                    + " nach dem Treffen. Er betonte, dass bis zum Jahr " + year + " mindestens " + further
                    + " weitere Vorhaben umgesetzt werden sollen.");
            en.add("“" + quoteEn + ",” Minister " + minister[1] + " said after the meeting. He stressed that at least "
                    + further + " further projects are to be implemented by " + year + ".");
            if (paragraphs >= 4) {
                de.add("Die nächste Sitzung der gemeinsamen Arbeitsgruppe ist für " + nextMonth[0] + " " + year
                        + " in " + country[2] + " geplant. Dort sollen die Ergebnisse der Zusammenarbeit bewertet und"
                        + " ein Plan für die kommenden " + years + " Jahre verabschiedet werden.");
                en.add("The next meeting of the joint working group is scheduled for " + nextMonth[1] + " " + year
                        + " in " + country[3] + ". There, the results of the cooperation are to be assessed and a plan"
                        + " for the next " + years + " years is to be adopted.");
            }
            if (paragraphs >= 5) {
                de.add("Außerdem vereinbarten die Seiten, den Austausch von Studenten und Fachleuten auszuweiten. Im"
                        + " vergangenen Jahr nahmen " + specialists
                        + " Fachleute aus beiden Ländern an gemeinsamen Programmen teil.");
                en.add("The sides also agreed to expand the exchange of students and specialists. Last year, "
                        + specialists + " specialists from both countries took part in joint programmes.");
            }

            StringBuilder text = new StringBuilder();
            text.append("Projekte\nStaatsorgane\nflag Donnerstag, 2 Mai 2024\nAlle Nachrichten\nAlle Nachrichten\n")
                    .append("Wirtschaft\n")
                    .append(String.format(
                            Locale.ROOT, "%d %s 2024, %02d:%02d%n%n", day, month[0], 8 + n % 10, n * 7 % 60))
                    .append(titleDe)
                    .append("\n\n")
                    .append(datelineDe)
                    .append(String.join("\n\n", de))
                    .append("\nAbonnieren Sie uns auf\nTwitter\nLetzte Nachrichten aus Belarus");

            StringBuilder reply = new StringBuilder("[T] " + titleEn + "\n\n[D] " + datelineEn);
            for (int i = 0; i < en.size(); i++) {
                reply.append("\n\n[").append(i + 1).append("] ").append(en.get(i));
            }

            ObjectNode summary = JSON.createObjectNode();
            summary.put("headline", titleEn);
            summary.put(
                    "summary",
                    country[1] + " and Belarus signed an agreement in Minsk on " + day + " " + month[1]
                            + " on cooperation in " + topic[1] + ", with " + projects + " joint projects worth "
                            + millions + " million US dollars. Trade between the two countries grew by " + percent
                            + " percent in the first " + months + " months of the year.");
            ArrayNode keyPoints = summary.putArray("keyPoints");
            keyPoints.add("The agreement provides for " + projects + " joint projects worth " + millions
                    + " million US dollars.");
            keyPoints.add("Trade grew by " + percent + " percent in the first " + months + " months of the year.");
            keyPoints.add("At least " + further + " further projects are to be implemented by " + year + ".");
            summary.putArray("people").addObject().put("name", minister[1]).put("role", "Minister");
            summary.putArray("organizations");
            summary.putArray("locations").add("Minsk").add(country[1]).add("Belarus");
            summary.putArray("quotes").addObject().put("speaker", minister[1]).put("text", quoteEn + ".");
            summary.putArray("topics").add(topic[1]).add("bilateral cooperation");

            return new Synthetic(id(n), text.toString(), reply.toString(), summary.toString());
        }
    }
}
