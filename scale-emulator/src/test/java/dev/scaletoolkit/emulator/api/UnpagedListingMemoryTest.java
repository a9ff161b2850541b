package dev.scaletoolkit.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.SmallHeapEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, the listings Scale answers unpaged: {@code GET /v1/teams}, {@code /v1/studio/batches}, {@code
 * /v1/studio/assignments} and {@code /v1/audits}, each over rows that add up to more than the heap of an emulator in
 * a child JVM with 64 MB, listed four times at once. Built in memory these ran out of heap; streamed from the
 * database, every listing answers with every row exactly once, and the workforce still completes a task after.
 *
 * <p>The large rows are written straight into the child's SQLite file (no API accepts a 900 kB teammate), the way
 * a long-lived account's tables grow.
 */
class UnpagedListingMemoryTest {
    private static final int ROWS = 40;
    private static final int CHARS = 900_000;

    @Test
    void unpagedListingsLargerThanTheHeapAnswerEveryRowOnceAndTheWorkforceKeepsWorking() throws Exception {
        Path dir = Files.createTempDirectory("unpaged-listing-memory");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SmallHeapEmulator emulator = SmallHeapEmulator.start(dir)) {
            Http live = emulator.live();
            assertThat(live.post("/v1/projects", """
                            {"name": "big_studio", "type": "imageannotation", "studio": true}""").status()).isEqualTo(200);
            assertThat(live.post("/v1/batches", """
                            {"project": "big_studio", "name": "seed"}""").status()).isEqualTo(200);

            Set<String> emails = new HashSet<>();
            Set<String> batches = new HashSet<>(Set.of("seed"));
            Set<String> audits = new HashSet<>();
            String big = "x".repeat(CHARS);
            try (Connection db =
                    DriverManager.getConnection("jdbc:sqlite:" + emulator.data().resolve("scale.db"))) {
                try (Statement s = db.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 60000");
                }
                String account = one(db, "SELECT account_id FROM batches WHERE name = 'seed'");
                String now = one(db, "SELECT created_at FROM batches WHERE name = 'seed'");
                for (int i = 0; i < ROWS; i++) {
                    String email = "member" + i + "@example.com";
                    emails.add(email);
                    exec(
                            db,
                            "INSERT INTO team_members (account_id, email, role, state, created_at, doc)"
                                    + " VALUES (?, ?, 'member', 'active', ?, ?)",
                            account,
                            email,
                            now,
                            "{\"email\":\"" + email + "\",\"role\":\"member\",\"company\":\"" + big + "\"}");
                    exec(
                            db,
                            "INSERT INTO studio_assignments (account_id, test_mode, email, project, created_at)"
                                    + " VALUES (?, 0, ?, ?, ?)",
                            account,
                            email,
                            "p" + i + big,
                            now);
                    String auditId = "audit" + i;
                    audits.add(auditId);
                    exec(
                            db,
                            "INSERT INTO audits (id, account_id, test_mode, task_id, audit_source, audit_result,"
                                    + " audited_at, doc) VALUES (?, ?, 0, 'big_task', 'customer', 'rejected', ?, ?)",
                            auditId,
                            account,
                            now,
                            "{\"id\":\"" + auditId + "\",\"task_id\":\"big_task\",\"audit_result\":\"rejected\","
                                    + "\"comments\":\"" + big + "\"}");
                    String name = "b" + i;
                    batches.add(name);
                    try (Statement s = db.createStatement()) {
                        s.execute("CREATE TEMP TABLE copy AS SELECT * FROM batches WHERE name = 'seed'");
                    }
                    exec(
                            db,
                            "UPDATE temp.copy SET name = ?, id = ?, studio_groups = ?",
                            name,
                            "batch" + i,
                            "[\"" + big + "\"]");
                    try (Statement s = db.createStatement()) {
                        s.execute("INSERT INTO batches SELECT * FROM temp.copy");
                        s.execute("DROP TABLE temp.copy");
                    }
                }
            }

            for (String path : List.of(
                    "/v1/teams", "/v1/studio/assignments", "/v1/studio/batches", "/v1/audits?task_id=big_task")) {
                List<Future<Http.Resp>> listings = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    listings.add(pool.submit(() -> live.get(path)));
                }
                for (Future<Http.Resp> f : listings) {
                    Http.Resp r = f.get();
                    assertThat(r.status())
                            .as("%s answered %s", path, r.status())
                            .isEqualTo(200);
                    JsonNode json = r.json();
                    switch (path) {
                        case "/v1/teams" ->
                            assertThat(field(json, "email")).containsAll(emails).hasSize(ROWS + 1);
                        case "/v1/studio/batches" -> {
                            assertThat(field(json, "name")).containsExactlyInAnyOrderElementsOf(batches);
                            assertThat(json.get(json.size() - 1)
                                            .path("studioPriority")
                                            .asInt())
                                    .isEqualTo(ROWS + 1);
                        }
                        case "/v1/studio/assignments" -> {
                            assertThat(json.propertyNames()).containsAll(emails);
                            for (int i = 0; i < ROWS; i++) {
                                assertThat(json.path("member" + i + "@example.com")
                                                .get(0)
                                                .asString())
                                        .hasSize(CHARS + 1 + String.valueOf(i).length());
                            }
                        }
                        default ->
                            assertThat(field(json.path("docs"), "id")).containsExactlyInAnyOrderElementsOf(audits);
                    }
                }
            }

            emulator.assertWorkforceStillWorks();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The values of {@code name} in an array of objects, as a list (so a repeated row shows). */
    private static List<String> field(JsonNode array, String name) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(name).asString()));
        return out;
    }

    private static String one(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void exec(Connection db, String sql, String... args) throws Exception {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setString(i + 1, args[i]);
            }
            p.executeUpdate();
        }
    }
}
