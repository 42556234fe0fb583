package io.dragoman.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    private static final PromptTemplate TEMPLATE = new PromptTemplate(
            "demo", "You translate {{ sourceLanguage }}.", "{{glossary}}\n\n\nText:\n{{text}}", "test");

    @Test
    void fillsEveryPlaceholderInBothMessages() {
        RenderedPrompt prompt =
                TEMPLATE.render(Map.of("sourceLanguage", "German", "glossary", "- Lawrow → Lavrov", "text", "Hallo."));

        assertThat(prompt.system()).isEqualTo("You translate German.");
        assertThat(prompt.user()).isEqualTo("- Lawrow → Lavrov\n\nText:\nHallo.");
        assertThat(prompt.task()).isEqualTo("demo");
        assertThat(prompt.version()).isEqualTo(TEMPLATE.version());
    }

    @Test
    void collapsesTheBlankLinesLeftByAnEmptyBlock() {
        RenderedPrompt prompt = TEMPLATE.render(Map.of("sourceLanguage", "German", "glossary", "", "text", "Hallo."));

        assertThat(prompt.user()).isEqualTo("Text:\nHallo.");
    }

    @Test
    void insertsValuesLiterallyEvenWhenTheyLookLikePlaceholdersOrReplacementSyntax() {
        RenderedPrompt prompt = TEMPLATE.render(
                Map.of("sourceLanguage", "German", "glossary", "", "text", "Preis: $1 {{glossary}} \\n"));

        assertThat(prompt.user()).endsWith("Preis: $1 {{glossary}} \\n");
    }

    @Test
    void namesEveryMissingValue() {
        assertThatThrownBy(() -> TEMPLATE.render(Map.of("text", "Hallo.")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("demo")
                .hasMessageContaining("sourceLanguage, glossary");
    }

    @Test
    void listsItsVariablesInOrderOfFirstUse() {
        assertThat(TEMPLATE.variables()).containsExactly("sourceLanguage", "glossary", "text");
    }

    @Test
    void keepsTheSameVersionAcrossLineEndingsAndChangesItWithTheText() {
        PromptTemplate crlf = new PromptTemplate(
                "demo", "You translate {{ sourceLanguage }}.", "{{glossary}}\r\n\r\n\r\nText:\r\n{{text}}", "other");
        PromptTemplate edited =
                new PromptTemplate("demo", "You translate {{ sourceLanguage }} faithfully.", TEMPLATE.user(), "test");

        assertThat(crlf.version()).isEqualTo(TEMPLATE.version()).hasSize(12).matches("[0-9a-f]{12}");
        assertThat(edited.version()).isNotEqualTo(TEMPLATE.version());
    }

    @Test
    void doesNotConfuseWhichMessageATextBelongsTo() {
        PromptTemplate a = new PromptTemplate("demo", "ab", "c", "test");
        PromptTemplate b = new PromptTemplate("demo", "a", "bc", "test");

        assertThat(a.version()).isNotEqualTo(b.version());
    }
}
