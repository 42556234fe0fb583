package io.dragoman.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkedReplyTest {

    @Test
    void splitsAReplyAtItsMarkers() {
        MarkedReply r = MarkedReply.parse("[T] Title\n\n[D] MINSK, 26 November (BelTA) –\n\n[1] One.\n\n[2] Two.\n");

        assertThat(r.paragraphs())
                .containsExactly(
                        java.util.Map.entry("T", "Title"),
                        java.util.Map.entry("D", "MINSK, 26 November (BelTA) –"),
                        java.util.Map.entry("1", "One."),
                        java.util.Map.entry("2", "Two."));
        assertThat(r.outside()).isEmpty();
    }

    @Test
    void acceptsBoldMarkersColonsAndParagraphsWrappedOverLines() {
        MarkedReply r = MarkedReply.parse("**[1]**: The first\nparagraph.\n[2]: Second.");

        assertThat(r.text("1")).isEqualTo("The first paragraph.");
        assertThat(r.text("2")).isEqualTo("Second.");
    }

    @Test
    void keepsAPreambleAndATrailingNoteOutsideTheParagraphs() {
        MarkedReply r = MarkedReply.parse("Here is the translation:\n\n[1] One.\n\nNote: I kept the names.\n```");

        assertThat(r.text("1")).isEqualTo("One.");
        assertThat(r.outside()).containsExactly("Here is the translation:", "Note: I kept the names.\n```");
    }

    @Test
    void recordsRepeatedMarkersAndKeepsTheFirstText() {
        MarkedReply r = MarkedReply.parse("[1] One.\n[1] Again.\n[2] Two.");

        assertThat(r.markerOrder()).containsExactly("1", "1", "2");
        assertThat(r.text("1")).isEqualTo("One.");
    }

    @Test
    void givesEmptyTextForAMissingMarkerAndTreatsUnmarkedTextAsOutside() {
        MarkedReply r = MarkedReply.parse("Just some English text without markers.");

        assertThat(r.text("1")).isEmpty();
        assertThat(r.paragraphs()).isEmpty();
        assertThat(r.outside()).containsExactly("Just some English text without markers.");
    }

    @Test
    void doesNotTakeABracketedNumberInsideASentenceForAMarker() {
        MarkedReply r = MarkedReply.parse("[1] As said in [2] and [3], it works.");

        assertThat(r.paragraphs()).containsOnlyKeys("1");
    }
}
