package io.dragoman.core.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleIdTest {

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "",
                " ",
                ".",
                "..",
                "../etc/passwd",
                "a/b",
                "a\\b",
                ".hidden",
                "-rf",
                "a b",
                "Über",
                "id\n",
                "C:",
                "nul\u0000",
            })
    void rejectsIdsThatAreNotSafeAsFileNames(String value) {
        assertThatThrownBy(() -> new ArticleId(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not safe as a file name");
    }

    @Test
    void rejectsNullAndOverlongIds() {
        assertThatThrownBy(() -> new ArticleId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ArticleId("x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "000_9d6d41b7495442df", "belta-de.2020_1", "_draft", "9"})
    void acceptsLettersDigitsDotsUnderscoresAndHyphens(String value) {
        assertThat(new ArticleId(value).value()).isEqualTo(value);
        assertThat(new ArticleId(value)).hasToString(value);
    }

    @Test
    void acceptsIdsOfTwoHundredCharacters() {
        assertThat(new ArticleId("x".repeat(200)).value()).hasSize(200);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
        "'../../etc/passwd', etc_passwd",
        "'Nachricht über Minsk', Nachricht_ber_Minsk",
        "'https://eng.belta.by/politics/view/123/', https_eng.belta.by_politics_view_123_",
        "'.hidden', hidden",
        "'___x', x",
        "'/', article",
        "'', article",
        "'Лавров', article",
        "'-rf', rf",
        "'--.-x', x",
    })
    void derivesASafeIdFromAnyText(String text, String id) {
        assertThat(ArticleId.derive(text).value()).isEqualTo(id);
    }

    @Test
    void derivesAnIdFromNullAndCutsLongText() {
        assertThat(ArticleId.derive(null).value()).isEqualTo("article");
        assertThat(ArticleId.derive("y".repeat(500)).value()).hasSize(200);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", "/", "../", "-", "Лавров", "\u0000\u0007"})
    void derivesNoIdFromTextWithNothingUsable(String text) {
        assertThat(ArticleId.deriveIfUsable(text)).isEmpty();
        assertThat(ArticleId.deriveIfUsable(null)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"CON", "con", "NUL.txt", "nul.tar.gz", "Aux", "PRN", "com1", "COM9.md", "lpt0", "LPT9"})
    void rejectsWindowsDeviceNamesWithAnyExtensionOrCase(String value) {
        assertThatThrownBy(() -> new ArticleId(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserves it for a device");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONSOLE", "nullable", "com10", "con_", "aux-1", "LPT", "prn_.txt", "a.con"})
    void acceptsNamesThatOnlyResembleWindowsDevices(String value) {
        assertThat(new ArticleId(value).value()).isEqualTo(value);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
        "CON, CON_",
        "nul.txt, nul_.txt",
        "'../../Aux', Aux_",
        "'C:\\com1.json', C_com1.json",
        "'com1.json', com1_.json",
    })
    void derivesIdsThatAreNoWindowsDevice(String text, String id) {
        assertThat(ArticleId.derive(text).value()).isEqualTo(id);
    }

    @Test
    void derivesADeviceFreeIdOfAtMostTwoHundredCharactersFromALongDeviceName() {
        String id = ArticleId.derive("con." + "x".repeat(300)).value();

        assertThat(id).hasSize(200).startsWith("con_.");
    }

    @Test
    void derivesTheSameIdIfUsableAsDerive() {
        assertThat(ArticleId.deriveIfUsable("../x")).contains(new ArticleId("x"));
    }
}
