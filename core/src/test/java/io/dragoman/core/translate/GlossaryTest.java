package io.dragoman.core.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlossaryTest {

    @Test
    void shipsTheBeltaNamesAndOrganisations() {
        Glossary belta = Glossary.builtIn("BelTA");

        assertThat(belta.entries())
                .contains(
                        new Glossary.Entry("Lawrow", "Lavrov"),
                        new Glossary.Entry("Makej", "Makei"),
                        new Glossary.Entry("Alejnik", "Aleinik"),
                        new Glossary.Entry("Lukaschenko", "Lukashenko"),
                        new Glossary.Entry("OVKS", "CSTO"),
                        new Glossary.Entry("EAWU", "EAEU"),
                        new Glossary.Entry("SOZ", "SCO"),
                        new Glossary.Entry("Unionsstaat", "Union State"));
        assertThat(Glossary.builtIn("belta").entries()).isEqualTo(belta.entries());
        assertThat(Glossary.builtIn("Some Other Site").isEmpty()).isTrue();
        assertThat(Glossary.builtIn(null).isEmpty()).isTrue();
    }

    @Test
    void findsTermsInTheirGermanInflectedFormsButNotInsideOtherWords() {
        Glossary belta = Glossary.builtIn("BelTA");

        assertThat(belta.occurringIn("Die Politik Lukaschenkos und die Gründung des Unionsstaates."))
                .extracting(Glossary.Entry::target)
                .containsExactly("Lukashenko", "Union State");
        assertThat(belta.occurringIn("SOZIALE Fragen der Lawrowa-Straße")).isEmpty();
        assertThat(belta.occurringIn("in der SOZ und der OVKS"))
                .extracting(Glossary.Entry::target)
                .containsExactlyInAnyOrder("SCO", "CSTO");
    }

    @Test
    void findsATargetRenderingIgnoringCaseAndPossessives() {
        Glossary.Entry unionState = new Glossary.Entry("Unionsstaat", "Union State");

        assertThat(Glossary.rendered(unionState, "the Union State's budget")).isTrue();
        assertThat(Glossary.rendered(unionState, "the union state")).isTrue();
        assertThat(Glossary.rendered(unionState, "the Union of States")).isFalse();
    }

    @Test
    void readsAUserTsvWhoseEntriesWinOverTheBuiltInOnes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("terms.tsv");
        Files.writeString(file, "\uFEFF# my terms\n\nLawrow\tSergey Lavrov\nBelAZ\tBelAZ\n", StandardCharsets.UTF_8);

        Glossary merged = Glossary.builtIn("BelTA").with(Glossary.read(file));

        assertThat(merged.occurringIn("Lawrow besuchte BelAZ"))
                .containsExactly(new Glossary.Entry("Lawrow", "Sergey Lavrov"), new Glossary.Entry("BelAZ", "BelAZ"));
    }

    @Test
    void namesTheFileAndLineOfAMalformedEntry(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, "Lawrow\tLavrov\nMakej Makei\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Glossary.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + ", line 2")
                .hasMessageContaining("Makej Makei");
    }

    @Test
    void laterEntriesForTheSameTermReplaceEarlierOnes() {
        Glossary g = new Glossary(List.of(
                new Glossary.Entry("SOZ", "SCO"), new Glossary.Entry("SOZ", "Shanghai Cooperation Organisation")));

        assertThat(g.entries()).containsExactly(new Glossary.Entry("SOZ", "Shanghai Cooperation Organisation"));
    }
}
