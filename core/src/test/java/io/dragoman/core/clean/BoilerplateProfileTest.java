package io.dragoman.core.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoilerplateProfileTest {

    @Test
    void normalizesCaseSpacesAndTrailingMarks() {
        assertThat(BoilerplateProfile.normalize("  Abonnieren   Sie uns auf: ")).isEqualTo("abonnieren sie uns auf");
        assertThat(BoilerplateProfile.normalize("Read more »")).isEqualTo("read more");
        assertThat(BoilerplateProfile.normalize("Weiterlesen …")).isEqualTo("weiterlesen");
        assertThat(BoilerplateProfile.normalize("« Zurück")).isEqualTo("zurück");
        assertThat(BoilerplateProfile.normalize(":::")).isEmpty();
    }

    @Test
    void normalizesALongRunOfMarksQuickly() {
        String line = ": ".repeat(100_000) + "x" + " |".repeat(100_000);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(BoilerplateProfile.normalize(line))
                .endsWith("x"));
    }

    @Test
    void recognisesTheAgencyByAnyOfItsSpellings() {
        BoilerplateProfile belta = BoilerplateProfiles.builtIn().sites().stream()
                .filter(p -> p.name().equals("BelTA"))
                .findFirst()
                .orElseThrow();

        assertThat(belta.isAgency("БЕЛТА")).isTrue();
        assertThat(belta.isAgency("belta")).isTrue();
        assertThat(belta.isAgency("Reuters")).isFalse();
    }
}
