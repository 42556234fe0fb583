package io.dragoman.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every provider has a {@link ProviderContractTest} of its own, with its stubs under {@code wiremock/<provider id>/}:
 * adding a provider without them fails here.
 */
class ProviderContractCoverageTest {

    /** The stub bodies every provider's contract test answers with, besides its rejected-key body. */
    static final List<String> STUBS = List.of(
            "reply.json",
            "translation.json",
            "truncated.json",
            "summary.json",
            "summary-valid.json",
            "summary-fenced.json",
            "summary-missing-field.json",
            "summary-truncated.json",
            "error-404.json",
            "error-429.json",
            "error-500.json",
            "error-529.json");

    @Test
    void everyProviderHasAContractTestWithItsStubs() {
        List<ProviderContractTest> tests = contractTests();

        assertThat(tests).extracting(ProviderContractTest::kind).containsExactlyInAnyOrder(ProviderKind.values());
        for (ProviderContractTest test : tests) {
            assertThat(test.fixtures())
                    .as("stub folder of %s", test.kind())
                    .isEqualTo(test.kind().id());
            List<String> stubs = new ArrayList<>(STUBS);
            stubs.add(test.rejectedKeyFixture());
            for (String stub : stubs) {
                assertThat(ProviderContractTest.class.getResource("/wiremock/" + test.fixtures() + "/" + stub))
                        .as("wiremock/%s/%s", test.fixtures(), stub)
                        .isNotNull();
            }
        }
    }

    /** One instance of every concrete contract test in this package, found among the compiled test classes. */
    private static List<ProviderContractTest> contractTests() {
        Path folder;
        try {
            folder = Path.of(ProviderContractTest.class
                            .getResource("ProviderContractTest.class")
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<ProviderContractTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(
                        ProviderContractTest.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                if (ProviderContractTest.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                    var constructor = type.getDeclaredConstructor();
                    constructor.setAccessible(true);
                    tests.add((ProviderContractTest) constructor.newInstance());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return tests;
    }
}
