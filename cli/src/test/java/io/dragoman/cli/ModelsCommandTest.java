package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import io.dragoman.core.llm.setup.OllamaProbe;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code dragoman models}: the providers, their keys (never the values), defaults, prices and a local Ollama. */
class ModelsCommandTest {

    private static final String SECRET = "sk-test-5ecret-value-0123456789";

    @Test
    void listsEveryProviderWithItsDefaultModelKeyVariableAndPrice() {
        Cli.Result r = Cli.runWith(Map.of("OPENAI_API_KEY", SECRET), "models");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("PROVIDER").contains("DEFAULT MODEL", "API KEY", "BASE URL");
        assertThat(line(lines, "openai "))
                .contains("gpt-4.1-mini", "OPENAI_API_KEY set", "OPENAI_BASE_URL not set", "$0.40 / $0.10 / $1.60");
        assertThat(line(lines, "anthropic ")).contains("claude-haiku-4-5", "ANTHROPIC_API_KEY not set");
        assertThat(line(lines, "gemini ")).contains("gemini-2.5-flash", "GEMINI_API_KEY not set");
        assertThat(line(lines, "mistral ")).contains("mistral-small-latest", "MISTRAL_API_KEY not set");
        assertThat(line(lines, "ollama ")).contains("qwen2.5:7b", "none needed", "free");
        assertThat(line(lines, "openai-compatible "))
                .contains("(name it with --model)", "OPENAI_COMPATIBLE_API_KEY (optional) not set");
        assertThat(lines).last().isEqualTo("Ollama on http://localhost:11434: does not answer");
    }

    @Test
    void printsTheSameAsJson() throws IOException {
        Cli.Result r = Cli.runWith(
                Map.of("MISTRAL_API_KEY", SECRET, "OPENAI_BASE_URL", "http://127.0.0.1:9/v1"), "models", "--json");

        assertThat(r.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("providers")).hasSize(6);
        JsonNode openai = json.get("providers").get(0);
        assertThat(openai.get("id").asText()).isEqualTo("openai");
        assertThat(openai.get("defaultModel").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(openai.get("keyVariable").asText()).isEqualTo("OPENAI_API_KEY");
        assertThat(openai.get("keySet").asBoolean()).isFalse();
        assertThat(openai.get("baseUrlSet").asBoolean()).isTrue();
        assertThat(openai.get("price").get("inputPerMillion").decimalValue()).isEqualByComparingTo("0.40");
        assertThat(json.get("providers").get(3).get("keySet").asBoolean()).isTrue();
        assertThat(json.get("providers").get(5).get("defaultModel").isNull()).isTrue();
        assertThat(json.get("ollama").get("baseUrl").asText()).isEqualTo("http://localhost:11434");
        assertThat(json.get("ollama").get("answers").asBoolean()).isFalse();
    }

    @Test
    void neverPrintsTheValueOfAKeyThatIsSet() {
        Map<String, String> keys = Map.of(
                "OPENAI_API_KEY", SECRET + "-openai",
                "ANTHROPIC_API_KEY", SECRET + "-anthropic",
                "GEMINI_API_KEY", SECRET + "-gemini",
                "MISTRAL_API_KEY", SECRET + "-mistral",
                "OPENAI_COMPATIBLE_API_KEY", SECRET + "-compatible");

        for (String[] args : new String[][] {{"models"}, {"models", "--json"}}) {
            Cli.Result r = Cli.runWith(keys, args);

            assertThat(r.exitCode()).isZero();
            assertThat(r.out() + r.err()).doesNotContain(SECRET, "5ecret");
        }
    }

    @Test
    void saysWhetherALocalOllamaAnswersWithinABoundedProbe() throws IOException {
        com.sun.net.httpserver.HttpServer ollama =
                com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ollama.createContext("/api/tags", exchange -> {
            byte[] body = "{\"models\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ollama.start();
        try {
            String local = "http://127.0.0.1:" + ollama.getAddress().getPort();
            OllamaProbe probe = new OllamaProbe(Duration.ofSeconds(1));
            // the command asks about localhost:11434; the probe is pointed at the stand-in on 127.0.0.1
            Predicate<String> answers = baseUrl -> baseUrl.equals("http://localhost:11434") && probe.test(local);

            assertThat(models(answers)).endsWith("Ollama on http://localhost:11434: answers\n");
            ollama.stop(0);
            long start = System.nanoTime();
            assertThat(models(answers)).endsWith("Ollama on http://localhost:11434: does not answer\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        } finally {
            ollama.stop(0);
        }
    }

    private static String models(Predicate<String> ollamaAnswers) {
        StringWriter out = new StringWriter();
        CommandLine cli = DragomanCommand.commandLine(new DragomanCommand(
                () -> new ByteArrayInputStream(new byte[0]),
                maxBytes -> {
                    throw new AssertionError("models cleans nothing");
                },
                Map.of(),
                ollamaAnswers,
                Detector.SHARED));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute("models")).isZero();
        return out.toString();
    }

    private static String line(List<String> lines, String start) {
        return lines.stream()
                .filter(l -> l.startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting '" + start + "' in " + lines));
    }

    /** The language model is not needed here; loaded lazily only if something asks. */
    private static final class Detector {
        static final OpenNlpLanguageDetector SHARED = new OpenNlpLanguageDetector();
    }
}
