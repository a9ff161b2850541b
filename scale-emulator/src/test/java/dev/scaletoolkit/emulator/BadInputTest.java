package dev.scaletoolkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.http.Route;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Sends bad input to every v1 route the emulator serves (malformed JSON, bodies of the wrong JSON kind, fields of
 * the wrong type, oversized bodies, nonsense queries, bad keys) and checks that each answer is a Scale-shaped 4xx:
 * never a 500, never a stack trace, never an HTML page.
 */
class BadInputTest {
    private static TestEmulator scale;
    private static Http api;
    private static Map<String, String> pathValues;

    /** Bodies no route should accept as-is; the field values have the wrong JSON kind for any Scale field. */
    private static final List<String> BAD_BODIES = List.of(
            "{\"name\": ",
            "not json at all",
            "[1, 2, {\"x\": }",
            "\"just a string\"",
            "12345",
            "null",
            "{\"name\": 5, \"project\": [], \"type\": {}, \"unique_id\": 7, \"metadata\": \"x\", \"tags\": \"a\","
                    + " \"emails\": 3, \"projects\": {}, \"batches\": \"b\", \"ontology\": 1, \"accepted\": \"maybe\","
                    + " \"limit\": \"lots\", \"file_url\": 1, \"team_role\": [], \"groups\": 2, \"priority\": \"hi\"}",
            "{\"metadata\": {\"deep\": " + "[".repeat(2000) + "]".repeat(2000) + "}}");

    @BeforeAll
    static void start() {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        api = new Http(scale.baseUrl(), scale.account().liveKey());
        api.post("/v1/projects", "{\"type\": \"imageannotation\", \"name\": \"p1\"}");
        api.post("/v1/batches", "{\"project\": \"p1\", \"name\": \"b1\"}");
        String taskId =
                api.post("/v1/task/imageannotation", """
                {"project": "p1", "attachment": "https://example.com/a.jpg",
                 "geometries": {"box": {"objects_to_annotate": ["car"]}}}""").json().path("task_id").asString();
        pathValues = Map.of(
                "task_id", taskId,
                "name", "b1",
                "project", "p1",
                "group", "g1",
                "id", "00000000-0000-0000-0000-000000000000",
                "type", "imageannotation",
                "uuid", "00000000-0000-0000-0000-000000000000");
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    private static List<Route> routes() {
        Router router = new Router();
        EmulatorRoutes.all(scale.emulator().services()).forEach(r -> r.register(router));
        return router.routes();
    }

    private static String fill(String template) {
        String path = template;
        for (Map.Entry<String, String> e : pathValues.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        if (path.contains("{")) {
            throw new IllegalStateException("no test value for a parameter of " + template);
        }
        return "/v1" + path;
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersBadBodiesWithAScaleShaped4xx() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : routes()) {
            if (route.method().equals("GET")) {
                continue;
            }
            String path = fill(route.template());
            for (String body : BAD_BODIES) {
                String label = route.method() + " " + route.template() + " <- "
                        + body.substring(0, Math.min(30, body.length()));
                tests.add(DynamicTest.dynamicTest(label, () -> assertScale4xxOr200(send(route.method(), path, body))));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyListingRejectsNonsenseQueriesWithout500() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : routes()) {
            if (!route.method().equals("GET")) {
                continue;
            }
            String path = fill(route.template())
                    + "?limit=lots&offset=-4&next_token=%%%&cursor=zz&start_time=yesterday&status=maybe"
                    + "&archived=perhaps&updated_after=13/45/2020&task_id=&id=&project=&quality_task_ids=x";
            tests.add(DynamicTest.dynamicTest(
                    "GET " + route.template(), () -> assertScale4xxOr200(api.get(path.replace("%%%", "%25%25")))));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> oversizedBodiesAre413() {
        String huge = "{\"metadata\": {\"x\": \"" + "a".repeat(11 * 1024 * 1024) + "\"}}";
        return Stream.of("/v1/projects", "/v1/task/imageannotation", "/v1/batches")
                .map(path -> DynamicTest.dynamicTest(path, () -> {
                    Http.Resp r = api.post(path, huge);
                    assertThat(r.status()).isEqualTo(413);
                    assertScaleShape(r);
                }));
    }

    @TestFactory
    Stream<DynamicTest> badKeysAre401OnEveryRoute() {
        Http stranger = new Http(scale.baseUrl(), "live_0000000000000000");
        return routes().stream()
                .map(route -> DynamicTest.dynamicTest(route.method() + " " + route.template(), () -> {
                    Http.Resp r = send(stranger, route.method(), fill(route.template()), "{}");
                    assertThat(r.status()).isEqualTo(401);
                    assertScaleShape(r);
                    assertThat(r.text()).doesNotContain("live_0000000000000000");
                }));
    }

    private static Http.Resp send(String method, String path, String body) {
        return send(api, method, path, body);
    }

    private static Http.Resp send(Http http, String method, String path, String body) {
        return http.send(http.builder(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Some routes ignore their body (finalize, reset); those may succeed. Anything else is a Scale 4xx. */
    private static void assertScale4xxOr200(Http.Resp r) {
        assertThat(r.status()).as(r.text()).isIn(200, 400, 404, 409, 413);
        if (r.status() != 200) {
            assertScaleShape(r);
        }
    }

    private static void assertScaleShape(Http.Resp r) {
        assertThat(r.json()).as("JSON body of %s", r.text()).isNotNull();
        assertThat(r.json().path("status_code").asInt()).isEqualTo(r.status());
        assertThat(r.json().path("error").asString())
                .isNotBlank()
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }
}
