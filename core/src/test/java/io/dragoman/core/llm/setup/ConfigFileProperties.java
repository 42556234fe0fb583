package io.dragoman.core.llm.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A config file of any content is read, or rejected with an {@link IllegalArgumentException} (or, when it cannot be
 * read at all, an {@link UncheckedIOException}) whose message is one line naming the file; a file that is not JSON
 * never has its key quoted back.
 */
class ConfigFileProperties {
    private static final String KEY = "sk-proj-SECRETSECRETSECRET1234";
    private static final String VALID =
            "{\"provider\": \"openai\", \"model\": \"gpt-4.1-mini\", \"baseUrl\": \"http://127.0.0.1:9\", \"apiKey\": \""
                    + KEY + "\"}";

    @Property(tries = 300)
    void anyContentIsReadOrRejectedWithOneLineNamingTheFile(@ForAll("contents") byte[] content) throws IOException {
        Path file = Files.createTempFile("dragoman-config", ".json");
        try {
            Files.write(file, content);
            try {
                ConfigFile config = ConfigFile.read(file);
                assertThat(config.choice()).isNotNull();
            } catch (IllegalArgumentException | UncheckedIOException e) {
                assertThat(e.getMessage()).contains(file.toString()).doesNotContain("\n");
                if (e.getMessage().contains("not valid JSON")) {
                    assertThat(e.getMessage()).doesNotContain(KEY);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theValidFileIsRead() throws IOException {
        Path file = Files.createTempFile("dragoman-config", ".json");
        try {
            Files.writeString(file, VALID);
            assertThat(ConfigFile.read(file).choice().apiKey()).contains(KEY);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<byte[]> contents() {
        Arbitrary<byte[]> mutated =
                Arbitraries.longs().map(seed -> mutate(VALID, new Random(seed)).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> deep = Arbitraries.integers()
                .between(900, 3000)
                .map(n -> ("{\"model\": " + "[".repeat(n) + "]".repeat(n) + "}").getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> longNumber = Arbitraries.integers().between(500, 3000).map(n -> ("{\"apiKey\": \"" + KEY
                        + "\", \"model\": " + "7".repeat(n) + "}")
                .getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> notUtf8 = Arbitraries.bytes()
                .array(byte[].class)
                .ofMaxSize(20)
                .map(b -> {
                    byte[] all = (VALID.substring(0, 20) + "\u00ff").getBytes(StandardCharsets.ISO_8859_1);
                    byte[] out = new byte[all.length + b.length];
                    System.arraycopy(all, 0, out, 0, all.length);
                    System.arraycopy(b, 0, out, all.length, b.length);
                    return out;
                });
        return Arbitraries.oneOf(
                mutated,
                deep,
                longNumber,
                notUtf8,
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.strings().all().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of("", "null", "[]", "{}", "\"openai\"", "{\"provider\": null}", "{\"provider\": \"nope\"}")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String PUNCTUATION = "{}[]\":,x \\\u0000";

    private static String mutate(String text, Random random) {
        StringBuilder b = new StringBuilder(text);
        for (int i = 0, edits = 1 + random.nextInt(4); i < edits && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.setCharAt(at, PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
                case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(10)));
                case 2 -> b.insert(at, PUNCTUATION.charAt(random.nextInt(7)));
                default -> b.setLength(at);
            }
        }
        return b.toString();
    }
}
