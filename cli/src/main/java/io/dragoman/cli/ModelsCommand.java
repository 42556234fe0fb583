package io.dragoman.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.provider.ProviderSpec;
import io.dragoman.core.llm.setup.ProviderResolver;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dragoman models}: what a user can choose from before a run, and what is already set up: each provider, its
 * default model, the key variable it reads and whether it is set (never its value), its base-URL variable, the
 * built-in price of its default model, and whether a local Ollama answers. Sends nothing but the Ollama probe.
 */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = {
            "List the providers: each one's default model, the environment variable its API key is read from and"
                    + " whether it is set (never its value), the variable that can set its base URL, and the built-in"
                    + " price of the default model; then whether a local Ollama server answers.",
        },
        footer = {"", ExitCodes.MODELS_HELP})
final class ModelsCommand implements Callable<Integer> {
    @ParentCommand
    DragomanCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the same as JSON.")
    boolean json;

    /**
     * One provider as listed.
     *
     * @param defaultModel null when the user must name the model
     * @param keyVariable null when the provider never takes a key
     * @param keySet whether {@code keyVariable} holds a non-blank value
     * @param baseUrlVariable null when no variable sets the base URL
     * @param defaultBaseUrl null when the user must give the address
     * @param price the built-in price of the default model; null when unknown or there is no default model
     */
    record Provider(
            String id,
            String defaultModel,
            String keyVariable,
            boolean keyRequired,
            boolean keySet,
            String baseUrlVariable,
            boolean baseUrlSet,
            String defaultBaseUrl,
            PriceTable.Price price) {}

    /** Whether an Ollama server answers at its usual address. */
    record Ollama(String baseUrl, boolean answers) {}

    /** What the command shows, in text or as JSON. */
    record Listing(List<Provider> providers, Ollama ollama) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Listing listing = listing(parent.environment(), parent.ollamaAnswers().test(ProviderResolver.LOCAL_OLLAMA));
        if (json) {
            try {
                out.println(new ObjectMapper()
                        .registerModule(new Jdk8Module())
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(listing));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("cannot write the list of providers as JSON", e);
            }
        } else {
            text(listing).forEach(out::println);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Every provider as the environment sets it up, with the built-in prices. */
    static Listing listing(Map<String, String> environment, boolean ollamaAnswers) {
        PriceTable prices = PriceTable.builtIn();
        List<Provider> providers = new ArrayList<>();
        for (ProviderKind kind : ProviderKind.values()) {
            ProviderSpec s = kind.spec();
            providers.add(new Provider(
                    s.id(),
                    s.defaultModel().orElse(null),
                    s.keyVariable().orElse(null),
                    s.needsKey(),
                    s.keyVariable().filter(v -> isSet(environment, v)).isPresent(),
                    s.baseUrlVariable().orElse(null),
                    s.baseUrlVariable().filter(v -> isSet(environment, v)).isPresent(),
                    s.defaultBaseUrl().orElse(null),
                    s.defaultModel().flatMap(m -> prices.price(kind, m)).orElse(null)));
        }
        return new Listing(List.copyOf(providers), new Ollama(ProviderResolver.LOCAL_OLLAMA, ollamaAnswers));
    }

    private static boolean isSet(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        return value != null && !value.isBlank();
    }

    /** The listing as an aligned table and a line about Ollama. */
    static List<String> text(Listing listing) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "PROVIDER", "DEFAULT MODEL", "API KEY", "BASE URL", "USD PER 1M TOKENS IN / CACHED IN / OUT"
        });
        for (Provider p : listing.providers()) {
            rows.add(new String[] {
                p.id(),
                Optional.ofNullable(p.defaultModel()).orElse("(name it with --model)"),
                key(p),
                p.baseUrlVariable() == null ? "-" : p.baseUrlVariable() + (p.baseUrlSet() ? " set" : " not set"),
                p.price() == null ? (p.defaultModel() == null ? "-" : "unknown") : price(p.price())
            });
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            lines.add(line.toString().stripTrailing());
        }
        lines.add("");
        lines.add("Ollama on " + listing.ollama().baseUrl() + ": "
                + (listing.ollama().answers() ? "answers" : "does not answer"));
        return lines;
    }

    private static String key(Provider p) {
        if (p.keyVariable() == null) {
            return "none needed";
        }
        return p.keyVariable() + (p.keyRequired() ? "" : " (optional)") + (p.keySet() ? " set" : " not set");
    }

    private static String price(PriceTable.Price price) {
        if (price.inputPerMillion().signum() == 0 && price.outputPerMillion().signum() == 0) {
            return "free";
        }
        return dollars(price.inputPerMillion()) + " / " + dollars(price.cachedInputPerMillion()) + " / "
                + dollars(price.outputPerMillion());
    }

    private static String dollars(BigDecimal amount) {
        return "$" + (amount.scale() < 2 ? amount.setScale(2, RoundingMode.UNNECESSARY) : amount).toPlainString();
    }
}
