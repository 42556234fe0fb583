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
import io.dragoman.core.article.Stage;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredArticle;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged CLI run as a child process against a WireMock stand-in for OpenAI's chat completions API, on synthetic
 * BelTA-style articles, for the tests that kill runs or starve them of disk: the stand-in answers each request, after
 * a fixed latency, with the valid translation or summary of the article it names, and counts the requests per article
 * and per process (each process gets its own API key). Close it to stop the server.
 */
final class StandInRuns implements AutoCloseable {

    private static final Pattern MARKER = Pattern.compile("Artikel-(\\d{4})");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long the run that makes the class archive may take. */
    private static final long TIMEOUT_SECONDS = 120;

    private final Path tmp;
    private final Path jar;
    private final int articles;
    private final int concurrency;
    private final WireMockServer server;
    private final StandIn standIn;
    private final Path inputs;
    /** The JVM options that map the jar's class archive, or none. */
    private final List<String> classArchive;

    /**
     * Writes the articles into {@code tmp/inputs} and starts the stand-in.
     *
     * @param tmp where inputs, outputs and process logs go
     * @param articles how many synthetic articles
     * @param concurrency the {@code --concurrency} of every run
     * @param latencyMillis how long the stand-in takes to answer
     */
    StandInRuns(Path tmp, int articles, int concurrency, int latencyMillis) throws IOException {
        this.tmp = tmp;
        this.jar = jar();
        this.articles = articles;
        this.concurrency = concurrency;
        List<Synthetic> list = new ArrayList<>();
        inputs = Files.createDirectories(tmp.resolve("inputs"));
        for (int n = 0; n < articles; n++) {
            Synthetic a = Synthetic.of(n);
            list.add(a);
            Files.writeString(inputs.resolve(a.id() + ".txt"), a.text(), StandardCharsets.UTF_8);
        }
        standIn = new StandIn(list);
        server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .http2PlainDisabled(true)
                .containerThreads(4 * concurrency)
                .disableRequestJournal()
                .extensions(standIn));
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withFixedDelay(latencyMillis)));
        // here, before any test starts a run and times it
        classArchive = classArchive();
    }

    /** The packaged jar, whose path failsafe passes as {@code dragoman.jar}. */
    static Path jar() {
        String property = System.getProperty("dragoman.jar");
        assertThat(property)
                .as("system property dragoman.jar (set by failsafe)")
                .isNotBlank();
        Path jar = Path.of(property).toAbsolutePath();
        assertThat(jar).as("the packaged jar; run mvn verify, not the IT alone").isRegularFile();
        return jar;
    }

    @Override
    public void close() {
        server.stop();
    }

    int articles() {
        return articles;
    }

    int concurrency() {
        return concurrency;
    }

    StandIn standIn() {
        return standIn;
    }

    // ---------------------------------------------------------------- processes

    /** A started {@code dragoman run} and the files its output goes to. */
    record Running(Process process, Path stdout, Path stderr) {
        Exit exit() throws IOException {
            return new Exit(
                    process.exitValue(),
                    Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        }
    }

    /** What a finished process printed and returned. */
    record Exit(int code, String out, String err) {}

    /** Starts {@code dragoman run} of every article into {@code out}, sending {@code key}. */
    Running start(Path out, String key) throws IOException {
        return start(out, key, List.of(), List.of());
    }

    /**
     * Starts {@code dragoman run} of every article into {@code out}, sending {@code key}.
     *
     * @param wrapper a command that runs the java command line it is given (a shell that sets a limit first); empty
     *     for none
     * @param jvmOptions more options for the child JVM
     */
    Running start(Path out, String key, List<String> wrapper, List<String> jvmOptions) throws IOException {
        return start(out, key, wrapper, jvmOptions, List.of());
    }

    /**
     * Starts {@code dragoman run} of every article into {@code out}, sending {@code key}, with more options.
     *
     * @param wrapper a command that runs the java command line it is given; empty for none
     * @param jvmOptions more options for the child JVM
     * @param options more options for {@code run} ({@code --force}, {@code -q}, …)
     */
    Running start(Path out, String key, List<String> wrapper, List<String> jvmOptions, List<String> options)
            throws IOException {
        return start("http://127.0.0.1:" + server.port() + "/v1", out, key, wrapper, jvmOptions, options);
    }

    /** Starts {@code dragoman run} of every article into {@code out} against another base URL than the stand-in's. */
    Running startAt(String baseUrl, Path out, String key, List<String> options) throws IOException {
        return startAt(io.dragoman.core.llm.ProviderKind.OPENAI, baseUrl, out, key, options);
    }

    /** Starts {@code dragoman run} with another provider, its key in the provider's variable. */
    Running startAt(
            io.dragoman.core.llm.ProviderKind provider, String baseUrl, Path out, String key, List<String> options)
            throws IOException {
        return start(provider, baseUrl, out, key, List.of(), List.of(), options);
    }

    private Running start(
            String baseUrl, Path out, String key, List<String> wrapper, List<String> jvmOptions, List<String> options)
            throws IOException {
        return start(io.dragoman.core.llm.ProviderKind.OPENAI, baseUrl, out, key, wrapper, jvmOptions, options);
    }

    private Running start(
            io.dragoman.core.llm.ProviderKind provider,
            String baseUrl,
            Path out,
            String key,
            List<String> wrapper,
            List<String> jvmOptions,
            List<String> options)
            throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        String name = out.getFileName() + "-" + key.substring(key.lastIndexOf('-') + 1);
        Path stdout = tmp.resolve(name + ".out");
        Path stderr = tmp.resolve(name + ".err");
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // C1 only: the optimising compiler would double the CPU these short runs take on a two-core runner, and speed
        // is not what these tests are about
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(classArchive);
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "run",
                inputs.toString(),
                "--out",
                out.toString(),
                "--provider",
                provider.id(),
                "--base-url",
                baseUrl,
                "--concurrency",
                Integer.toString(concurrency)));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(tmp.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        env.remove("DRAGOMAN_JAVA_OPTS");
        env.remove("JAVA_TOOL_OPTIONS");
        env.put(provider.spec().keyVariable().orElse("OPENAI_API_KEY"), key);
        env.put("XDG_CONFIG_HOME", config.toString());
        return new Running(builder.start(), stdout, stderr);
    }

    /**
     * The JVM options that map the class archive of this jar ({@code target/dragoman-it-<jar mtime>.jsa}), made when
     * the first stand-in of a build starts, by a run of two articles against it: the classes a run loads are then mapped instead of
     * read from the jar, a second less at each of the many starts these tests make. The JVM checks that the archive
     * belongs to the jar and runs without it otherwise; its messages about the archive are off, so that what a run
     * prints stays what the tests read. Empty when the archive cannot be made.
     */
    private List<String> classArchive() throws IOException {
        Path archive = jar.resolveSibling(
                "dragoman-it-" + Files.getLastModifiedTime(jar).toMillis() + ".jsa");
        if (!Files.exists(archive)) {
            Path dir = Files.createTempDirectory(tmp, "class-archive");
            Path in = Files.createDirectories(dir.resolve("inputs"));
            for (int n = 0; n < 2; n++) {
                Synthetic a = Synthetic.of(n);
                Files.writeString(in.resolve(a.id() + ".txt"), a.text(), StandardCharsets.UTF_8);
            }
            // made beside the archive, so that it can be moved into place in one step
            Path made = archive.resolveSibling(
                    archive.getFileName() + "." + ProcessHandle.current().pid() + ".part");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-XX:TieredStopAtLevel=1",
                            "-XX:ArchiveClassesAtExit=" + made,
                            "-Xlog:cds=off",
                            "-Xlog:cds+dynamic=off",
                            "-jar",
                            jar.toString(),
                            "run",
                            in.toString(),
                            "--out",
                            dir.resolve("out").toString(),
                            "--provider",
                            "openai",
                            "--base-url",
                            "http://127.0.0.1:" + server.port() + "/v1",
                            "-q"))
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(dir.resolve("archive.out").toFile())
                    .redirectError(dir.resolve("archive.err").toFile());
            builder.environment().remove("DRAGOMAN_JAVA_OPTS");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().put("OPENAI_API_KEY", "sk-test-class-archive");
            builder.environment().put("XDG_CONFIG_HOME", dir.toString());
            Process process = builder.start();
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!Files.isRegularFile(made)) {
                return List.of();
            }
            // another JVM of this build may be making it too: whichever lands last is as good
            Files.move(made, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** Waits, bounded, for a started run to end. */
    static Exit finish(Running running, long timeoutSeconds) throws IOException, InterruptedException {
        if (!running.process().waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            running.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("dragoman run did not finish in " + timeoutSeconds + " s:\n"
                    + Files.readString(running.stderr(), StandardCharsets.UTF_8));
        }
        return running.exit();
    }

    /**
     * Kills a run with SIGKILL ({@link Process#destroyForcibly()} sends it on Linux, and the exit value 128 + 9 proves
     * it) and waits for it to be gone.
     */
    static void kill(Running running) throws InterruptedException {
        running.process().destroyForcibly();
        assertThat(running.process().waitFor(10, TimeUnit.SECONDS))
                .as("the killed process is gone")
                .isTrue();
        assertThat(running.process().exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    }

    // ---------------------------------------------------------------- outputs and store

    /** The ids of every article, in the order {@code articles.jsonl} lists them. */
    List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < articles; n++) {
            ids.add(Synthetic.id(n));
        }
        return ids;
    }

    /** Every article in {@code articles.jsonl} exactly once, in id order, and summarised. */
    void assertEveryArticleOnceAndSummarized(Path out) throws IOException {
        List<JsonNode> records = readJsonl(out.resolve("articles.jsonl"));
        assertThat(records.stream().map(r -> r.get("id").asText()).toList())
                .as("the ids in articles.jsonl, in order")
                .containsExactlyElementsOf(ids());
        assertThat(records).allSatisfy(r -> assertThat(r.get("status").asText())
                .as(r.get("id").asText())
                .isEqualTo("summarized"));
    }

    /**
     * The outputs in {@code out} are byte for byte those of the uninterrupted run in {@code reference}: {@code
     * articles.jsonl}, {@code failures.jsonl} and one {@code md/<id>.md} per article, nothing else in {@code md}.
     */
    void assertSameOutputs(Path out, Path reference, String what) throws IOException {
        assertEveryArticleOnceAndSummarized(out);
        for (String file : List.of("articles.jsonl", "failures.jsonl")) {
            assertThat(Files.readAllBytes(out.resolve(file)))
                    .as("%s of %s is byte-identical to the uninterrupted run's", file, what)
                    .isEqualTo(Files.readAllBytes(reference.resolve(file)));
        }
        List<String> md = new ArrayList<>();
        for (String id : ids()) {
            Path page = Path.of("md", id + ".md");
            md.add(id + ".md");
            assertThat(Files.readAllBytes(out.resolve(page)))
                    .as("%s of %s is byte-identical to the uninterrupted run's", page, what)
                    .isEqualTo(Files.readAllBytes(reference.resolve(page)));
        }
        try (Stream<Path> files = Files.list(out.resolve("md"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the files in md/ of %s", what)
                    .containsExactlyInAnyOrderElementsOf(md);
        }
    }

    /** The files in {@code dir} and below whose names end in {@code .tmp}. */
    static List<Path> temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }

    static List<JsonNode> readJsonl(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    static int sum(int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    /**
     * The run store as a failure or kill left it, read from a copy (the database and its write-ahead log) so that the
     * next run finds the files exactly as they were.
     *
     * @param articles the stored articles by id
     * @param cachedCalls the rows of the model-call cache: the calls whose replies reached the store
     */
    record Snapshot(Map<String, StoredArticle> articles, int cachedCalls) {
        static Snapshot of(Path out, Path copy) throws IOException, SQLException {
            Files.createDirectories(copy);
            for (String file : List.of("dragoman.db", "dragoman.db-wal")) {
                if (Files.exists(out.resolve(file))) {
                    Files.copy(out.resolve(file), copy.resolve(file));
                }
            }
            Path db = copy.resolve("dragoman.db");
            Map<String, StoredArticle> articles = new ConcurrentHashMap<>();
            if (!Files.exists(db)) {
                return new Snapshot(Map.of(), 0);
            }
            try (RunStore store = RunStore.open(db)) {
                assertThat(store.integrityCheck())
                        .as("PRAGMA integrity_check of the store as it was left in " + out)
                        .isTrue();
                try (Stream<StoredArticle> all = store.articles().all()) {
                    all.forEach(a -> articles.put(a.id().value(), a));
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

        long summarized() {
            return articles.values().stream()
                    .filter(a -> a.holds(Stage.SUMMARIZE))
                    .count();
        }

        long translated() {
            return articles.values().stream()
                    .filter(a -> a.holds(Stage.TRANSLATE))
                    .count();
        }

        long cleaned() {
            return articles.values().stream().filter(a -> a.holds(Stage.CLEAN)).count();
        }
    }

    // ---------------------------------------------------------------- the stand-in server

    /**
     * Answers each chat completion with the translation or summary of the article whose marker it carries, counts the
     * requests per API key (one key per process) and article, and can act the moment a process's n-th request of a
     * kind arrives (while that request is still in flight).
     */
    static final class StandIn implements ResponseDefinitionTransformerV2 {
        private final List<Synthetic> articles;
        private final Map<String, AtomicIntegerArray> translations = new ConcurrentHashMap<>();
        private final Map<String, AtomicIntegerArray> summaries = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> totals = new ConcurrentHashMap<>();
        private final AtomicInteger unmatched = new AtomicInteger();
        private final AtomicReference<Trigger> trigger = new AtomicReference<>();
        private final AtomicReference<Window> window = new AtomicReference<>();
        private final java.util.Set<Integer> doubtful = ConcurrentHashMap.newKeySet();

        /** Answers the translation requests of these articles with the second paragraph's last sentence in German. */
        void doubtful(java.util.Collection<Integer> articles) {
            doubtful.addAll(articles);
        }

        /**
         * A limit the stand-in enforces as providers do: at most {@code requests} accepted in any sliding window of
         * {@code length}; one more is answered 429 with a {@code Retry-After}, and counted.
         */
        static final class Window {
            private final int requests;
            private final long lengthNanos;
            private final java.util.ArrayDeque<Long> accepted = new java.util.ArrayDeque<>();
            private final List<Long> all = new ArrayList<>();
            private int rejected;

            Window(int requests, java.time.Duration length) {
                this.requests = requests;
                this.lengthNanos = length.toNanos();
            }

            /** Counts an arriving request; false when it is over the limit. */
            synchronized boolean admit() {
                long now = System.nanoTime();
                while (!accepted.isEmpty() && now - accepted.peekFirst() >= lengthNanos) {
                    accepted.removeFirst();
                }
                if (accepted.size() >= requests) {
                    rejected++;
                    return false;
                }
                accepted.addLast(now);
                all.add(now);
                return true;
            }

            synchronized int rejected() {
                return rejected;
            }

            /** The requests accepted, and the time from the first to the last. */
            synchronized int acceptedCount() {
                return all.size();
            }

            synchronized java.time.Duration span() {
                return all.isEmpty()
                        ? java.time.Duration.ZERO
                        : java.time.Duration.ofNanos(all.get(all.size() - 1) - all.get(0));
            }
        }

        /** Enforces a sliding-window limit from now on. */
        Window enforce(int requests, java.time.Duration length) {
            Window w = new Window(requests, length);
            window.set(w);
            return w;
        }

        /** What to do when the request number {@code at} of a kind arrives from the process sending {@code key}. */
        private record Trigger(String key, boolean summary, int at, Runnable action) {}

        StandIn(List<Synthetic> articles) {
            this.articles = List.copyOf(articles);
        }

        @Override
        public String getName() {
            return "stand-in-runs";
        }

        /** Runs {@code action} on the server's thread when the {@code at}-th such request from {@code key} arrives. */
        void when(String key, boolean summary, int at, Runnable action) {
            trigger.set(new Trigger(key, summary, at, action));
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
            Window limit = window.get();
            if (limit != null && !limit.admit()) {
                return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                        .but()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\"}}")
                        .build();
            }
            boolean summary = body.contains("Summarise this");
            (summary ? summaries : translations)
                    .computeIfAbsent(key, k -> new AtomicIntegerArray(articles.size()))
                    .incrementAndGet(n);
            int total = totals.computeIfAbsent((summary ? "s " : "t ") + key, k -> new AtomicInteger())
                    .incrementAndGet();
            Trigger t = trigger.get();
            if (t != null && t.key().equals(key) && t.summary() == summary && t.at() == total) {
                t.action().run();
            }
            Synthetic a = articles.get(n);
            return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                    .but()
                    .withBody(TranslateEndToEndTest.completion(
                            summary ? a.summary() : doubtful.contains(n) ? a.doubtful() : a.translation()))
                    .build();
        }

        int[] translations(String key) {
            return counts(translations, key);
        }

        int[] summaries(String key) {
            return counts(summaries, key);
        }

        int translationCount(String key) {
            return sum(translations(key));
        }

        int summaryCount(String key) {
            return sum(summaries(key));
        }

        int requests(String key) {
            return translationCount(key) + summaryCount(key);
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
    record Synthetic(String id, String text, String translation, String summary, String doubtful) {

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
            StringBuilder doubtful = new StringBuilder(reply);
            for (int i = 0; i < en.size(); i++) {
                reply.append("\n\n[").append(i + 1).append("] ").append(en.get(i));
                // the second paragraph's last sentence left in German: kept, but for a person to review
                String mixed = i != 1
                        ? en.get(i)
                        : en.get(i).substring(0, en.get(i).indexOf(". ") + 2)
                                + de.get(i).substring(de.get(i).indexOf(". ") + 2);
                doubtful.append("\n\n[").append(i + 1).append("] ").append(mixed);
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

            return new Synthetic(id(n), text.toString(), reply.toString(), summary.toString(), doubtful.toString());
        }
    }
}
