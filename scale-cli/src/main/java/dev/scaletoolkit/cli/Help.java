package dev.scaletoolkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;

/**
 * Help that can be read and copied: it wraps at the terminal's width ({@code COLUMNS}, else what picocli detects
 * on a terminal, else 80), never inside a word, a dotted name such as {@code FILE.jsonl.checkpoint}, or an
 * example. Footers (where the examples live) wrap their prose and print each indented example line as written.
 */
final class Help {
    static final int DEFAULT_WIDTH = 80;
    private static final int MIN_WIDTH = 55; // picocli's own minimum

    /** A dot inside a word ("FILE.checkpoint", "e.g"): the JDK's line breaker would break after it. */
    private static final Pattern DOT_IN_WORD = Pattern.compile("(?<=\\S)\\.(?=\\w)");
    /** Stands in for such a dot while picocli wraps: a private-use character, which line breaking treats as a letter. */
    private static final char KEPT_DOT = '\uE000';

    private Help() {}

    static void configure(CommandLine root, Function<String, String> env, boolean terminal) {
        Integer columns = columns(env.apply("COLUMNS"));
        if (columns != null) {
            root.setUsageHelpWidth(Math.max(MIN_WIDTH, columns));
        } else if (terminal) {
            root.setUsageHelpAutoWidth(true);
        } else {
            root.setUsageHelpWidth(DEFAULT_WIDTH);
        }
        root.setHelpFactory(ScaleHelp::new);
        apply(root);
    }

    private static Integer columns(String value) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void apply(CommandLine cli) {
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, Help::footer);
        cli.getSubcommands().values().forEach(Help::apply);
    }

    /** Prose lines wrap at the width (between words only); indented lines (examples) are printed as written. */
    private static String footer(CommandLine.Help help) {
        String[] lines = help.commandSpec().usageMessage().footer();
        if (lines.length == 0) {
            return "";
        }
        int width = help.commandSpec().usageMessage().width();
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            for (String part : wrap(line, width)) {
                out.append(part).append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /** {@code line} in pieces of at most {@code width} columns, broken at spaces; an example is never broken. */
    static List<String> wrap(String line, int width) {
        if (line.length() <= width || line.startsWith(" ")) {
            return List.of(line);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                out.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() == 0 ? "" : " ").append(word);
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    /** Picocli's help, with tables that do not break after a dot inside a word. */
    private static final class ScaleHelp extends CommandLine.Help {
        ScaleHelp(CommandLine.Model.CommandSpec spec, ColorScheme scheme) {
            super(spec, scheme);
        }

        @Override
        public Layout createDefaultLayout(
                List<CommandLine.Model.OptionSpec> options,
                List<CommandLine.Model.PositionalParamSpec> positionals,
                ColorScheme scheme) {
            return keepDots(super.createDefaultLayout(options, positionals, scheme), scheme);
        }

        @Override
        public Layout createDefaultLayout() {
            return keepDots(super.createDefaultLayout(), colorScheme());
        }

        private static Layout keepDots(Layout standard, ColorScheme scheme) {
            KeepDots table = new KeepDots(scheme, standard.textTable().columns());
            table.indentWrappedLines = standard.textTable().indentWrappedLines;
            return new Layout(scheme, table, standard.optionRenderer(), standard.parameterRenderer());
        }

        /** Picocli's synopsis layout (command name, then the options wrapped beside it), keeping dotted names. */
        @Override
        protected String insertSynopsisCommandName(int headingLength, Text optionText) {
            String name = commandSpec().qualifiedName();
            int first = name.length() + headingLength;
            KeepDots table = new KeepDots(
                    colorScheme(),
                    new Column(first, 0, Column.Overflow.SPAN),
                    new Column(commandSpec().usageMessage().width() - first, 0, Column.Overflow.WRAP));
            table.indentWrappedLines = 1; // options always start with a space
            Text padding = CommandLine.Help.Ansi.OFF.new Text(" ".repeat(headingLength), colorScheme());
            table.addRowValues(padding.concat(colorScheme().commandText(name)), optionText);
            return table.toString().substring(headingLength); // the heading itself is printed before
        }

        @Override
        public String description(Object... params) {
            String[] lines = commandSpec().usageMessage().description();
            if (lines.length == 0) {
                return "";
            }
            int width = commandSpec().usageMessage().width();
            KeepDots table = new KeepDots(colorScheme(), new Column(width, 0, Column.Overflow.WRAP));
            table.indentWrappedLines = 0;
            for (String line : lines) {
                table.addRowValues(colorScheme().text(line));
            }
            return table.toString();
        }
    }

    /** A text table that wraps as picocli's does, except after a dot inside a word. */
    private static final class KeepDots extends TextTable {
        private final CommandLine.Help.ColorScheme scheme;

        KeepDots(CommandLine.Help.ColorScheme scheme, Column... columns) {
            super(scheme, columns);
            this.scheme = scheme;
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            String plain = value.plainString();
            if (plain.indexOf('.') < 0) {
                return super.putValue(row, col, value);
            }
            // swap each such dot for KEPT_DOT, keeping the styles of the rest (option names are coloured)
            java.util.regex.Matcher dots = DOT_IN_WORD.matcher(plain);
            Text kept = null;
            int from = 0;
            while (dots.find()) {
                Text before = value.substring(from, dots.start()).concat(scheme.text(String.valueOf(KEPT_DOT)));
                kept = kept == null ? before : kept.concat(before);
                from = dots.end();
            }
            if (kept != null) {
                value = kept.concat(value.substring(from));
            }
            return super.putValue(row, col, value);
        }

        @Override
        public StringBuilder toString(StringBuilder text) {
            int start = text.length();
            super.toString(text);
            for (int i = start; i < text.length(); i++) {
                if (text.charAt(i) == KEPT_DOT) {
                    text.setCharAt(i, '.');
                }
            }
            return text;
        }

        @Override
        public String toString() {
            return toString(new StringBuilder()).toString();
        }
    }
}
