package io.dragoman.core.llm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Prices per million tokens by provider and model, for cost reports and budgets. A table ships in the jar
 * ({@code prices.json} next to this class); a user's file in the same format overrides it entry by entry. Models of
 * a provider whose spec says it is {@linkplain io.dragoman.core.llm.provider.ProviderSpec#free() free} ({@code ollama})
 * cost nothing; an {@code openai-compatible} server's models cost what the user's file says, or are unknown.
 * Immutable.
 */
public final class PriceTable {

    /**
     * The price of one model, online or in a provider's batch tier.
     *
     * @param inputPerMillion US dollars per million input tokens; not negative
     * @param outputPerMillion US dollars per million output tokens; not negative
     * @param cachedInputPerMillion US dollars per million input tokens read from the provider's prompt cache (the
     *     input price when the provider gives no discount); not negative
     * @param cacheWritePerMillion US dollars per million input tokens written to the prompt cache (Anthropic charges
     *     more for them; the input price elsewhere); not negative
     * @param batch the price of the same model in the provider's batch tier, or empty when it has none
     */
    public record Price(
            BigDecimal inputPerMillion,
            BigDecimal outputPerMillion,
            BigDecimal cachedInputPerMillion,
            BigDecimal cacheWritePerMillion,
            Optional<Price> batch) {

        /** Nothing: local models. */
        public static final Price FREE = new Price(BigDecimal.ZERO, BigDecimal.ZERO);

        /** Validates that no price is null or negative. */
        public Price {
            Objects.requireNonNull(inputPerMillion, "inputPerMillion");
            Objects.requireNonNull(outputPerMillion, "outputPerMillion");
            Objects.requireNonNull(cachedInputPerMillion, "cachedInputPerMillion");
            Objects.requireNonNull(cacheWritePerMillion, "cacheWritePerMillion");
            Objects.requireNonNull(batch, "batch");
            if (inputPerMillion.signum() < 0
                    || outputPerMillion.signum() < 0
                    || cachedInputPerMillion.signum() < 0
                    || cacheWritePerMillion.signum() < 0) {
                throw new IllegalArgumentException("Prices cannot be negative.");
            }
            // 0.2 and 0.20 are the same price
            inputPerMillion = inputPerMillion.stripTrailingZeros();
            outputPerMillion = outputPerMillion.stripTrailingZeros();
            cachedInputPerMillion = cachedInputPerMillion.stripTrailingZeros();
            cacheWritePerMillion = cacheWritePerMillion.stripTrailingZeros();
        }

        /** A price without a cache discount or a batch tier. */
        public Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
            this(inputPerMillion, outputPerMillion, inputPerMillion, inputPerMillion, Optional.empty());
        }

        /** What the usage costs, in US dollars, to six decimal places: each part of the prompt at its own price. */
        public BigDecimal cost(Usage usage) {
            BigDecimal millionths = inputPerMillion
                    .multiply(BigDecimal.valueOf(usage.uncachedInputTokens()))
                    .add(cachedInputPerMillion.multiply(BigDecimal.valueOf(usage.cachedInputTokens())))
                    .add(cacheWritePerMillion.multiply(BigDecimal.valueOf(usage.cacheWriteTokens())))
                    .add(outputPerMillion.multiply(BigDecimal.valueOf(usage.outputTokens())));
            return millionths.divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.HALF_UP);
        }

        /** The batch tier's price, or this one when the provider has no batch tier. */
        public Price batchOrOnline() {
            return batch.orElse(this);
        }
    }

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A dated snapshot or alias after the model name: {@code -2025-04-14}, {@code -20251001}, {@code -latest}. */
    private static final Pattern VERSION_SUFFIX = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8}|latest)");

    private final Map<ProviderKind, Map<String, Price>> prices;

    private PriceTable(Map<ProviderKind, Map<String, Price>> prices) {
        this.prices = prices;
    }

    /** The table that ships with Dragoman. */
    public static PriceTable builtIn() {
        try (InputStream in = PriceTable.class.getResourceAsStream("prices.json")) {
            if (in == null) {
                throw new IllegalStateException("The built-in price table prices.json is missing from the jar.");
            }
            return parse(JSON.readTree(in), "the built-in price table");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in price table: " + e.getMessage(), e);
        }
    }

    /**
     * A table read from a user's file, in the format of the built-in one: {@code {"prices": {"openai": {"gpt-4.1":
     * {"input": 2.00, "cachedInput": 0.50, "output": 8.00, "batch": {"input": 1.00, "cachedInput": 0.25, "output":
     * 4.00}}}}}}; {@code cachedInput} and {@code cacheWrite} (Anthropic's cache writes) default to the input price,
     * and a model without {@code batch} costs the online price in a batch job.
     *
     * @throws IllegalArgumentException naming the file and the entry when it is malformed
     * @throws UncheckedIOException when it cannot be read
     */
    public static PriceTable read(Path file) {
        try {
            return parse(JSON.readTree(Files.readAllBytes(file)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the price table " + file + ": " + e.getMessage(), e);
        }
    }

    private static PriceTable parse(JsonNode root, String origin) {
        JsonNode table = root == null ? null : root.get("prices");
        if (table == null || !table.isObject()) {
            throw new IllegalArgumentException(origin + " has no \"prices\" object.");
        }
        Map<ProviderKind, Map<String, Price>> prices = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> providers = table.fields(); providers.hasNext(); ) {
            Map.Entry<String, JsonNode> provider = providers.next();
            ProviderKind kind;
            try {
                kind = ProviderKind.fromId(provider.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
            }
            Map<String, Price> models = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = provider.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> model = it.next();
                String where = origin + ": " + provider.getKey() + " / " + model.getKey();
                models.put(model.getKey(), price(model.getValue(), where, true));
            }
            prices.put(kind, Map.copyOf(models));
        }
        return new PriceTable(Map.copyOf(prices));
    }

    /**
     * One model's entry: {@code input} and {@code output} required, {@code cachedInput} and {@code cacheWrite}
     * defaulting to the input price, and a {@code batch} object of the same form (without a batch of its own).
     */
    private static Price price(JsonNode entry, String where, boolean online) {
        BigDecimal input = number(entry, "input", where, null);
        BigDecimal output = number(entry, "output", where, null);
        BigDecimal cached = number(entry, "cachedInput", where, input);
        BigDecimal write = number(entry, "cacheWrite", where, input);
        JsonNode batch = entry.get("batch");
        if (batch != null && (!online || !batch.isObject())) {
            throw new IllegalArgumentException(where + ": \"batch\" must be an object of input and output prices"
                    + (online ? "." : ", and a batch price has no batch of its own."));
        }
        try {
            return new Price(
                    input,
                    output,
                    cached,
                    write,
                    batch == null ? Optional.empty() : Optional.of(price(batch, where + " batch", false)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static BigDecimal number(JsonNode entry, String field, String where, BigDecimal fallback) {
        JsonNode value = entry == null ? null : entry.get(field);
        if (value == null && fallback != null) {
            return fallback;
        }
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(where + " needs numeric \"input\" and \"output\" prices per million"
                    + " tokens" + (fallback == null ? "" : " (and a numeric \"" + field + "\" when given)") + ".");
        }
        return value.decimalValue();
    }

    /** This table with every entry of {@code overrides} replacing or adding to its own. */
    public PriceTable overriddenBy(PriceTable overrides) {
        Map<ProviderKind, Map<String, Price>> merged = new HashMap<>();
        prices.forEach((kind, models) -> merged.put(kind, new HashMap<>(models)));
        overrides.prices.forEach((kind, models) ->
                merged.computeIfAbsent(kind, k -> new HashMap<>()).putAll(models));
        Map<ProviderKind, Map<String, Price>> frozen = new HashMap<>();
        merged.forEach((kind, models) -> frozen.put(kind, Map.copyOf(models)));
        return new PriceTable(Map.copyOf(frozen));
    }

    /**
     * This table at the batch tier's prices (a model without one keeps its online price): what estimates and budgets
     * use when the requests go as provider batch jobs.
     */
    public PriceTable atBatchPrices() {
        Map<ProviderKind, Map<String, Price>> batch = new HashMap<>();
        prices.forEach((kind, models) -> {
            Map<String, Price> tier = new HashMap<>();
            models.forEach((model, price) -> tier.put(model, price.batchOrOnline()));
            batch.put(kind, Map.copyOf(tier));
        });
        return new PriceTable(Map.copyOf(batch));
    }

    /**
     * The price of a model: by its exact name, else by the name without a dated snapshot suffix ({@code
     * gpt-4.1-mini-2025-04-14} is priced as {@code gpt-4.1-mini}); always free on a free provider ({@code ollama})
     * unless the table says otherwise; empty when unknown.
     */
    public Optional<Price> price(ProviderKind kind, String model) {
        Map<String, Price> models = prices.getOrDefault(kind, Map.of());
        Price exact = models.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Map.Entry<String, Price> entry : models.entrySet()) {
            String name = entry.getKey();
            if (model.startsWith(name)
                    && VERSION_SUFFIX.matcher(model.substring(name.length())).matches()) {
                return Optional.of(entry.getValue());
            }
        }
        return kind.spec().free() ? Optional.of(Price.FREE) : Optional.empty();
    }

    /** What a call cost in US dollars, or empty when the model's price is unknown. */
    public Optional<BigDecimal> cost(ProviderKind kind, String model, Usage usage) {
        return price(kind, model).map(price -> price.cost(usage));
    }

    /**
     * What a call made in the provider's batch tier cost, or empty when the model's price is unknown; at the online
     * price when the table has no batch price for it.
     */
    public Optional<BigDecimal> batchCost(ProviderKind kind, String model, Usage usage) {
        return price(kind, model).map(price -> price.batchOrOnline().cost(usage));
    }
}
