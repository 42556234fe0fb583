package io.dragoman.core.clean;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.ArticleJson;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {
    private static final ZoneId MINSK = ZoneId.of("Europe/Minsk");

    @Test
    void parsesGermanDateLineWithTime() {
        DateParser.LineDate date =
                DateParser.parseLine("26 November 2020, 17:25").orElseThrow();

        assertThat(date.date()).isEqualTo(LocalDate.of(2020, 11, 26));
        assertThat(date.time()).isEqualTo(LocalTime.of(17, 25));
        assertThat(date.hasWeekday()).isFalse();
    }

    @Test
    void parsesGermanDateLineWithTimeInMinskZone() {
        assertThat(DateParser.parseIso("26 November 2020, 17:25", MINSK).map(ArticleJson::format))
                .contains("2020-11-26T17:25:00+03:00");
    }

    @Test
    void parsesCaptureStampWithLeadingWordAndWeekdayButNoTime() {
        DateParser.LineDate date =
                DateParser.parseLine("flag Donnerstag, 2 Mai 2024").orElseThrow();

        assertThat(date.date()).isEqualTo(LocalDate.of(2024, 5, 2));
        assertThat(date.time()).isNull();
        assertThat(date.hasWeekday()).isTrue();
        assertThat(date.lead()).isEqualTo("flag");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "24 Juni 2024, 16:28              | 2024-06-24 | 16:28",
                "3. März 2025 um 09:40 Uhr        | 2025-03-03 | 09:40",
                "12. Dez. 2023                    | 2023-12-12 |",
                "24 июня 2024, 16:28              | 2024-06-24 | 16:28",
                "5 марта 2024 г., 10:15           | 2024-03-05 | 10:15",
                "1 сентября 2023 года             | 2023-09-01 |",
                "24 June 2024, 16:28              | 2024-06-24 | 16:28",
                "June 24, 2024 4:28 PM            | 2024-06-24 | 16:28",
                "Nov 3rd, 2023                    | 2023-11-03 |",
                "December 1, 2023 12:05 a.m.      | 2023-12-01 | 00:05",
            })
    void parsesMonthNamesInGermanRussianAndEnglish(String line, LocalDate date, LocalTime time) {
        DateParser.LineDate parsed = DateParser.parseLine(line).orElseThrow();

        assertThat(parsed.date()).isEqualTo(date);
        assertThat(parsed.time()).isEqualTo(time);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "flag Пятница, 22 ноября 2024    | 2024-11-22",
                "Friday, 22 November 2024        | 2024-11-22",
                "Mittwoch, 3. Januar 2024        | 2024-01-03",
                "Sunday, March 3, 2024           | 2024-03-03",
            })
    void recognisesWeekdayCaptureStampsInEveryLanguage(String line, LocalDate date) {
        DateParser.LineDate parsed = DateParser.parseLine(line).orElseThrow();

        assertThat(parsed.date()).isEqualTo(date);
        assertThat(parsed.hasWeekday()).isTrue();
        assertThat(parsed.time()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "12.03.2024, 14:05 Uhr | 2024-03-12 | 14:05",
                "1.2.2024              | 2024-02-01 |",
                "2024-03-12 14:05      | 2024-03-12 | 14:05",
                "2024-03-12            | 2024-03-12 |",
            })
    void parsesNumericDayMonthYearAndIsoDates(String line, LocalDate date, LocalTime time) {
        DateParser.LineDate parsed = DateParser.parseLine(line).orElseThrow();

        assertThat(parsed.date()).isEqualTo(date);
        assertThat(parsed.time()).isEqualTo(time);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "32 Foo 2020, 25:99",
                "32 November 2020",
                "31 Februar 2024",
                "29 February 2023",
                "30.02.2024",
                "12.13.2024",
                "2024-13-01",
                "24 Juni 2024, 25:00",
                "24 Juni 2024, 16:60",
                "June 24, 2024 13:28 PM",
                "Politik",
                "",
                "   ",
                "2024",
                "Am 26. November 2020 trafen sich die Außenminister in Minsk.",
                "November 2020",
                "26 November",
            })
    void givesNothingForInvalidOrIncompleteDates(String line) {
        assertThat(DateParser.parseLine(line)).isEmpty();
    }

    @Test
    void givesNothingForLinesTooLongToBeADate() {
        assertThat(DateParser.parseLine("26 November 2020, 17:25" + " ".repeat(60) + "x"))
                .isEmpty();
    }

    @Test
    void rejectsAMonthNameTakenForALeadingWord() {
        assertThat(DateParser.parseLine("Mai 2 Juni 2024")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"26. November | --11-26", "24 июня | --06-24", "June 24 | --06-24", "3 Mär. | --03-03"})
    void parsesDayAndMonthWithoutYearAsInDatelines(String text, String monthDay) {
        assertThat(DateParser.parseDayMonth(text)).contains(MonthDay.parse(monthDay));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"31 Juni", "32. Mai", "26. Nebelmond", "November", "26"})
    void givesNothingForImpossibleDayAndMonth(String text) {
        assertThat(DateParser.parseDayMonth(text)).isEmpty();
    }

    @Test
    void keepsTheOffsetOfMachineReadableTimes() {
        assertThat(DateParser.parseIso("2024-03-05T09:30:00+01:00", null).map(ArticleJson::format))
                .contains("2024-03-05T09:30:00+01:00");
        assertThat(DateParser.parseIso("2024-03-05T08:30:00Z", MINSK).map(ArticleJson::format))
                .contains("2024-03-05T08:30:00Z");
        assertThat(DateParser.parseIso("2024-03-05T09:30:00+0100", null).map(ArticleJson::format))
                .contains("2024-03-05T09:30:00+01:00");
        assertThat(DateParser.parseIso("Tue, 5 Mar 2024 09:30:00 GMT", null).map(ArticleJson::format))
                .contains("2024-03-05T09:30:00Z");
    }

    @Test
    void placesLocalMachineReadableTimesOnlyInAKnownZone() {
        assertThat(DateParser.parseIso("2024-06-24T16:28:00", null)).isEmpty();
        assertThat(DateParser.parseIso("2024-06-24T16:28:00", MINSK).map(ArticleJson::format))
                .contains("2024-06-24T16:28:00+03:00");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "  ", "yesterday", "2024-02-30T10:00:00+01:00"})
    void givesNothingForUnparseableMachineReadableTimes(String text) {
        assertThat(DateParser.parseIso(text, MINSK)).isEmpty();
        assertThat(DateParser.parseIso(null, MINSK)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "19 November 2019 • 1:16pm; 2019-11-19T13:16",
                "| November 18, 2019 12:26 PM; 2019-11-18T12:26",
                "Nov. 18, 2019 7:04 pm; 2019-11-18T19:04",
                "— 3. März 2024 — 08:15 Uhr; 2024-03-03T08:15"
            })
    void readsDateLinesWithBulletsBarsAndTwelveHourTimes(String line, String expected) {
        assertThat(DateParser.parseLine(line).map(DateParser.LineDate::dateTime).map(Object::toString))
                .contains(expected);
    }

    @Test
    void readsAnUnambiguousZoneAbbreviationAfterTheTime() {
        DateParser.LineDate date =
                DateParser.parseLine("Nov. 18, 2019 7:04 pm ET").orElseThrow();

        assertThat(date.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(ArticleJson.format(date.dateTime().atZone(date.zone()).toOffsetDateTime()))
                .isEqualTo("2019-11-18T19:04:00-05:00");
        assertThat(DateParser.parseLine("24 июня 2024, 16:28 MSK").orElseThrow().zone())
                .isEqualTo(ZoneId.of("Europe/Moscow"));
    }

    @Test
    void leavesTheZoneUnknownWithoutAnAbbreviationAndRejectsAmbiguousOnes() {
        assertThat(DateParser.parseLine("26 November 2020, 17:25").orElseThrow().zone())
                .isNull();
        assertThat(DateParser.parseLine("Nov. 18, 2019 7:04 pm CST")).isEmpty();
    }
}
