package io.dragoman.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    private static final String STORY = "Der Präsident traf am Montag in Minsk den Außenminister Russlands. Die beiden"
            + " Politiker sprachen über die Zusammenarbeit im Rahmen des Unionsstaates und über die Lage an der Grenze."
            + " Nach dem Treffen sagte der Minister, die Beziehungen entwickelten sich dynamisch. Im nächsten Jahr"
            + " sollen zwanzig gemeinsame Projekte in der Landwirtschaft und der Industrie beginnen. Die Delegation"
            + " reist am Dienstag nach Brest weiter, wo sie ein neues Logistikzentrum besichtigen wird.";
    private static final String REPUBLISHED = STORY.replace("am Montag", "am vergangenen Montag");
    private static final String UPDATED = STORY
            + " Am Abend teilte das Ministerium mit, dass auch ein Abkommen über den Bildungsaustausch unterzeichnet"
            + " wurde.";
    private static final String SHORTENED = STORY.substring(0, STORY.indexOf(" Die Delegation"));
    private static final String OTHER = "Die Getreideernte in der Region Gomel hat in diesem Jahr einen Rekord"
            + " erreicht. Die Landwirte brachten mehr als eine Million Tonnen ein, teilte die Gebietsverwaltung mit."
            + " Das Wetter sei günstig gewesen, und neue Maschinen hätten die Arbeit beschleunigt. Im nächsten Jahr"
            + " sollen zwanzig gemeinsame Projekte in der Landwirtschaft und der Industrie beginnen.";

    private final NearDuplicates duplicates = new NearDuplicates();

    private Versions group(String... texts) {
        List<int[]> signatures = new ArrayList<>();
        Arrays.stream(texts).forEach(t -> signatures.add(duplicates.signature(t)));
        return duplicates.group(signatures);
    }

    @Test
    void aRepublishedAnUpdatedAndAShortenedReportAreVersionsOfOneStory() {
        Versions v = group(UPDATED, OTHER, STORY, REPUBLISHED, SHORTENED);

        assertThat(v.count(0)).isEqualTo(4);
        assertThat(v.of(2)).containsExactly(0, 3, 4);
        assertThat(v.of(0)).containsExactly(2, 3, 4);
    }

    @Test
    void eachStoryIsItsNewestVersionWithTheOthersNewestFirstInTheOrderOfTheNewest() {
        Versions v = group(OTHER, UPDATED, STORY, REPUBLISHED, SHORTENED);

        assertThat(v.stories())
                .containsExactly(new Versions.Story(0, List.of()), new Versions.Story(1, List.of(2, 3, 4)));
        assertThat(v.newest(4)).isEqualTo(1);
        assertThat(v.newest(1)).isEqualTo(1);
        assertThat(v.newest(0)).isZero();
        assertThat(v.stories().get(1).versions()).isEqualTo(4);
    }

    @Test
    void anArticleOnAnotherStoryThatSharesASentenceStandsAlone() {
        Versions v = group(STORY, OTHER, UPDATED);

        assertThat(v.count(1)).isEqualTo(1);
        assertThat(v.of(1)).isEmpty();
        assertThat(v.of(0)).containsExactly(2);
    }

    @Test
    void theSimilarityEstimatesTheShareOfSharedShingles() {
        assertThat(NearDuplicates.similarity(duplicates.signature(STORY), duplicates.signature(STORY)))
                .isEqualTo(1.0);
        assertThat(NearDuplicates.similarity(duplicates.signature(STORY), duplicates.signature(REPUBLISHED)))
                .isBetween(0.75, 1.0);
        assertThat(NearDuplicates.similarity(duplicates.signature(STORY), duplicates.signature(OTHER)))
                .isLessThan(0.3);
        assertThat(NearDuplicates.similarity(
                        duplicates.signature(STORY.replace("Der Präsident traf", "DER PRÄSIDENT TRAF")),
                        duplicates.signature(STORY)))
                .as("case does not matter")
                .isEqualTo(1.0);
    }

    @Test
    void aTextOfTooFewWordsIsNeverGrouped() {
        assertThat(duplicates.signature("Kurz.")).isNull();
        Versions v = group("Kurz.", "Kurz.", STORY);

        assertThat(v.count(0)).isEqualTo(1);
        assertThat(v.count(1)).isEqualTo(1);
    }

    @Test
    void everyArticleOfManyDifferentOnesStandsAlone() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add("Meldung " + i + " " + Integer.toString(i * 7919, 36) + " über "
                    + Integer.toString(i * 104729, 36) + " und " + Integer.toString(i * 1299709, 36) + " sowie "
                    + Integer.toString(i * 15485863, 36));
        }
        Versions v = group(texts.toArray(String[]::new));

        for (int i = 0; i < 200; i++) {
            assertThat(v.count(i)).as("article %d", i).isEqualTo(1);
        }
    }

    @Test
    void thirtyIdenticalCopiesAreOneStoryEvenWhenOtherArticlesFilledEveryBucketTheyFallInFirst() {
        // for each band, twenty newer articles that agree with the copies in that band alone: they fill the copies'
        // bucket of every band, and are far too different to be versions of them
        int[] story = duplicates.signature(STORY);
        List<int[]> signatures = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int band = 0; band < NearDuplicates.HASHES / NearDuplicates.ROWS; band++) {
            for (int k = 0; k < 20; k++) {
                int[] other =
                        random.ints(NearDuplicates.HASHES, 0, Integer.MAX_VALUE).toArray();
                System.arraycopy(
                        story, band * NearDuplicates.ROWS, other, band * NearDuplicates.ROWS, NearDuplicates.ROWS);
                signatures.add(other);
            }
        }
        int first = signatures.size();
        for (int n = 0; n < 30; n++) {
            signatures.add(duplicates.signature(STORY));
        }

        Versions v = duplicates.group(signatures);

        assertThat(v.count(first)).isEqualTo(30);
        assertThat(v.of(first + 29)).hasSize(29).contains(first, first + 28);
        assertThat(v.count(0)).isEqualTo(1);
    }

    @Test
    void thirtyIdenticalCopiesAloneAreOneStory() {
        String[] texts = new String[30];
        Arrays.fill(texts, STORY);
        Versions v = group(texts);

        assertThat(v.count(0)).isEqualTo(30);
        assertThat(v.count(29)).isEqualTo(30);
    }
}
