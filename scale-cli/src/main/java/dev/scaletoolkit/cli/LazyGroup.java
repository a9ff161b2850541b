package dev.scaletoolkit.cli;

import java.util.List;

/**
 * A command group whose subcommands {@link ScaleCli} adds when it makes the command line, instead of declaring
 * them on the {@code @Command} annotation: picocli builds the model of every declared subcommand up front, while a
 * run needs only the one it names. Help, completion and a typo's suggestions still see them all.
 */
interface LazyGroup {
    /** The subcommands, in the order help lists them. */
    List<Class<?>> subcommands();
}
