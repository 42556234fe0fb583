package io.dragoman.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.JavaSources.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j stays behind {@code core.llm}: only the adapter package imports it, nothing outside {@code core.llm}
 * sees the adapter, and the adapter shows one public type. A source scan of every module's main code.
 */
class LangChain4jBoundaryTest {

    static final String LANGCHAIN4J = "dev.langchain4j";
    static final String LLM = "io.dragoman.core.llm";
    static final String ADAPTER = "io.dragoman.core.llm.langchain4j";

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*(?:class|interface|enum|record|@interface)\\s");

    private final List<Source> sources = JavaSources.main();

    @Test
    void nothingOutsideCoreLlmUsesLangChain4jOrTheAdapter() {
        List<String> offenders = sources.stream()
                .filter(s -> !JavaSources.within(s.packageName(), LLM))
                .filter(s -> s.uses(LANGCHAIN4J) || s.uses(ADAPTER))
                .map(s -> s.path() + " uses " + s.uses())
                .toList();

        assertThat(sources).as("files scanned").hasSizeGreaterThan(100);
        assertThat(offenders).isEmpty();
    }

    @Test
    void onlyTheAdapterPackageUsesLangChain4j() {
        List<String> users = sources.stream()
                .filter(s -> s.uses(LANGCHAIN4J))
                .map(Source::packageName)
                .distinct()
                .toList();

        assertThat(users).containsExactly(ADAPTER);
    }

    @Test
    void theAdapterShowsOnlyItsEntryPoint() throws IOException {
        List<String> publicTypes = sources.stream()
                .filter(s -> s.packageName().equals(ADAPTER))
                .filter(s -> PUBLIC_TYPE.matcher(JavaSources.codeOnly(text(s))).find())
                .map(s -> s.path().getFileName().toString())
                .toList();

        assertThat(publicTypes).containsExactly("LangChain4jProvider.java");
    }

    @Test
    void seesAnImportAQualifiedNameAndAStaticImportButNotAComment() {
        String code = """
                package io.dragoman.cli;
                import dev.langchain4j.model.chat.ChatModel;
                import static io.dragoman.core.llm.langchain4j.Thing.make;
                // dev.langchain4j.http.client.HttpClient in a comment
                class X { Object o = new io.dragoman.core.llm.retry.RateLimiter(); String s = "dev.langchain4j.Y"; }
                """;

        assertThat(JavaSources.codeOnly(code)).doesNotContain("HttpClient").doesNotContain("dev.langchain4j.Y");
        Source parsed = parse(code);
        assertThat(parsed.uses())
                .containsExactlyInAnyOrder(
                        "dev.langchain4j.model.chat", "io.dragoman.core.llm.langchain4j", "io.dragoman.core.llm.retry");
        assertThat(parsed.uses(LANGCHAIN4J)).isTrue();
        assertThat(parsed.uses(ADAPTER)).isTrue();
    }

    private static Source parse(String code) {
        try {
            java.nio.file.Path file = Files.createTempFile("Scanned", ".java");
            try {
                Files.writeString(file, code, StandardCharsets.UTF_8);
                return JavaSources.read(file);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(Source source) {
        try {
            return Files.readString(source.path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
