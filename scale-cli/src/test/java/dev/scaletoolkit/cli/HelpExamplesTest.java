package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every example in every {@code --help}, copied as printed: it is one whole line (never wrapped inside a quoted
 * argument), it parses, and run against an emulator it is never a usage error.
 */
@ScaleEmulatorTest(workforce = false)
class HelpExamplesTest {
    /** Examples that start servers, wait for labelers, load-test, or use files in the working directory: parsed only. */
    private static final Set<String> PARSE_ONLY =
            Set.of("up", "mcp", "callbacks", "bulk", "export", "wait", "tail", "replay", "webhooks", "bench");

    RunningEmulator scale;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path home;

    @Test
    void examplesAreWholeLinesThatRunAsPrinted() {
        List<String> examples = new ArrayList<>();
        collect(ScaleCli.commandLine(Map.<String, String>of()::get), examples);
        assertThat(examples).hasSizeGreaterThan(25);

        // the variables the examples expect a user to have set, and a gateway home of the test's own
        Map<String, String> env = Map.of(
                "SCALE_API_KEY",
                scale.liveKey(),
                "SCALE_BASE_URL",
                scale.apiUrl(),
                "STAGING_KEY",
                scale.testKey(),
                "SCALE_HOME",
                home.toString());
        int ran = 0;
        for (String example : examples) {
            String command = example.contains("| ./scale ") ? example.substring(example.indexOf("| ") + 2) : example;
            if (command.contains(" | ")) {
                command = command.substring(0, command.indexOf(" | ")); // ./scale ... | jq: the scale part
            }
            List<String> words = Shell.split(command);
            assertThat(words.get(0)).isEqualTo("./scale");
            String[] args = words.subList(1, words.size()).toArray(String[]::new);

            // parses as printed
            CommandLine fresh = ScaleCli.commandLine(Map.<String, String>of()::get);
            fresh.parseArgs(args);

            if (example.contains("|") || Arrays.stream(args).anyMatch(PARSE_ONLY::contains)) {
                continue;
            }
            Cli.Run run = Cli.run(env, args);
            assertThat(run.exitCode()).as(example + "\n" + run.err()).isNotIn(ExitCodes.USAGE, ExitCodes.UNREACHABLE);
            ran++;
        }
        assertThat(ran).isGreaterThan(15);
    }

    /** The example lines of a command's help and its subcommands', at the default width of 80 columns. */
    private static void collect(CommandLine cli, List<String> out) {
        String help = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
        String[] footer = cli.getCommandSpec().usageMessage().footer();
        for (String line : help.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("./scale ") || trimmed.startsWith("echo ")) {
                // printed exactly as written: one footer line, not a wrapped fragment
                assertThat(footer).as(cli.getCommandName()).contains(line);
                out.add(trimmed);
            }
        }
        cli.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && !name.equals("generate-completion")) {
                collect(sub, out);
            }
        });
    }

    /** Splits a command line as a POSIX shell would: single and double quotes, backslash escapes. */
    static final class Shell {
        static List<String> split(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            boolean inWord = false;
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote == '\'') {
                    if (c == '\'') {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                } else if (quote == '"') {
                    if (c == '"') {
                        quote = 0;
                    } else if (c == '\\' && i + 1 < line.length()) {
                        word.append(line.charAt(++i));
                    } else {
                        word.append(c);
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    inWord = true;
                } else if (Character.isWhitespace(c)) {
                    if (inWord) {
                        words.add(word.toString());
                        word.setLength(0);
                        inWord = false;
                    }
                } else {
                    word.append(c);
                    inWord = true;
                }
            }
            assertThat(quote).as("unbalanced quote in: " + line).isEqualTo((char) 0);
            if (inWord) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
