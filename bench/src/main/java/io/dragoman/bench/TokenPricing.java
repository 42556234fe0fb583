package io.dragoman.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The built-in price table read as data, and what {@link TokenCost}'s requests cost online, cached and in batch. */
final class TokenPricing {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenPricing() {}

    /** A model's prices per million tokens, read from the built-in table's file. */
    record Prices(
            double input,
            double cachedInput,
            double cacheWrite,
            double output,
            double batchInput,
            double batchOutput) {}

    /** The built-in {@code prices.json}, read as data (cached and batch prices default to the input price). */
    record PriceFile(JsonNode root) {
        static PriceFile builtIn() {
            try (InputStream in = PriceTable.class.getResourceAsStream("prices.json")) {
                return new PriceFile(JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Prices price(ProviderKind kind, String model) {
            JsonNode p = root.path("prices").path(kind.id()).path(model);
            double input = p.path("input").asDouble();
            JsonNode batch = p.path("batch");
            return new Prices(
                    input,
                    p.path("cachedInput").asDouble(input),
                    p.path("cacheWrite").asDouble(input),
                    p.path("output").asDouble(),
                    batch.path("input").asDouble(input),
                    batch.path("output").asDouble(p.path("output").asDouble()));
        }
    }

    /** Dollars for a run's requests, by mode. */
    record Cost(ProviderKind kind, String model, Prices prices) {

        double online(List<TokenCost.Sent> sent) {
            double d = 0;
            for (TokenCost.Sent s : sent) {
                d += s.promptTokens() * prices.input() + s.outputTokens() * prices.output();
            }
            return d / 1e6;
        }

        double batch(List<TokenCost.Sent> sent) {
            double d = 0;
            for (TokenCost.Sent s : sent) {
                d += s.promptTokens() * prices.batchInput() + s.outputTokens() * prices.batchOutput();
            }
            return d / 1e6;
        }

        double cached(List<TokenCost.Sent> sent) {
            return kind == ProviderKind.ANTHROPIC ? anthropic(sent) : openai(sent);
        }

        /** OpenAI: the longest prefix shared with an earlier request of this article or the last of this kind. */
        private double openai(List<TokenCost.Sent> sent) {
            double d = 0;
            Map<String, TokenCost.Sent> lastOfKind = new HashMap<>();
            List<TokenCost.Sent> thisArticle = new ArrayList<>();
            int current = -1;
            for (TokenCost.Sent s : sent) {
                if (s.article() != current) {
                    thisArticle.clear();
                    current = s.article();
                }
                int shared = 0;
                for (TokenCost.Sent earlier : thisArticle) {
                    shared = Math.max(shared, common(earlier.tokens(), s.tokens()));
                }
                TokenCost.Sent last = lastOfKind.get(s.kind());
                if (last != null) {
                    shared = Math.max(shared, common(last.tokens(), s.tokens()));
                }
                long cached = shared < 1024 ? 0 : 1024 + (shared - 1024) / 128 * 128L;
                d += (s.promptTokens() - cached) * prices.input()
                        + cached * prices.cachedInput()
                        + s.outputTokens() * prices.output();
                thisArticle.add(s);
                lastOfKind.put(s.kind(), s);
            }
            return d / 1e6;
        }

        /** Anthropic: the prefix behind the request's breakpoint, once it reaches the model's minimum. */
        private double anthropic(List<TokenCost.Sent> sent) {
            int minimum = model.contains("haiku") ? 4096 : 1024;
            double d = 0;
            Set<String> written = new HashSet<>();
            for (TokenCost.Sent s : sent) {
                int system = s.breakpoint();
                long read = 0;
                long write = 0;
                if (system >= minimum) {
                    String key = Arrays.toString(Arrays.copyOf(s.tokens(), system));
                    if (written.contains(key)) {
                        read = system;
                    } else {
                        write = system;
                        written.add(key);
                    }
                }
                d += (s.promptTokens() - read - write) * prices.input()
                        + read * prices.cachedInput()
                        + write * prices.cacheWrite()
                        + s.outputTokens() * prices.output();
            }
            return d / 1e6;
        }

        private static int common(int[] a, int[] b) {
            int n = Math.min(a.length, b.length);
            int i = 0;
            while (i < n && a[i] == b[i]) {
                i++;
            }
            return i;
        }
    }
}
