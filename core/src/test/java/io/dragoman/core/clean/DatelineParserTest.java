package io.dragoman.core.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatelineParserTest {

    @Test
    void findsGermanDatelineWithDayMonthAndAgency() {
        String paragraph = "MINSK, 26. November (BelTA) – Belarus und Russland haben die Koordinierung vereinbart.";

        DatelineParser.Found found = DatelineParser.find(paragraph).orElseThrow();

        assertThat(found.place()).isEqualTo("MINSK");
        assertThat(found.monthDay()).isEqualTo(MonthDay.of(11, 26));
        assertThat(found.agency()).isEqualTo("BelTA");
        assertThat(found.text()).isEqualTo("MINSK, 26. November (BelTA) – ");
        assertThat(paragraph.substring(found.length())).startsWith("Belarus und Russland");
    }

    @Test
    void findsRussianDatelineWithCyrillicAgency() {
        DatelineParser.Found found = DatelineParser.find(
                        "МИНСК, 24 июня (БЕЛТА) – Министры иностранных дел проводят переговоры.")
                .orElseThrow();

        assertThat(found.place()).isEqualTo("МИНСК");
        assertThat(found.monthDay()).isEqualTo(MonthDay.of(6, 24));
        assertThat(found.agency()).isEqualTo("БЕЛТА");
        assertThat(found.text()).isEqualTo("МИНСК, 24 июня (БЕЛТА) – ");
    }

    @Test
    void findsEnglishDatelineWithHyphen() {
        DatelineParser.Found found = DatelineParser.find(
                        "MINSK, 24 June (BelTA) - Foreign Ministers of Belarus and Russia are holding talks.")
                .orElseThrow();

        assertThat(found.place()).isEqualTo("MINSK");
        assertThat(found.monthDay()).isEqualTo(MonthDay.of(6, 24));
        assertThat(found.agency()).isEqualTo("BelTA");
        assertThat(found.text()).isEqualTo("MINSK, 24 June (BelTA) - ");
    }

    @Test
    void findsEnglishDatelineWithMonthBeforeDayAndTwoWordPlace() {
        DatelineParser.Found found = DatelineParser.find("NEW YORK, June 24 (AP) — Stocks fell on Monday.")
                .orElseThrow();

        assertThat(found.place()).isEqualTo("NEW YORK");
        assertThat(found.monthDay()).isEqualTo(MonthDay.of(6, 24));
        assertThat(found.agency()).isEqualTo("AP");
    }

    @Test
    void findsDatelineWithoutDate() {
        DatelineParser.Found found = DatelineParser.find(
                        "WASHINGTON (Reuters) - The U.S. Senate on Thursday passed a stopgap funding bill.")
                .orElseThrow();

        assertThat(found.place()).isEqualTo("WASHINGTON");
        assertThat(found.monthDay()).isNull();
        assertThat(found.agency()).isEqualTo("Reuters");
        assertThat(found.text()).isEqualTo("WASHINGTON (Reuters) - ");
    }

    @Test
    void findsPlaceInOrdinaryCaseBeforeAnAgency() {
        DatelineParser.Found found = DatelineParser.find("Berlin (dpa) - Der Bundesrat hat das Gesetz gebilligt.")
                .orElseThrow();

        assertThat(found.place()).isEqualTo("Berlin");
        assertThat(found.agency()).isEqualTo("dpa");
        assertThat(found.text()).isEqualTo("Berlin (dpa) - ");
    }

    @Test
    void findsHyphenatedPlace() {
        DatelineParser.Found found = DatelineParser.find("BREST-LITOVSK (BelTA) – Die Grenze ist offen.")
                .orElseThrow();

        assertThat(found.place()).isEqualTo("BREST-LITOVSK");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "Berlin, die Hauptstadt Deutschlands, ist im Sommer voller Touristen.",
                "Berlin, 3. Oktober - Die Feiern zum Tag der Einheit begannen am Vormittag.",
                "Berlin, im Mai (so die Polizei) – mehr Fahrräder als je zuvor.",
                "Berlin (dpa) meldete am Montag neue Zahlen.",
                "Die EU (Europäische Union) – ein Staatenbund – hat 27 Mitglieder.",
                "Christian Lindner (FDP) – der Finanzminister – widersprach.",
                "Minsk, 26. November 2020. Die Sitzung begann am Morgen.",
                "Belarus und Russland haben die Koordinierung vereinbart.",
                "",
            })
    void isNotFooledByOrdinarySentences(String paragraph) {
        assertThat(DatelineParser.find(paragraph)).isEmpty();
    }

    @Test
    void findsNoDatelineInALongHyphenatedParagraphQuickly() {
        String paragraph = "Ab-cd-".repeat(5_000) + "Ende.";
        String upper = "AB-CD-".repeat(5_000) + "ENDE.";

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(DatelineParser.find(paragraph)).isEmpty();
            assertThat(DatelineParser.find(upper)).isEmpty();
        });
    }
}
