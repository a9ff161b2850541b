package dev.scaletoolkit.cli.bench;

import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.batch.BatchCreateParams;
import dev.scaletoolkit.client.bulk.BulkReport;
import dev.scaletoolkit.client.bulk.BulkSubmitter;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.client.task.CategorizationParams;
import dev.scaletoolkit.client.task.TaskCreateParams;
import dev.scaletoolkit.model.task.TaskType;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code scale bench --sdk}: the Java SDK against bare HTTP, on one emulator in one run. Four figures, each a rate
 * of task creates ({@code POST /v1/task/categorization} with a unique_id, the same body every way):
 *
 * <ol>
 *   <li>a bare JDK {@code HttpClient} loop, one request at a time;
 *   <li>the SDK's {@code tasks().create(...)} loop, one at a time (ratio to 1: the aim is at least 0.90);
 *   <li>the emulator's own create rate, from the bench's load generator at {@code --concurrency} connections;
 *   <li>the SDK's {@code BulkSubmitter} at its default concurrency, checkpoint on (ratio to 3: the aim is at least
 *       0.70).
 * </ol>
 *
 * <p>The two sequential loops are interleaved request by request, so that a busy machine or a database growing
 * during the run slows both alike. Everything runs in this JVM, the emulator in its own; profile with {@code SCALE_JAVA_OPTS=
 * -XX:StartFlightRecording=filename=sdk.jfr}.
 */
final class SdkBench {
    private final PrintWriter out;
    private final PrintWriter err;
    private final URI base;
    private final String key;
    private final Duration window;
    private final Duration warmup;
    private final int loadConcurrency;
    private final String run = "sdkb" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private final String project = run + "-p";
    private final String batch = run + "-b";
    private long seq;

    SdkBench(
            PrintWriter out,
            PrintWriter err,
            URI base,
            String key,
            Duration window,
            Duration warmup,
            int loadConcurrency) {
        this.out = out;
        this.err = err;
        this.base = base;
        this.key = key;
        this.window = window;
        this.warmup = warmup;
        this.loadConcurrency = loadConcurrency;
    }

