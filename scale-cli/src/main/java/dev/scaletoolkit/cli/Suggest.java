package dev.scaletoolkit.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;

/** "Did you mean …?" for tool names and option values, and how usage errors are printed (exit code 2). */
final class Suggest {
    private Suggest() {}

    /** The choice closest to {@code input} by edit distance (ignoring case), if it is close enough to be a typo. */
    static Optional<String> closest(String input, Collection<String> choices) {
        if (input == null || input.isEmpty()) {
            return Optional.empty();
        }
        String typed = input.toLowerCase(Locale.ROOT);
        return choices.stream()
                .map(c -> new Object[] {c, distance(typed, c.toLowerCase(Locale.ROOT))})
                .filter(p -> (int) p[1] <= Math.max(2, typed.length() / 3))
                .min(Comparator.comparingInt(p -> (int) p[1]))
                .map(p -> (String) p[0]);
    }

    /** " (did you mean 'x'?)" or "". */
    static String hint(String input, Collection<String> choices) {
        return closest(input, choices).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** A value that must be one of {@code choices}: the value itself, else a conversion error with a hint. */
    static String oneOf(String value, Collection<String> choices) {
        if (choices.contains(value)) {
            return value;
        }
        throw new CommandLine.TypeConversionException(
                "expected one of " + String.join(", ", choices) + " but was '" + value + "'" + hint(value, choices));
    }

    /** A usage error (exit 2) unless {@code value} is one of {@code choices}, with a hint on a typo. */
    static void oneOfOption(
            CommandLine.Model.CommandSpec spec, String option, String value, Collection<String> choices) {
        if (!choices.contains(value)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    option + ": expected one of " + String.join(", ", choices) + " but was '" + value + "'"
                            + hint(value, choices));
        }
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * Prints a usage error in a few lines (the message, suggestions for a mistyped option or subcommand, where to
     * find help) instead of the whole usage, and returns exit code 2.
     */
    static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("scale: " + ex.getMessage());
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            var suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                err.println("Did you mean: " + String.join(" or ", suggestions) + "?");
            }
        }
        String path = String.join(" ", commandPath(cli));
        err.println("See './" + path + " --help'.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static java.util.List<String> commandPath(CommandLine cli) {
        java.util.LinkedList<String> names = new java.util.LinkedList<>();
        for (CommandLine c = cli; c != null; c = c.getParent()) {
            names.addFirst(c.getCommandName());
        }
        return names;
    }

    /** Picocli converter for an enum, with "did you mean" on a typo; values are the lower-case constant names. */
    abstract static class EnumConverter<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {
        private final Class<E> type;

        EnumConverter(Class<E> type) {
            this.type = type;
        }

        @Override
        public E convert(String value) {
            var names = Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT))
                    .toList();
            return Enum.valueOf(
                    type, oneOf(value.toLowerCase(Locale.ROOT), names).toUpperCase(Locale.ROOT));
        }
    }
}
