package io.dragoman.core.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineSignalsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Belarus und Russland vereinbarten Koordinierung | 5",
                "Лавров прибыл в Минск | 4",
                "e-mail, 2024 | 3",
                "これが非常に困ったもの。 | 5",
                "'' | 0"
            })
    void countsWordsWithHalfAWordPerChineseJapaneseOrKoreanCharacter(String line, int words) {
        assertThat(LineSignals.words(line)).isEqualTo(words);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Die Seiten unterzeichneten den Plan.",
                "„Wir haben vereinbart“, sagte er.“",
                "Он прибыл в Минск?»",
                "Shall we go back in time to visit the festival 🙂",
                "再起動して完了。",
                "Two sentences. Without a final stop"
            })
    void readsSentencesByTheirPunctuation(String line) {
        assertThat(LineSignals.readsAsSentences(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Alejnik und Lawrow führen Gespräche in Minsk",
                "Apple recently launched the new AirPods Pro. The AirPods Pro features Active Noise Cancellat...",
                "Microsoft offers a new Surface Go bundle for kids and families…"
            })
    void doesNotReadHeadlinesOrTeasersCutShortAsSentences(String line) {
        assertThat(LineSignals.readsAsSentences(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "© 2019 CBS Interactive Inc. All Rights Reserved.",
                "Copyright © Mortons Media Group Ltd, Media Centre",
                "Copyright 2020 Beispiel GmbH",
                "© 2024 Elbe-Kurier",
                "Alle Rechte vorbehalten.",
                "Все права защищены"
            })
    void recognisesCopyrightNotices(String line) {
        assertThat(LineSignals.isCopyright(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "© John Brecher Needle poking skin during administration of a flu shot.",
                "The copyright law of 2019 was debated for months before the vote in parliament."
            })
    void takesPhotoCreditsAndTextForNoCopyrightNotice(String line) {
        assertThat(LineSignals.isCopyright(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "thelastchargersfan says:",
                "Milan Griffes on September 12, 2018 at 4:47 pm said:",
                "Hans Müller schrieb:",
                "Иван пишет:"
            })
    void recognisesCommentHeaders(String line) {
        assertThat(LineSignals.isCommentHeader(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"34 Comments", "[ 167 comments ]", "34 responses to “Anthony Lynn”", "12 Kommentare"})
    void recognisesCommentCounts(String line) {
        assertThat(LineSignals.isCommentCount(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"34 commentators met in Berlin on Monday.", "Comments from the minister came later."})
    void takesOtherLinesForNoCommentCount(String line) {
        assertThat(LineSignals.isCommentCount(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7 hours ago", "Published 1 day ago", "vor 3 Stunden", "2 дня назад", "5 минут назад"})
    void recognisesRelativeTimeStamps(String line) {
        assertThat(LineSignals.isRelativeTime(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "By Tess Bonn",
                "Posted by Vortex",
                "Photo: Hau Dinh, AP",
                "Nov. 18, 2019 7:04 pm ET",
                "Eingestellt von Gartenzwerg um",
                "Veröffentlicht am 5. Mai",
                "Publié le 3 mars par la rédaction",
                "Pubblicato il: Ultimo aggiornamento:",
                "Opublikowano: wtorek"
            })
    void recognisesBylinesAndTimeLines(String line) {
        assertThat(LineSignals.isByline(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Von der Leyen fordert mehr Geld",
                "Text messages reveal the plan",
                "Veröffentlichungen der Stadt"
            })
    void takesHeadlinesForNoByline(String line) {
        assertThat(LineSignals.isByline(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a…", "x", "…", "a\u00A0", "\"\"\"", "\uFE0F", ".", ":)"})
    void copesWithTinyAndOddLines(String line) {
        LineSignals.words(line);
        LineSignals.readsAsSentences(line);
        LineSignals.endsWithFullStop(line);
        LineSignals.contentWords(line);
        assertThat(LineSignals.isCopyright(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "config = configparser.ConfigParser()",
                "resp = requests.get(URL, headers=headers)",
                "if (count >= limit) {",
                "}",
                "$ tar xzf archive.tar.gz",
                "int total = 0;"
            })
    void programCodeLooksLikeCode(String line) {
        assertThat(LineSignals.looksLikeCode(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Startseite",
                "Politik und Wirtschaft",
                "Der Bürgermeister (SPD) sprach von einem guten Tag",
                "Read more: the new bridge opens",
                "3 Kommentare"
            })
    void menusAndProseDoNotLookLikeCode(String line) {
        assertThat(LineSignals.looksLikeCode(line)).isFalse();
    }
}
