package io.dragoman.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.input.Input;
import io.dragoman.core.testing.SyntheticNews.Article;
import io.dragoman.core.testing.SyntheticNews.Person;
import io.dragoman.core.testing.SyntheticNews.Slot;
import io.dragoman.core.testing.SyntheticNews.Style;
import io.dragoman.core.testing.SyntheticNews.Topic;
import io.dragoman.core.testing.SyntheticNews.Words;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticNewsTest {

    private static final Words LEDE =
            new Words("{city} eröffnet {n} Kilometer Radweg.", "{cityEn} opens {n} km of cycle path.");

    private static Style style(List<Words> generic, String header) {
        return new Style(
                "test",
                4,
                n -> n * 31 + 7,
                List.of(new Words("Köln", "Cologne"), new Words("München", "Munich"), new Words("Kiel", "Kiel")),
                true,
                true,
                List.of(
                        new Person("Anna Weber", "Bürgermeisterin", "Mayor"),
                        new Person("Jens Neumann", "Minister", "Minister")),
                List.of(Slot.of("day", 1, 28), Slot.of("n", 2, 40), Slot.grouped("big", 1_000, 49_000)),
                List.of(new Topic(
                        "cycling",
                        List.of(new Words("Radweg in {city} (Teil {n})", "Cycle path in {cityEn} (part {n})")),
                        List.of(
                                LEDE,
                                new Words("Er führt bis {city2}.", "It leads to {city2En}."),
                                new Words(
                                        "{roleDe} {person} lobte das Projekt.",
                                        "{roleEn} {person} praised the project."),
                                new Words("Er kostete {big} Euro.", "It cost {bigEn} euros."),
                                new Words("Am {weekdayDe} fahren die ersten.", "The first ride on {weekdayEn}."),
                                new Words(
                                        "Der Rat stimmte am {day}. {monthDe} zu.",
                                        "The council agreed on {day} {monthEn}.")),
                        true)),
                generic,
                List.of("dpa", "AFP"),
                6,
                12,
                header,
                "Teilen\n");
    }

    private static final List<Words> GENERIC = List.of(
            new Words("Kritik gab es kaum.", "There was little criticism."),
            new Words("Details folgen.", "Details will follow."),
            new Words("Das Wetter war gut.", "The weather was good."),
            new Words("Alle waren zufrieden.", "Everyone was satisfied."));

    private final SyntheticNews news =
            new SyntheticNews(style(GENERIC, "Lokales\n{weekdayDe}, {day}. {monthDe}, {time}"));

    @Test
    void anArticleIsTheSameOnEveryCallAndItsNumberCanBeReadBackFromAnyTextHoldingItsTitle() {
        for (long n = 0; n < 200; n++) {
            Article a = news.article(n);
            assertThat(new SyntheticNews(style(GENERIC, "Lokales\n{weekdayDe}, {day}. {monthDe}, {time}")).article(n))
                    .isEqualTo(a);
            assertThat(a.titleDe()).endsWith("(Nr. " + n + ")");
            assertThat(a.titleEn()).endsWith("(No. " + n + ")");
            assertThat(SyntheticNews.numberIn("Übersetze:\n[T] " + a.titleDe() + "\n[P1] …"))
                    .contains(n);
        }
        assertThat(SyntheticNews.numberIn("Radweg in Kiel (Teil 3)")).isEmpty();
    }

    @Test
    void everySlotIsFilledAndTheEnglishCoversTitleDatelineAndEveryParagraph() {
        Set<Integer> sizes = new HashSet<>();
        for (long n = 0; n < 300; n++) {
            Article a = news.article(n);
            sizes.add(a.paragraphsDe().size());
            assertThat(a.page()).doesNotContain("{", "}");
            assertThat(a.paragraphsEn()).noneMatch(p -> p.contains("{"));
            assertThat(a.paragraphsDe().get(0)).matches("\\S+ eröffnet \\d+ Kilometer Radweg\\. .+");
            assertThat(a.paragraphsEn().get(0)).startsWith(a.cityEn() + " opens ");
            assertThat(a.english())
                    .containsEntry(a.titleDe(), a.titleEn())
                    .containsEntry(a.datelineDe(), a.datelineEn())
                    .hasSize(2 + a.paragraphsDe().size());
            assertThat(a.datelineDe()).matches("[A-ZÄÖÜ]+, \\d{1,2}\\. \\S+ \\((dpa|AFP)\\) –");
            assertThat(a.page())
                    .startsWith("Lokales\n")
                    .contains("\n\n" + a.titleDe() + "\n\n" + a.datelineDe() + " "
                            + a.paragraphsDe().get(0) + "\n\n")
                    .endsWith(a.paragraphsDe().get(a.paragraphsDe().size() - 1) + "\n\nTeilen\n");
        }
        assertThat(sizes).containsExactlyInAnyOrder(3, 4, 5);
    }

    @Test
    void groupedNumbersAreWrittenTheGermanWayInGermanAndTheEnglishWayInEnglish() {
        boolean seen = false;
        for (long n = 0; n < 300 && !seen; n++) {
            Article a = news.article(n);
            for (int i = 0; i < a.paragraphsDe().size(); i++) {
                if (a.paragraphsDe().get(i).contains(" Euro.")) {
                    assertThat(a.paragraphsDe().get(i)).containsPattern("kostete \\d{1,2}\\.\\d{3} Euro");
                    assertThat(a.paragraphsEn().get(i)).containsPattern("cost \\d{1,2},\\d{3} euros");
                    seen = true;
                }
            }
        }
        assertThat(seen).isTrue();
    }

    @Test
    void inputsAreTheArticlesInOrderWithTheStylesIdsAndLocations() {
        List<Input> inputs = news.inputs(12).toList();
        assertThat(inputs).hasSize(12);
        Input.Read eleventh = (Input.Read) inputs.get(11);
        assertThat(eleventh.article().id().value()).isEqualTo("test-0011");
        assertThat(eleventh.article().location()).isEqualTo("test:11");
        assertThat(new String(eleventh.article().content(), StandardCharsets.UTF_8))
                .isEqualTo(news.article(11).page());
    }

    @Test
    void aTemplateNamingAnUnknownSlotFailsNamingIt() {
        SyntheticNews broken = new SyntheticNews(style(GENERIC, "Lokales\n{issue}, {time}"));
        assertThatThrownBy(() -> broken.article(1)).hasMessageContaining("{issue}");
    }
}