    int run() throws Exception {
        ClientOptions options =
                ClientOptions.builder().apiKey(key).baseUrl(base + "/v1").build();
        try (ScaleClient scale = ScaleClient.create(options)) {
            scale.projects()
                    .create(ProjectCreateParams.builder()
                            .type(TaskType.CATEGORIZATION)
                            .name(project)
                            .build());
            scale.batches()
                    .create(BatchCreateParams.builder()
                            .project(project)
                            .name(batch)
                            .build());
            Bare bare = new Bare(base, key);

            note("warming up both loops for " + warmup.toMillis() + " ms each");
            loop(bare, warmup);
            loop(scale, warmup);

            // One bare create, then one SDK create, and so on: both meet the same server at the same moment, so
            // a busy machine or a growing database weighs on both alike.
            note("sequential loops, interleaved one request each, for " + window.toMillis() + " ms");
            long bareNanos = 0;
            long sdkNanos = 0;
            long pairs = 0;
            long end = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                bare.create(bareBody(run + "-bare-" + seq++));
                long t1 = System.nanoTime();
                scale.tasks().create(params(run + "-sdk-" + seq++));
                long t2 = System.nanoTime();
                bareNanos += t1 - t0;
                sdkNanos += t2 - t1;
                pairs++;
            }
            double bareRate = pairs / (bareNanos / 1e9);
            double sdkRate = pairs / (sdkNanos / 1e9);

            note("load generator: " + loadConcurrency + " connections for " + window.toMillis() + " ms");
            String auth = "Basic "
                    + java.util.Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
            LoadRun.Result server = LoadRun.run(
                    "create",
                    base,
                    auth,
                    loadConcurrency,
                    warmup,
                    window,
                    (random, c, s) ->
                            new LoadRun.Request("POST", "/v1/task/categorization", bareBody(run + "-g" + c + "-" + s)));
            double serverRate = server.perSecond();

            int defaultConcurrency =
                    BulkSubmitter.builder(scale.tasks()).build().concurrency();
            int items = (int) Math.max(200, Math.min(200_000, serverRate * window.toMillis() / 1000.0));
            List<TaskCreateParams> bulkItems = new ArrayList<>(items);
            for (int i = 0; i < items; i++) {
                bulkItems.add(params(run + "-bulk-" + i));
            }
            Path checkpoint = Files.createTempFile("scale-bench-sdk", ".checkpoint");
            Files.delete(checkpoint);
            note("bulk submitter: " + items + " items at its default concurrency (" + defaultConcurrency
                    + "), checkpoint " + checkpoint);
            long b0 = System.nanoTime();
            BulkReport report = BulkSubmitter.builder(scale.tasks())
                    .checkpoint(checkpoint)
                    .build()
                    .submit(bulkItems);
            double bulkSeconds = (System.nanoTime() - b0) / 1e9;
            Files.deleteIfExists(checkpoint);
            if (!report.complete()) {
                throw new IllegalStateException("the bulk run did not finish: " + report.failures());
            }
            double bulkRate = items / bulkSeconds;

            out.println("SDK against bare HTTP, task creates on one emulator, one run");
            out.printf(Locale.ROOT, "  %-52s %9s  %s%n", "client", "tasks/s", "ratio");
            out.printf(Locale.ROOT, "  %-52s %9.0f%n", "bare JDK HttpClient loop (1 at a time)", bareRate);
            out.printf(
                    Locale.ROOT,
                    "  %-52s %9.0f  %.2f x bare (aim >= 0.90)%n",
                    "SDK tasks().create loop (1 at a time)",
                    sdkRate,
                    sdkRate / bareRate);
            out.printf(
                    Locale.ROOT,
                    "  %-52s %9.0f  (%d errors)%n",
                    "emulator, load generator (" + loadConcurrency + " connections)",
                    serverRate,
                    server.errors());
            out.printf(
                    Locale.ROOT,
                    "  %-52s %9.0f  %.2f x emulator (aim >= 0.70)%n",
                    "SDK BulkSubmitter (concurrency " + defaultConcurrency + ", checkpoint on)",
                    bulkRate,
                    bulkRate / serverRate);
            out.flush();
            return 0;
        }
    }

    private long loop(Bare bare, Duration d) throws IOException, InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        long n = 0;
        while (System.nanoTime() < end) {
            bare.create(bareBody(run + "-bare-" + seq++));
            n++;
        }
        return n;
    }

    private long loop(ScaleClient scale, Duration d) {
        long end = System.nanoTime() + d.toNanos();
        long n = 0;
        while (System.nanoTime() < end) {
            scale.tasks().create(params(run + "-sdk-" + seq++));
            n++;
        }
        return n;
    }

    private TaskCreateParams params(String uniqueId) {
        return CategorizationParams.builder()
                .project(project)
                .batch(batch)
                .instruction("Is this a cat?")
                .attachment("https://example.com/cat.png")
                .attachmentType("image")
                .categories(List.of("cat", "not cat"))
                .uniqueId(uniqueId)
                .build();
    }

    /** The JSON the SDK sends for {@link #params}, written by hand as a bare client would. */
    private byte[] bareBody(String uniqueId) {
        return ("{\"project\":\"" + project + "\",\"batch\":\"" + batch
                        + "\",\"instruction\":\"Is this a cat?\",\"attachment\":\"https://example.com/cat.png\",\"attachment_type\":\"image\","
                        + "\"categories\":[\"cat\",\"not cat\"],\"unique_id\":\"" + uniqueId + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void note(String line) {
        err.println(line);
        err.flush();
    }

    /** The baseline: the JDK client as a user would write it, no SDK in between. */
    private static final class Bare {
        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI create;
        private final String auth;

        Bare(URI base, String key) {
            this.create = URI.create(base + "/v1/task/categorization");
            this.auth = "Basic "
                    + java.util.Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        }

        void create(byte[] body) throws IOException, InterruptedException {
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(create)
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IOException(
                        "bare create answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
            }
        }
    }
}
