package dev.scaletoolkit.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --output} and {@code --fields}, on every command that prints records. */
final class OutputOptions {
    /** How records are printed. */
    enum Format {
        /** Aligned columns for people. */
        TABLE,
        /** The whole answer as pretty JSON. */
        JSON,
        /** One compact JSON record per line. */
        JSONL,
        /** Only each record's id (task_id, name…), one per line, for xargs and loops. */
        ID
    }

    static final class FormatConverter extends Suggest.EnumConverter<Format> {
        FormatConverter() {
            super(Format.class);
        }
    }

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            converter = FormatConverter.class,
            description = "table, json, jsonl or id (default: table for listings on a terminal, else json).")
    Format format;

    @Option(
            names = "--fields",
            paramLabel = "A,B.C",
            split = ",",
            description = "Only these fields, e.g. task_id,status,metadata.week (dots reach into objects).")
    List<String> fields;

    /** The format to use: the one asked for, else table for a listing on a terminal, else JSON. */
    Format effective(CommandLine.Model.CommandSpec spec, boolean listing) {
        if (format != null) {
            return format;
        }
        return listing && ScaleCli.terminal(spec) ? Format.TABLE : Format.JSON;
    }
}
