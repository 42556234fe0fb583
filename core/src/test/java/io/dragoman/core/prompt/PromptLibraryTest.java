package io.dragoman.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptLibraryTest {

    private static final Map<String, String> TRANSLATE_VALUES = Map.of(
            "sourceLanguage", "German",
            "unitCount", "3",
            "source",
                    "[T] Makej und Lawrow erörtern Zusammenarbeit\n\n[1] Die Außenminister trafen sich.\n\n"
                            + "[2] Sie sprachen über die OVKS.",
            "glossary", "Glossary (use these renderings exactly):\n- Lawrow → Lavrov\n- OVKS → CSTO",
            "context", "");

    @Test
    void loadsTheBuiltInTranslatePromptFromTheJar() {
        PromptTemplate translate = PromptLibrary.builtIn().template("translate");

        assertThat(translate.origin()).isEqualTo("built-in");
        assertThat(translate.system()).contains("[T]").contains("no preamble");
        assertThat(translate.variables())
                .containsExactlyInAnyOrder("sourceLanguage", "glossary", "context", "unitCount", "source");
    }

    @Test
    void rendersTheTranslatePromptWithTheTitleParagraphsAndGlossary() {
        RenderedPrompt prompt = PromptLibrary.builtIn().template("translate").render(TRANSLATE_VALUES);

        assertThat(prompt.user())
                .contains("Translate this German news text into English")
                .contains("- Lawrow → Lavrov")
                .contains("3 marked paragraphs")
                .contains("<article>\n[T] Makej und Lawrow erörtern Zusammenarbeit")
                .endsWith("[2] Sie sprachen über die OVKS.\n</article>")
                .doesNotContain("{{")
                .doesNotContain("\n\n\n");
    }

    @Test
    void loadsTheBuiltInRepairAdditionWithTheProblemsAndThePreviousReply() {
        PromptTemplate repair = PromptLibrary.builtIn().template("repair");

        assertThat(repair.system())
                .as("a repair repeats the translation's system message; it has none of its own")
                .isEmpty();
        assertThat(repair.user()).contains("<previous>").contains("markers");
        assertThat(repair.variables()).containsExactlyInAnyOrder("problems", "previous");
    }

    @Test
    void usesAnOverrideFileAndKeepsTheBuiltInOneForTheOther(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("translate"));
        Files.writeString(dir.resolve("translate/user.md"), "Übersetze: {{paragraphs}}", StandardCharsets.UTF_8);
        PromptTemplate builtIn = PromptLibrary.builtIn().template("translate");

        PromptTemplate overridden = PromptLibrary.withOverrides(dir).template("translate");

        assertThat(overridden.user()).isEqualTo("Übersetze: {{paragraphs}}");
        assertThat(overridden.system()).isEqualTo(builtIn.system());
        assertThat(overridden.origin()).isEqualTo(dir + " + built-in");
        assertThat(overridden.version()).isNotEqualTo(builtIn.version());
    }

    @Test
    void offersATaskThatExistsOnlyInTheOverrideFolder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("headline"));
        Files.writeString(dir.resolve("headline/user.md"), "Write a headline for {{text}}", StandardCharsets.UTF_8);

        PromptTemplate headline = PromptLibrary.withOverrides(dir).template("headline");

        assertThat(headline.system()).isEmpty();
        assertThat(headline.render(Map.of("text", "x")).user()).isEqualTo("Write a headline for x");
    }

    @Test
    void saysWhereItLookedForAMissingTask(@TempDir Path dir) {
        assertThatThrownBy(() -> PromptLibrary.withOverrides(dir).template("nonexistent"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nonexistent/user.md")
                .hasMessageContaining(dir.toString());
    }

    @Test
    void rejectsTaskNamesThatCouldLeaveTheFolder() {
        assertThatThrownBy(() -> PromptLibrary.builtIn().template("../secrets"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a prompt task name");
    }

    @Test
    void rejectsAnOverrideFolderThatDoesNotExist(@TempDir Path dir) {
        assertThatThrownBy(() -> PromptLibrary.withOverrides(dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void everyPromptFileIsListedInThePromptsReadme() throws IOException {
        Path prompts = Path.of("..", "prompts");
        String readme = Files.readString(prompts.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> files;
        try (Stream<Path> all = Files.walk(prompts)) {
            files = all.filter(Files::isRegularFile)
                    .map(f -> prompts.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.equals("README.md"))
                    .sorted()
                    .toList();
        }

        assertThat(files).contains("translate/glossary.md", "repair/problem.md", "summarize/reask.md");
        assertThat(files)
                .allSatisfy(f -> assertThat(readme).as("prompts/README.md").contains("`" + f + "`"));
    }

    @Test
    void aPartChangesTheVersionOfTheTaskThatUsesIt(@TempDir Path dir) throws IOException {
        PromptTemplate builtIn = PromptLibrary.builtIn().template("repair", List.of("repair/problem"));
        Files.createDirectories(dir.resolve("repair"));
        Files.writeString(dir.resolve("repair/problem.md"), "* {{problem}}\n");

        PromptTemplate overridden = PromptLibrary.withOverrides(dir).template("repair", List.of("repair/problem"));

        assertThat(overridden.part("repair/problem", Map.of("problem", "[3] is missing")))
                .isEqualTo("* [3] is missing");
        assertThat(builtIn.part("repair/problem", Map.of("problem", "[3] is missing")))
                .isEqualTo("- [3] is missing");
        assertThat(overridden.version()).isNotEqualTo(builtIn.version());
        assertThat(overridden.user()).isEqualTo(builtIn.user());
        assertThatThrownBy(() -> PromptLibrary.builtIn().template("repair", List.of("repair/nonexistent")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repair/nonexistent.md");
    }
}
