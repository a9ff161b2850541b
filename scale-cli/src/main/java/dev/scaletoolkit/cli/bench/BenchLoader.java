package dev.scaletoolkit.cli.bench;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * Fills the target with the benchmark's data: {@code PROJECTS} projects, each with {@code BATCHES_PER_PROJECT}
 * batches, and the tasks (categorization, each with a unique_id) spread evenly over them. Two ways to load:
 * {@link #loadTasks} sends one {@code POST /v1/task/categorization} per task, as a client would; {@link
 * #loadTasksBulk} sends 1,000 tasks per {@code POST /_emulator/tasks/bulk}, which checks, places and stores each
 * task with the same code as a create but in one transaction per request. Either leaves the same rows, indexes
 * and counts.
 */
final class BenchLoader {
    static final int PROJECTS = 10;
    static final int BATCHES_PER_PROJECT = 10;

    private final URI base;
    private final String authorization;
    private final String prefix;

    BenchLoader(URI base, String authorization, String prefix) {
        this.base = base;
        this.authorization = authorization;
        this.prefix = prefix;
    }

    String project(int p) {
        return prefix + "_p" + p;
    }

    String batch(int p, int b) {
        return prefix + "_p" + p + "_b" + b;
    }

    String createProject() {
        return prefix + "_create";
    }

    /** Creates the projects and batches (and the project creates go to). */
    void createContainers() throws IOException {
        try (RawHttp http = new RawHttp(base, authorization)) {
            for (int p = 0; p <= PROJECTS; p++) {
                String name = p == PROJECTS ? createProject() : project(p);
                expectOk(http.post(
                        "/v1/projects",
                        json("{\"type\":\"categorization\",\"name\":\"" + name
                                + "\",\"params\":{\"instruction\":\"Pick the colour.\"}}")));
                for (int b = 0; p < PROJECTS && b < BATCHES_PER_PROJECT; b++) {
                    expectOk(http.post(
                            "/v1/batches", json("{\"project\":\"" + name + "\",\"name\":\"" + batch(p, b) + "\"}")));
                }
            }
        }
    }

    /** Creates {@code count} tasks over {@code connections} connections; returns their ids in creation order. */
    String[] loadTasks(int count, int connections, PrintWriter progress) {
        String[] ids = new String[count];
        inParallel(count, connections, count, "bench-load-", progress, (http, i) -> {
            ids[i] = taskId(http.post("/v1/task/categorization", taskBody(i)));
            return 1;
        });
        return ids;
    }

    /** One unit of loading on a connection of its own; returns how many tasks it created. */
    @FunctionalInterface
    private interface Unit {
        int load(RawHttp http, int unit) throws IOException;
    }

    /**
     * Runs units {@code 0..units-1} over {@code connections} connections, each taking the next unit until none is
     * left or one fails, and prints progress every tenth of {@code count} tasks. Throws the first failure.
     */
    private void inParallel(int units, int connections, int count, String name, PrintWriter progress, Unit unit) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger loaded = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        int step = Math.max(1, count / 10);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(
                    () -> {
                        try (RawHttp http = new RawHttp(base, authorization)) {
                            for (int k = next.getAndIncrement();
                                    k < units && failure.get() == null;
                                    k = next.getAndIncrement()) {
                                int added = unit.load(http, k);
                                int n = loaded.addAndGet(added);
                                if (n / step > (n - added) / step) {
                                    synchronized (progress) {
                                        progress.printf("  loaded %,d of %,d tasks%n", n, count);
                                        progress.flush();
                                    }
                                }
                            }
                        } catch (IOException | RuntimeException e) {
                            failure.compareAndSet(null, new IllegalStateException("loading failed: " + e, e));
                        }
                    },
                    name + c);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private byte[] taskBody(int i) {
        return json("{" + taskFields(i) + "}");
    }

    private String taskFields(int i) {
        int p = i % PROJECTS;
        int b = (i / PROJECTS) % BATCHES_PER_PROJECT;
        return "\"project\":\"" + project(p) + "\",\"batch\":\"" + batch(p, b)
                + "\",\"attachment_type\":\"text\",\"attachment\":\"item " + i
                + "\",\"categories\":[\"red\",\"green\",\"blue\"],\"unique_id\":\"" + prefix + "-load-" + i + "\"";
    }

    /** Tasks per bulk request (the control plane's limit). */
    static final int BULK = 1000;

    /**
     * Creates {@code count} tasks through {@code POST /_emulator/tasks/bulk}, {@value #BULK} per request over
     * {@code connections} connections; returns their ids in creation order.
     */
    String[] loadTasksBulk(int count, int connections, String apiKey, PrintWriter progress) {
        String[] ids = new String[count];
        int chunks = (count + BULK - 1) / BULK;
        inParallel(chunks, connections, count, "bench-bulk-", progress, (http, k) -> {
            int from = k * BULK;
            int to = Math.min(count, from + BULK);
            StringBuilder body = new StringBuilder("{\"api_key\":")
                    .append(ScaleJson.mapper().writeValueAsString(apiKey))
                    .append(",\"tasks\":[");
            for (int i = from; i < to; i++) {
                body.append(i == from ? "" : ",")
                        .append("{\"type\":\"categorization\",")
                        .append(taskFields(i))
                        .append('}');
            }
            body.append("]}");
            JsonNode got = ScaleJson.mapper()
                    .readTree(expectOk(http.post("/_emulator/tasks/bulk", json(body.toString())))
                            .body())
                    .path("task_ids");
            if (got.size() != to - from) {
                throw new IllegalStateException(
                        "a bulk load answered " + got.size() + " ids for " + (to - from) + " tasks");
            }
            for (int i = from; i < to; i++) {
                ids[i] = got.get(i - from).asString();
            }
            return to - from;
        });
        return ids;
    }

    /**
     * Walks unfiltered pages of {@code limit} tasks until page {@code depth} (or the last page) and returns the
     * token that fetches that page, with the page number it reaches.
     */
    Deep deepToken(int depth, int limit) throws IOException {
        try (RawHttp http = new RawHttp(base, authorization)) {
            String token = null;
            int page = 1;
            while (page < depth) {
                String path = "/v1/tasks?limit=" + limit
                        + (token == null ? "" : "&next_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
                JsonNode answer =
                        ScaleJson.mapper().readTree(expectOk(http.get(path)).body());
                String nextToken = answer.path("next_token").asString("");
                if (nextToken.isEmpty() || !answer.path("has_more").asBoolean(true)) {
                    break;
                }
                token = nextToken;
                page++;
            }
            return new Deep(page, token);
        }
    }

    /** The page a listing reached and the token that fetches it (null for page 1). */
    record Deep(int page, String token) {}

    static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static RawHttp.Response expectOk(RawHttp.Response r) {
        if (r.status() != 200) {
            throw new IllegalStateException("HTTP " + r.status() + ": " + r.text());
        }
        return r;
    }

    private static String taskId(RawHttp.Response r) {
        String id =
                ScaleJson.mapper().readTree(expectOk(r).body()).path("task_id").asString("");
        if (id.isEmpty()) {
            throw new IllegalStateException("a create answered without task_id: " + r.text());
        }
        return id;
    }
}
