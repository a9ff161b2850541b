package dev.scaletoolkit.cli;

import dev.scaletoolkit.gateway.audit.AuditEntry;
import dev.scaletoolkit.gateway.audit.AuditTrail;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scale audit}: the gateway's hash-chained record of every tool call. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "The audit trail: every tool call through the gateway (who, which connection, tool, arguments"
                + " without secrets, outcome, latency, estimated cost, how it was confirmed), each entry chained to"
                + " the previous one by a hash.",
        subcommands = {AuditCommand.ListEntries.class, AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The newest entries, newest first.")
    static final class ListEntries implements Callable<Integer> {
        @Option(names = "--limit", defaultValue = "20", description = "How many (default: ${DEFAULT-VALUE}).")
        int limit;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return ConnectionsCommand.withGateway(spec, (gw, out) -> {
                List<AuditEntry> entries = gw.audit().newest(Math.max(1, limit));
                String format = "%-6s %-24s %-28s %-14s %-40s %-8s %-22s %-12s %s%n";
                out.printf(format, "SEQ", "AT", "CALLER", "CONNECTION", "TOOL", "OUTCOME", "ERROR", "CONFIRMED", "MS");
                for (AuditEntry e : entries) {
                    out.printf(
                            format,
                            e.seq(),
                            Instant.ofEpochMilli(e.atMs()),
                            e.caller(),
                            e.connection(),
                            e.tool(),
                            e.outcome(),
                            e.errorCode() == null ? "-" : e.errorCode(),
                            e.confirmation(),
                            e.latencyMs());
                }
            });
        }
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Check the chain; names the first entry that was changed or removed (exit code 1).")
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            int[] code = {0};
            int outer = ConnectionsCommand.withGateway(spec, (gw, out) -> {
                AuditTrail.Verification v = gw.audit().verify();
                if (v.intact()) {
                    out.println("Audit trail intact: " + v.entries() + " entries.");
                } else if (v.firstBadSeq() == null) {
                    out.println("Audit trail broken: " + v.problem());
                    code[0] = 1;
                } else {
                    out.println("Audit trail broken at entry " + v.firstBadSeq() + ": " + v.problem());
                    code[0] = 1;
                }
                if (v.warning() != null) {
                    out.println("Note: " + v.warning() + ".");
                }
            });
            return outer != 0 ? outer : code[0];
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Every entry, oldest first.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--jsonl", required = true, description = "One JSON object per line (the only format).")
        boolean jsonl;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return ConnectionsCommand.withGateway(spec, (gw, out) -> gw.audit().exportJsonl(new PrintWriter(out)));
        }
    }
}
