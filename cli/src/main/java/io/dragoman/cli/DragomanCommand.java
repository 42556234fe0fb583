package io.dragoman.cli;

import io.dragoman.core.clean.BoilerplateProfiles;
import io.dragoman.core.clean.Cleaner;
import io.dragoman.core.clean.DetectingCleaner;
import io.dragoman.core.lang.BackgroundLanguageDetector;
import io.dragoman.core.lang.LanguageDetector;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import io.dragoman.core.llm.setup.OllamaProbe;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code dragoman} command; its subcommands do the work. */
@Command(
        name = "dragoman",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Clean, translate and summarise foreign-language news articles.",
        subcommands = {
            CleanCommand.class,
            RunCommand.class,
            TranslateCommand.class,
            SummarizeCommand.class,
            EstimateCommand.class,
            ReportCommand.class,
            BatchesCommand.class,
            SiteCommand.class,
            DigestCommand.class,
            ServeCommand.class,
            ModelsCommand.class,
            AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", ExitCodes.ALL_HELP},
        usageHelpAutoWidth = true)
public final class DragomanCommand implements java.util.concurrent.Callable<Integer> {
    private final Supplier<InputStream> stdin;
    private final LongFunction<Cleaner> cleaners;
    private final Map<String, String> environment;
    private final Predicate<String> ollamaAnswers;
    private final Supplier<LanguageDetector> languages;
    private Optional<Terminal> terminal = Optional.empty();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The command as run from a terminal: standard input, the standard cleaner, the process environment (API keys,
     * config location) and a probe for a local Ollama server.
     */
    public DragomanCommand() {
        this(
                () -> System.in,
                System.getenv(),
                new OllamaProbe(Duration.ofMillis(500)),
                memoized(() -> new BackgroundLanguageDetector(OpenNlpLanguageDetector::new)));
    }

    /** The command as run from a terminal, with one language detector for the cleaner and the checks. */
    private DragomanCommand(
            Supplier<InputStream> stdin,
            Map<String, String> environment,
            Predicate<String> ollamaAnswers,
            Supplier<LanguageDetector> languages) {
        this(
                stdin,
                maxBytes -> new DetectingCleaner(BoilerplateProfiles.builtIn(), languages.get(), maxBytes),
                environment,
                ollamaAnswers,
                languages);
    }

    /**
     * A command that sees no environment and no local Ollama, for tests and embedding without models.
     *
     * @param stdin what {@code -} reads
     * @param cleaners makes the cleaner for a run from the input size limit (called once per command)
     */
    public DragomanCommand(Supplier<InputStream> stdin, LongFunction<Cleaner> cleaners) {
        this(stdin, cleaners, Map.of(), baseUrl -> false);
    }

    /**
     * A command with all its collaborators given.
     *
     * @param stdin what {@code -} reads
     * @param cleaners makes the cleaner for a run from the input size limit (called once per command)
     * @param environment environment variables: API keys, {@code OPENAI_BASE_URL}, {@code HOME} and {@code
     *     XDG_CONFIG_HOME} for the default config file
     * @param ollamaAnswers whether an Ollama server answers at a base URL
     */
    public DragomanCommand(
            Supplier<InputStream> stdin,
            LongFunction<Cleaner> cleaners,
            Map<String, String> environment,
            Predicate<String> ollamaAnswers) {
        this(stdin, cleaners, environment, ollamaAnswers, memoized(OpenNlpLanguageDetector::new));
    }

    /**
     * A command with all its collaborators given, sharing a language detector (tests run many commands in one JVM).
     */
    public DragomanCommand(
            Supplier<InputStream> stdin,
            LongFunction<Cleaner> cleaners,
            Map<String, String> environment,
            Predicate<String> ollamaAnswers,
            LanguageDetector languages) {
        this(stdin, cleaners, environment, ollamaAnswers, constant(Objects.requireNonNull(languages, "languages")));
    }

    private DragomanCommand(
            Supplier<InputStream> stdin,
            LongFunction<Cleaner> cleaners,
            Map<String, String> environment,
            Predicate<String> ollamaAnswers,
            Supplier<LanguageDetector> languages) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.cleaners = Objects.requireNonNull(cleaners, "cleaners");
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.ollamaAnswers = Objects.requireNonNull(ollamaAnswers, "ollamaAnswers");
        this.languages = languages;
    }

    private static Supplier<LanguageDetector> constant(LanguageDetector languages) {
        return () -> languages;
    }

    private static Supplier<LanguageDetector> memoized(Supplier<LanguageDetector> make) {
        return new Supplier<>() {
            private LanguageDetector made;

            @Override
            public synchronized LanguageDetector get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }

    /**
     * Standard error when a person watches it on a terminal (a progress bar is drawn there), rather than tests or an
     * embedding program: found only for the command {@code main} runs.
     */
    Optional<Terminal> terminal() {
        return terminal;
    }

    /** The language detector for the model stages' checks, loaded once per command. */
    LanguageDetector languages() {
        return languages.get();
    }

    Map<String, String> environment() {
        return environment;
    }

    Predicate<String> ollamaAnswers() {
        return ollamaAnswers;
    }

    Supplier<InputStream> stdin() {
        return stdin;
    }

    Cleaner newCleaner(long maxBytes) {
        return cleaners.apply(maxBytes);
    }

    @Override
    public Integer call() {
        // No subcommand is a usage error: name what there is to choose from, in two lines rather than the whole help.
        PrintWriter err = spec.commandLine().getErr();
        err.println("dragoman: name a command: "
                + String.join(", ", spec.subcommands().keySet()));
        err.println("dragoman: see 'dragoman --help'");
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * Builds the picocli command line with Dragoman's exit codes and error handling: a wrong command line gets the few
     * lines of {@link UsageErrors}, never the whole help. While a command runs, its output
     * and error writers pass through {@link TerminalSafeWriter}, so nothing a page or a model wrote can reach the
     * terminal as a control sequence; help and version text, which may be coloured, are printed before that.
     */
    public static CommandLine commandLine(DragomanCommand command) {
        CommandLine cli = new CommandLine(command);
        cli.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        cli.getCommandSpec().exitCodeOnExecutionException(ExitCodes.SOME_FAILED);
        cli.setParameterExceptionHandler(new UsageErrors());
        for (String printer : new String[] {"help", "generate-completion"}) {
            cli.getSubcommands().get(printer).getCommandSpec().usageMessage().footer("", ExitCodes.PRINT_HELP);
        }
        cli.setExecutionStrategy(parseResult -> {
            Integer help = CommandLine.executeHelpRequest(parseResult);
            if (help != null) {
                return help;
            }
            PrintWriter out = cli.getOut();
            PrintWriter err = cli.getErr();
            cli.setOut(TerminalSafeWriter.wrap(out));
            cli.setErr(TerminalSafeWriter.wrap(err));
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                cli.getOut().flush();
                cli.getErr().flush();
                cli.setOut(out);
                cli.setErr(err);
            }
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = TerminalSafeWriter.wrap(commandLine.getErr());
            err.println("dragoman: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            // --verbose belongs to the subcommand: ask its parse result, not the top-level one.
            if (commandLine.getParseResult().hasMatchedOption("--verbose")) {
                e.printStackTrace(err);
            }
            err.flush();
            return e instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.SOME_FAILED;
        });
        return cli;
    }

    /**
     * Runs the command and exits with its code. Standard output is always UTF-8: it carries article text and JSON,
     * which the platform charset of a {@code C} or {@code POSIX} locale would turn into question marks.
     */
    public static void main(String[] args) {
        DragomanCommand command = new DragomanCommand();
        command.terminal = Terminal.detect(System.err, command.environment);
        CommandLine cli = commandLine(command);
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        System.exit(cli.execute(args));
    }
}
