package dev.scaletoolkit.client;

import dev.scaletoolkit.client.bulk.BulkReport;
import dev.scaletoolkit.client.bulk.BulkSubmitter;
import java.nio.file.Path;

/**
 * A bulk run in a process of its own, so a test can kill it for real (SIGKILL, no shutdown hooks) and resume
 * from what it left on disk. Arguments: the JSONL input, the checkpoint file, the API base URL (with /v1). The API
 * key comes from {@code SCALE_API_KEY} only, so it never shows in a process listing.
 */
public final class BulkChildMain {
    private BulkChildMain() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: BulkChildMain <input.jsonl> <checkpoint> <base-url>");
            System.exit(2);
        }
        ScaleClient client =
                ScaleClient.create(ClientOptions.fromEnv().baseUrl(args[2]).build());
        BulkReport report = BulkSubmitter.builder(client.tasks())
                .deriveUniqueIds()
                .concurrency(8)
                .checkpoint(Path.of(args[1]))
                .build()
                .submitJsonl(Path.of(args[0]));
        System.out.println("finished: " + report.items().size() + " items, "
                + report.failures().size() + " failed");
    }
}
