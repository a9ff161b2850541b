package dev.scaletoolkit.cli;

import picocli.CommandLine;

/**
 * Help that can be copied: the width follows the terminal, and footers (where the examples live) are printed as
 * written, one example per line, never wrapped inside a quoted argument.
 */
final class Help {
    private Help() {}

    static void configure(CommandLine root) {
        root.setUsageHelpAutoWidth(true);
        apply(root);
    }

    private static void apply(CommandLine cli) {
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, Help::footer);
        cli.getSubcommands().values().forEach(Help::apply);
    }

    private static String footer(CommandLine.Help help) {
        String[] lines = help.commandSpec().usageMessage().footer();
        if (lines.length == 0) {
            return "";
        }
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
