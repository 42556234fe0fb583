package io.dragoman.core.llm.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.llm.ProviderKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    private static final String KEY = "sk-ant-config-0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void readsTheProviderModelBaseUrlAndKey() throws IOException {
        Path file = Files.writeString(
                dir.resolve("config.json"),
                "{\"provider\": \"Anthropic\", \"model\": \"claude-x\", \"baseUrl\": \"http://proxy:8080\","
                        + " \"apiKey\": \"" + KEY + "\"}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        ConfigFile config = ConfigFile.read(file);

        assertThat(config.choice().provider()).contains(ProviderKind.ANTHROPIC);
        assertThat(config.choice().model()).contains("claude-x");
        assertThat(config.choice().baseUrl()).contains("http://proxy:8080");
        assertThat(config.choice().apiKey()).contains(KEY);
        assertThat(config.warnings()).isEmpty();
        assertThat(config.toString()).doesNotContain(KEY);
    }

    @Test
    void warnsWhenAFileHoldingAKeyIsReadableByOthers() throws IOException {
        Path file = Files.writeString(
                dir.resolve("config.json"), "{\"provider\": \"openai\", \"apiKey\": \"" + KEY + "\"}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(ConfigFile.read(file).warnings())
                .singleElement()
                .satisfies(w -> assertThat(w).contains("chmod 600").doesNotContain(KEY));
    }

    @Test
    void warnsNamingTheFileWhenItIsReadableByTheGroupAndNotWhenOnlyTheOwnerCanReadIt() throws IOException {
        Path file = Files.writeString(
                dir.resolve("config.json"), "{\"provider\": \"openai\", \"apiKey\": \"" + KEY + "\"}");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(ConfigFile.read(file).warnings())
                .singleElement()
                .satisfies(w -> assertThat(w).contains(file.toString()).doesNotContain(KEY));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(ConfigFile.read(file).warnings()).isEmpty();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(ConfigFile.read(file).warnings()).isEmpty();
    }

    @Test
    void doesNotWarnAboutAReadableFileThatHoldsNoKey() throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"provider\": \"ollama\"}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(ConfigFile.read(file).warnings()).isEmpty();
    }

    @Test
    void neverRepeatsAKeyPutInTheWrongPlace() throws IOException {
        Path asProvider = Files.writeString(dir.resolve("a.json"), "{\"provider\": \"" + KEY + "\"}");
        Path asField = Files.writeString(dir.resolve("b.json"), "{\"provider\": \"openai\", \"" + KEY + "\": \"\"}");
        Path asNumber = Files.writeString(dir.resolve("c.json"), "{\"apiKey\": " + KEY + "}");
        Path asList = Files.writeString(dir.resolve("d.json"), "{\"apiKey\": [\"" + KEY + "\"]}");

        for (Path file : List.of(asProvider, asField, asNumber, asList)) {
            assertThatThrownBy(() -> ConfigFile.read(file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(file.toString())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        }
        assertThatThrownBy(() -> ConfigFile.read(asField)).hasMessageContaining("1 not shown");
    }

    @Test
    void rejectsUnknownFieldsProvidersAndBrokenJsonWithoutShowingTheKey() throws IOException {
        Path unknown = Files.writeString(dir.resolve("a.json"), "{\"provider\": \"openai\", \"temperature\": \"1\"}");
        Path provider = Files.writeString(dir.resolve("b.json"), "{\"provider\": \"openia\"}");
        Path broken = Files.writeString(dir.resolve("c.json"), "{\"apiKey\": \"" + KEY + "\" \"model\": 1}");

        assertThatThrownBy(() -> ConfigFile.read(unknown)).hasMessageContaining("unknown fields [temperature]");
        assertThatThrownBy(() -> ConfigFile.read(provider))
                .hasMessageContaining(provider.toString())
                .hasMessageContaining("openai-compatible");
        assertThatThrownBy(() -> ConfigFile.read(broken))
                .hasMessageContaining("not valid JSON (line 1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    }

    @Test
    void rejectsAFileNestedTooDeeplyOrWithAHugeNumberWithAClearErrorNotANullPointer() throws IOException {
        Path deep =
                Files.writeString(dir.resolve("deep.json"), "{\"model\": " + "[".repeat(1500) + "]".repeat(1500) + "}");
        Path number = Files.writeString(
                dir.resolve("number.json"), "{\"apiKey\": \"" + KEY + "\", \"model\": " + "7".repeat(2000) + "}");

        assertThatThrownBy(() -> ConfigFile.read(deep))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The config file " + deep
                        + " is not a config file: it nests too deeply or holds a value too long to read.");
        assertThatThrownBy(() -> ConfigFile.read(number))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(number.toString())
                .hasMessageNotContaining(KEY);
    }

    @Test
    void rejectsAFileThatIsNotUtf8Text() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', 'm', (byte) 0xFC, '"', '}'});

        assertThatThrownBy(() -> ConfigFile.read(latin1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The config file " + latin1 + " is not UTF-8 text.");
    }

    @Test
    void looksInTheXdgConfigFolderThenInTheHomeFolder() {
        assertThat(ConfigFile.defaultLocation(Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h")))
                .contains(Path.of("/x/dragoman/config.json"));
        assertThat(ConfigFile.defaultLocation(Map.of("HOME", "/h")))
                .contains(Path.of("/h/.config/dragoman/config.json"));
        assertThat(ConfigFile.defaultLocation(Map.of())).isEmpty();
    }
}
