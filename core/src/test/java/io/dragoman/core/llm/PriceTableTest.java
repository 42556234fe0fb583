package io.dragoman.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {

    private final PriceTable builtIn = PriceTable.builtIn();

    @Test
    void pricesEveryProvidersDefaultModel() {
        for (ProviderKind kind : ProviderKind.values()) {
            kind.defaultModel().ifPresent(model -> assertThat(builtIn.price(kind, model))
                    .as("%s %s", kind.id(), model)
                    .isPresent());
        }
    }

    @Test
    void computesTheCostOfACallInDollars() {
        // gpt-4.1-mini: $0.40 in, $1.60 out per million
        assertThat(builtIn.cost(ProviderKind.OPENAI, "gpt-4.1-mini", new Usage(412, 318)))
                .contains(new BigDecimal("0.000674"));
    }

    @Test
    void pricesADatedSnapshotAsItsModel() {
        assertThat(builtIn.price(ProviderKind.OPENAI, "gpt-4.1-mini-2025-04-14"))
                .isEqualTo(builtIn.price(ProviderKind.OPENAI, "gpt-4.1-mini"));
        assertThat(builtIn.price(ProviderKind.ANTHROPIC, "claude-haiku-4-5-20251001"))
                .isEqualTo(builtIn.price(ProviderKind.ANTHROPIC, "claude-haiku-4-5"));
    }

    @Test
    void doesNotPriceADifferentModelThatSharesAPrefix() {
        PriceTable onlyBig = tableOf("{\"prices\": {\"openai\": {\"gpt-4.1\": {\"input\": 2, \"output\": 8}}}}");

        assertThat(onlyBig.price(ProviderKind.OPENAI, "gpt-4.1-mini")).isEmpty();
    }

    @Test
    void treatsLocalOllamaModelsAsFreeAndUnknownServersAsUnknown() {
        assertThat(builtIn.cost(ProviderKind.OLLAMA, "qwen2.5:7b", new Usage(1000, 1000)))
                .contains(new BigDecimal("0.000000"));
        assertThat(builtIn.price(ProviderKind.OPENAI_COMPATIBLE, "qwen2.5-7b-instruct"))
                .isEmpty();
    }

    @Test
    void pricesEachPartOfThePromptAtItsOwnPriceOnlineAndInTheBatchTier() {
        // claude-haiku-4-5: input 1.00, cache read 0.10, cache write 1.25, output 5.00; batch half of each
        Usage usage = new Usage(1_000_000, 100_000, 600_000, 200_000);

        assertThat(builtIn.cost(ProviderKind.ANTHROPIC, "claude-haiku-4-5", usage))
                .contains(new BigDecimal("1.010000")); // 0.2 + 0.06 + 0.25 + 0.5
        assertThat(builtIn.batchCost(ProviderKind.ANTHROPIC, "claude-haiku-4-5", usage))
                .contains(new BigDecimal("0.505000"));
        assertThat(builtIn.cost(ProviderKind.OPENAI, "gpt-4.1-mini", new Usage(1_000_000, 0, 1_000_000, 0)))
                .contains(new BigDecimal("0.100000"));
    }

    @Test
    void aModelWithoutCacheOrBatchPricesCostsTheInputPriceForCachedTokensAndTheOnlinePriceInABatch(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("prices.json");
        Files.writeString(
                file, "{\"prices\": {\"openai\": {\"mine\": {\"input\": 1, \"output\": 2}}}}", StandardCharsets.UTF_8);
        PriceTable table = PriceTable.read(file);
        Usage usage = new Usage(1_000_000, 1_000_000, 500_000, 0);

        assertThat(table.cost(ProviderKind.OPENAI, "mine", usage)).contains(new BigDecimal("3.000000"));
        assertThat(table.batchCost(ProviderKind.OPENAI, "mine", usage)).contains(new BigDecimal("3.000000"));
    }

    @Test
    void refusesABatchPriceThatIsNotAnObject(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prices.json");
        Files.writeString(
                file,
                "{\"prices\": {\"openai\": {\"mine\": {\"input\": 1, \"output\": 2, \"batch\": 0.5}}}}",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PriceTable.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openai / mine")
                .hasMessageContaining("\"batch\" must be an object");
    }

    @Test
    void letsAUsersFileOverrideAndExtendTheBuiltInPrices(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prices.json");
        Files.writeString(
                file,
                "{\"prices\": {\"openai\": {\"gpt-4.1-mini\": {\"input\": 0.20, \"output\": 0.80}},"
                        + " \"openai-compatible\": {\"qwen2.5-7b-instruct\": {\"input\": 0.05, \"output\": 0.10}}}}",
                StandardCharsets.UTF_8);

        PriceTable table = builtIn.overriddenBy(PriceTable.read(file));

        assertThat(table.price(ProviderKind.OPENAI, "gpt-4.1-mini"))
                .contains(new PriceTable.Price(new BigDecimal("0.20"), new BigDecimal("0.80")));
        assertThat(table.price(ProviderKind.OPENAI, "gpt-4.1"))
                .isEqualTo(builtIn.price(ProviderKind.OPENAI, "gpt-4.1"));
        assertThat(table.price(ProviderKind.OPENAI_COMPATIBLE, "qwen2.5-7b-instruct"))
                .isPresent();
    }

    @Test
    void saysWhichEntryOfAUsersFileIsMalformed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prices.json");
        Files.writeString(
                file,
                "{\"prices\": {\"mistral\": {\"mistral-small-latest\": {\"input\": \"cheap\"}}}}",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PriceTable.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("mistral / mistral-small-latest");
    }

    @Test
    void namesTheUnknownProviderInAUsersFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, "{\"prices\": {\"claude\": {}}}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PriceTable.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown provider 'claude'");
    }

    private static PriceTable tableOf(String json) {
        try {
            Path file = Files.createTempFile("prices", ".json");
            try {
                Files.writeString(file, json, StandardCharsets.UTF_8);
                return PriceTable.read(file);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
