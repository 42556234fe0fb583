package io.dragoman.core.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChromeLearnerTest {

    private static List<String> page(int n, boolean withFooter) {
        List<String> lines = new ArrayList<>();
        lines.add("Alle Nachrichten");
        lines.add("Politik Wirtschaft Gesellschaft");
        lines.add("Stadtrat beschließt neuen Haushalt Nr. " + n);
        lines.add(n % 28 + 1 + ". November 2025, 14:" + (10 + n % 50));
        lines.add("MINSK, " + (n % 28 + 1) + ". November (BelTA) – Der Stadtrat hat am Dienstag Nr. " + n);
        lines.add("Nach Angaben der Verwaltung steigen die Ausgaben um " + n % 97 + " Prozent.");
        if (withFooter) {
            lines.add("Abonnieren Sie uns auf Telegram");
        }
        return lines;
    }

    @Test
    void aLineAtTheEdgesOfEnoughDocumentsIsChromeAndAnArticleLineIsNot() {
        ChromeLearner learner = new ChromeLearner(3, 0.3);
        for (int n = 0; n < 10; n++) {
            learner.observe("belta", page(n, n % 2 == 0));
        }

        assertThat(learner.isChrome("belta", "Alle Nachrichten")).isTrue();
        assertThat(learner.isChrome("belta", "Abonnieren Sie uns auf Telegram")).isTrue();
        assertThat(learner.isChrome("belta", "Stadtrat beschließt neuen Haushalt Nr. 4"))
                .isFalse();
        assertThat(learner.isChrome("other", "Alle Nachrichten")).isFalse();
    }

    @Test
    void aLineBelowTheShareIsNotChrome() {
        ChromeLearner learner = new ChromeLearner(3, 0.3);
        for (int n = 0; n < 40; n++) {
            List<String> lines = page(n, false);
            if (n < 10) {
                lines.add("Sonderseite zur Wahl");
            }
            learner.observe("belta", lines);
        }

        assertThat(learner.isChrome("belta", "Sonderseite zur Wahl"))
                .as("10 of 40")
                .isFalse();
        assertThat(learner.isChrome("belta", "Alle Nachrichten")).isTrue();
    }

    @Test
    void memoryStaysBoundedOverAHundredThousandDocumentsAndChromeIsStillFound() {
        ChromeLearner learner = new ChromeLearner(3, 0.3);
        int most = 0;
        for (int n = 0; n < 100_000; n++) {
            // the footer on every third page: a share of 0.33, just above the 0.3 that makes chrome
            learner.observe("belta", page(n, n % 3 == 0));
            most = Math.max(most, learner.countedLines());
        }

        assertThat(most).as("distinct lines counted at once").isLessThan(5_000);
        assertThat(learner.isChrome("belta", "Alle Nachrichten")).isTrue();
        assertThat(learner.isChrome("belta", "Abonnieren Sie uns auf Telegram")).isTrue();
        assertThat(learner.isChrome("belta", "Stadtrat beschließt neuen Haushalt Nr. 99999"))
                .isFalse();
    }
}
