package io.dragoman.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A wrong command line in at most three lines, never the whole help: what is wrong, the nearest option, command or
 * value when one is close to what was typed, and where the help is. Exit code 2.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        lines(e).forEach(text -> err.println("dragoman: " + text));
        err.flush();
        return ExitCodes.USAGE;
    }

    /** The lines for the error, without their {@code dragoman: } prefix. */
    static List<String> lines(ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        List<String> lines = new ArrayList<>();
        Optional<String> suggestion;
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String typed = u.getUnmatched().get(0);
            if (typed.startsWith("-") && typed.length() > 1) {
                String name = typed.split("=", 2)[0];
                lines.add("unknown option '" + name + "'");
                suggestion = nearest(name, optionNames(spec));
            } else if (!spec.subcommands().isEmpty()) {
                lines.add("unknown command '" + typed + "'");
                suggestion = nearest(typed, spec.subcommands().keySet());
            } else {
                lines.add("unexpected argument '" + typed + "'");
                suggestion = Optional.empty();
            }
        } else {
            lines.add(lowerFirst(e.getMessage()));
            suggestion = valueSuggestion(e, spec);
        }
        suggestion.ifPresent(s -> lines.add("did you mean " + s + "?"));
        lines.add("see '" + spec.qualifiedName(" ") + " --help'");
        return lines;
    }

    /** A close value of an option that has a fixed set of them, or a close command for {@code help NAME}. */
    private static Optional<String> valueSuggestion(ParameterException e, CommandSpec spec) {
        String value = e.getValue();
        if (value == null) {
            return Optional.empty();
        }
        if (e.getArgSpec() instanceof OptionSpec option && option.completionCandidates() != null) {
            List<String> candidates = new ArrayList<>();
            option.completionCandidates().forEach(candidates::add);
            return nearest(value, candidates).map(s -> option.longestName() + " " + s);
        }
        if (e.getArgSpec() == null && !spec.subcommands().isEmpty()) {
            return nearest(value, spec.subcommands().keySet());
        }
        return Optional.empty();
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                names.addAll(List.of(option.names()));
            }
        }
        return names;
    }

    /**
     * The candidate nearest to {@code typed} by edit distance (a swap of two neighbours counts as one edit), when it is
     * close enough to be a slip: at most one edit in three characters, and at least one; empty otherwise.
     */
    static Optional<String> nearest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, stripDashes(typed).length() / 3));
        return best != null && bestDistance > 0 && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** The optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String stripDashes(String name) {
        return name.replaceFirst("^-+", "");
    }

    private static String lowerFirst(String message) {
        if (message == null || message.isEmpty()) {
            return "wrong command line";
        }
        boolean acronym = message.length() > 1 && Character.isUpperCase(message.charAt(1));
        return acronym ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
