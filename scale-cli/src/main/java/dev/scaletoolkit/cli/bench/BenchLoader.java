package dev.scaletoolkit.cli.bench;

import dev.scaletoolkit.model.ScaleJson;
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
 * Fills the target with the benchmark's data through the public API, with no fast path: {@code projects} projects,
 * each with {@code batchesPerProject} batches, and {@code tasks} categorization tasks spread evenly over them, each
 * with a unique_id. Going through {@code POST /v1/task/categorization} keeps every index and count the emulator
 * maintains exactly as a real client would leave them.
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
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        int step = Math.max(1, count / 10);
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(
                    () -> {
                        try (RawHttp http = new RawHttp(base, authorization)) {
                            for (int i = next.getAndIncrement();
                                    i < count && failure.get() == null;
                                    i = next.getAndIncrement()) {
                                ids[i] = taskId(http.post("/v1/task/categorization", taskBody(i)));
                                int n = done.incrementAndGet();
                                if (n % step == 0) {
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
                    "bench-load-" + c);
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
        return ids;
    }

    private byte[] taskBody(int i) {
        int p = i % PROJECTS;
        int b = (i / PROJECTS) % BATCHES_PER_PROJECT;
        return json("{\"project\":\"" + project(p) + "\",\"batch\":\"" + batch(p, b)
                + "\",\"attachment_type\":\"text\",\"attachment\":\"item " + i
                + "\",\"categories\":[\"red\",\"green\",\"blue\"],\"unique_id\":\"" + prefix + "-load-" + i + "\"}");
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
