package dev.scaletoolkit.emulator.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Fixtures;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProjectRoutesTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    static TestEmulator scale;
    static Http live;
    static Http test;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start();
        live = new Http(scale.baseUrl(), scale.account().liveKey());
        test = new Http(scale.baseUrl(), scale.account().testKey());
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    static String unique(String prefix) {
        return prefix + "_" + SEQ.incrementAndGet();
    }

    static String path(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Http.Resp create(Http http, String name, String type, String extra) {
        return http.post(
                "/v1/projects",
                "{\"name\": \"" + name + "\", \"type\": \"" + type + "\"" + (extra.isEmpty() ? "" : ", " + extra)
                        + "}");
    }

    @Test
    void createReturnsTheProjectWithItsFirstParamsVersion() {
        String name = unique("boats");
        Http.Resp r = create(live, name, "imageannotation", "\"params\": {\"instruction\": \"Box every boat.\"}");
        assertThat(r.status()).isEqualTo(200);
        Fixtures.assertShape(r.json(), "projects/project.json");
        assertThat(r.json().path("name").asString()).isEqualTo(name);
        assertThat(r.json().path("type").asString()).isEqualTo("imageannotation");
        JsonNode history = r.json().path("param_history");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("version").asInt()).isZero();
        assertThat(history.get(0).path("instruction").asString()).isEqualTo("Box every boat.");
        assertThat(r.json().path("created_at").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        Http.Resp again = live.get("/v1/projects/" + path(name));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(r.json());
    }

    @Test
    void createKeepsStudioSettings() {
        Http.Resp r = create(
                live,
                unique("consensus"),
                "textcollection",
                "\"studio\": true, \"pipeline\": \"consensus_task\", \"consensus_attempts\": 3, \"datasetId\": \"ds_1\"");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("studio").asBoolean()).isTrue();
        assertThat(r.json().path("pipeline").asString()).isEqualTo("consensus_task");
        assertThat(r.json().path("consensus_attempts").asInt()).isEqualTo(3);
        assertThat(r.json().path("datasetId").asString()).isEqualTo("ds_1");
    }

    @Test
    void duplicateNameIs409ButOtherModesAndAccountsAreSeparate() {
        String name = unique("dup");
        assertThat(create(live, name, "categorization", "").status()).isEqualTo(200);
        Http.Resp dup = create(live, name, "imageannotation", "");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().path("status_code").asInt()).isEqualTo(409);
        assertThat(dup.error()).contains(name);

        assertThat(create(test, name, "categorization", "").status()).isEqualTo(200);
        Accounts.NewAccount other = scale.newAccount("Other Co", "other@proj.example");
        assertThat(create(new Http(scale.baseUrl(), other.liveKey()), name, "categorization", "")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void projectsAreInvisibleAcrossModesAndAccounts() {
        String name = unique("private");
        create(live, name, "categorization", "");
        Http.Resp fromTest = test.get("/v1/projects/" + path(name));
        assertThat(fromTest.status()).isEqualTo(404);
        assertThat(names(test.get("/v1/projects").json())).doesNotContain(name);

        Accounts.NewAccount other = scale.newAccount("Nosy Co", "nosy@proj.example");
        Http otherLive = new Http(scale.baseUrl(), other.liveKey());
        assertThat(otherLive.get("/v1/projects/" + path(name)).status()).isEqualTo(404);
        assertThat(otherLive.get("/v1/projects").json()).isEmpty();
    }

    @Test
    void badCreateBodiesAre400NamingTheField() {
        assertBadRequest(live.post("/v1/projects", "{\"name\": \"x\"}"), "\"type\"");
        assertBadRequest(live.post("/v1/projects", "{\"type\": \"imageannotation\"}"), "\"name\"");
        assertBadRequest(create(live, unique("t"), "kittenannotation", ""), "\"type\"");
        assertBadRequest(create(live, unique("t"), "imageannotation", "\"params\": [1]"), "\"params\"");
        assertBadRequest(create(live, unique("t"), "imageannotation", "\"rapid\": \"often\""), "\"rapid\"");
        assertBadRequest(
                create(live, unique("t"), "imageannotation", "\"studio\": true, \"pipeline\": \"fast\""),
                "\"pipeline\"");
        assertBadRequest(
                create(live, unique("t"), "imageannotation", "\"pipeline\": \"standard_task\""), "\"pipeline\"");
        assertBadRequest(
                create(live, unique("t"), "imageannotation", "\"params\": {\"version\": 4}"), "params.version");
        assertBadRequest(live.post("/v1/projects", "[\"not\", \"an\", \"object\"]"), "JSON object");
        assertBadRequest(live.post("/v1/projects", "{\"name\": "), "not valid JSON");
    }

    @Test
    void percentEncodedNamesAreFound() {
        String name = unique("harbour / boats #1 ?");
        assertThat(create(live, name, "imageannotation", "").status()).isEqualTo(200);
        Http.Resp r = live.get("/v1/projects/" + path(name));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("name").asString()).isEqualTo(name);
    }

    @Test
    void unknownProjectIs404NamingIt() {
        Http.Resp r = live.get("/v1/projects/no_such_project");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("status_code").asInt()).isEqualTo(404);
        assertThat(r.error()).contains("no_such_project");
        assertThat(live.post("/v1/projects/no_such_project/setParams", "{}").status())
                .isEqualTo(404);
        assertThat(live.post("/v1/projects/no_such_project/setOntology", "{\"ontology\": [\"a\"]}")
                        .status())
                .isEqualTo(404);
        assertThat(live.get("/v1/projects/no_such_project/taskTemplates").status())
                .isEqualTo(404);
    }

    @Test
    void listIsNewestFirstAndFiltersOnArchived() {
        Accounts.NewAccount owner = scale.newAccount("Lister", "lister@proj.example");
        Http http = new Http(scale.baseUrl(), owner.liveKey());
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "list_" + i;
            assertThat(create(http, name, "categorization", "").status()).isEqualTo(200);
            made.add(0, name);
        }
        archive(new Caller(owner.accountId(), false), "list_0");

        Http.Resp all = http.get("/v1/projects");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().isArray()).isTrue();
        Fixtures.assertShape(all.json().get(0), "projects/project.json");
        assertThat(names(all.json())).containsExactlyElementsOf(made);
        assertThat(names(http.get("/v1/projects?archived=true").json())).containsExactly("list_0");
        assertThat(names(http.get("/v1/projects?archived=False").json())).containsExactly("list_2", "list_1");
        assertBadRequest(http.get("/v1/projects?archived=maybe"), "\"archived\"");
    }

    @Test
    void setParamsReplacesOrPatchesAndAppendsAVersion() {
        String name = unique("params");
        create(
                live,
                name,
                "imageannotation",
                "\"params\": {\"instruction\": \"v0\", \"geometries\": {\"box\": {\"objects_to_annotate\": [\"boat\"]}}}");

        Http.Resp replaced = live.post("/v1/projects/" + path(name) + "/setParams", "{\"instruction\": \"v1\"}");
        assertThat(replaced.status()).isEqualTo(200);
        Fixtures.assertShape(replaced.json(), "projects/project.json");
        JsonNode v1 = replaced.json().path("param_history").get(1);
        assertThat(v1.path("version").asInt()).isEqualTo(1);
        assertThat(v1.path("instruction").asString()).isEqualTo("v1");
        assertThat(v1.has("geometries")).isFalse();
        assertThat(v1.has("patch")).isFalse();

        Http.Resp patched =
                live.post("/v1/projects/" + path(name) + "/setParams", "{\"patch\": true, \"priority\": 20}");
        assertThat(patched.status()).isEqualTo(200);
        JsonNode v2 = patched.json().path("param_history").get(2);
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        assertThat(v2.path("instruction").asString()).isEqualTo("v1");
        assertThat(v2.path("priority").asInt()).isEqualTo(20);
        assertThat(patched.json()
                        .path("param_history")
                        .get(0)
                        .path("instruction")
                        .asString())
                .isEqualTo("v0");

        assertThat(live.get("/v1/projects/" + path(name)).json().path("param_history"))
                .hasSize(3);
    }

    @Test
    void setParamsRefusesServerOwnedKeysAndNonTextInstructions() {
        String name = unique("params_bad");
        create(live, name, "imageannotation", "");
        assertBadRequest(live.post("/v1/projects/" + path(name) + "/setParams", "{\"version\": 9}"), "\"version\"");
        assertBadRequest(
                live.post("/v1/projects/" + path(name) + "/setParams", "{\"instruction\": 5}"), "\"instruction\"");
        assertBadRequest(live.post("/v1/projects/" + path(name) + "/setParams", "{\"patch\": \"perhaps\"}"), "patch");
        assertThat(live.get("/v1/projects/" + path(name)).json().path("param_history"))
                .hasSize(1);
    }

    @Test
    void setOntologyKeepsAVersionedHistory() {
        String name = unique("onto");
        create(live, name, "imageannotation", "");
        Http.Resp first = live.post("/v1/projects/" + path(name) + "/setOntology", """
                {"name": "street objects", "ontology": ["Traffic light",
                  {"choice": "Vehicle", "description": "wheels", "subchoices": ["Car", "Bus"]}]}
                """);
        assertThat(first.status()).isEqualTo(200);
        Fixtures.assertShape(first.json(), "projects/project_with_ontology.json");
        JsonNode entry = first.json().path("ontologies").get(0);
        assertThat(entry.path("version").asInt()).isEqualTo(1);
        assertThat(entry.path("name").asString()).isEqualTo("street objects");
        assertThat(entry.path("ontology").get(1).path("subchoices").get(1).asString())
                .isEqualTo("Bus");

        Http.Resp second =
                live.post("/v1/projects/" + path(name) + "/setOntology", "{\"ontology\": [\"Cat\", \"Dog\"]}");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("ontologies")).hasSize(2);
        assertThat(second.json().path("ontologies").get(1).path("version").asInt())
                .isEqualTo(2);
        assertThat(second.json().path("ontologies").get(1).path("name").asString())
                .isNotBlank();
    }

    @Test
    void setOntologyRejectsDuplicatesAndMalformedChoices() {
        String name = unique("onto_bad");
        create(live, name, "imageannotation", "");
        String route = "/v1/projects/" + path(name) + "/setOntology";
        Http.Resp dup = live.post(
                route, "{\"ontology\": [\"Car\", {\"choice\": \"Vehicle\", \"subchoices\": [\"Truck\", \"Car\"]}]}");
        assertBadRequest(dup, "\"Car\"");
        assertBadRequest(live.post(route, "{\"ontology\": [\"A\", \"A\"]}"), "\"A\"");
        assertBadRequest(live.post(route, "{}"), "\"ontology\"");
        assertBadRequest(live.post(route, "{\"ontology\": []}"), "\"ontology\"");
        assertBadRequest(live.post(route, "{\"ontology\": [\"A\", 7]}"), "ontology[1]");
        assertBadRequest(live.post(route, "{\"ontology\": [{\"description\": \"no choice\"}]}"), "ontology[0].choice");
        assertBadRequest(
                live.post(route, "{\"ontology\": [{\"choice\": \"A\", \"subchoices\": \"B\"}]}"),
                "ontology[0].subchoices");
        assertThat(live.get("/v1/projects/" + path(name)).json().has("ontologies"))
                .isFalse();
    }

    @Test
    void taskTemplatesExistForTextCollectionAndChatOnly() {
        String name = unique("collect");
        create(live, name, "textcollection", "\"params\": {\"template_variables\": {\"product_name\": \"string\"}}");
        Http.Resp r = live.get("/v1/projects/" + path(name) + "/taskTemplates");
        assertThat(r.status()).isEqualTo(200);
        Fixtures.assertShape(r.json(), "projects/task_template.json");
        assertThat(r.json().path("template_variables").path("product_name").asString())
                .isEqualTo("string");

        String chat = unique("chatty");
        create(live, chat, "chat", "");
        assertThat(live.get("/v1/projects/" + path(chat) + "/taskTemplates").status())
                .isEqualTo(200);

        String image = unique("pictures");
        create(live, image, "imageannotation", "");
        assertBadRequest(live.get("/v1/projects/" + path(image) + "/taskTemplates"), "imageannotation");
    }

    private static void archive(Caller caller, String name) {
        scale.emulator().context().db().write(h -> {
            var doc = ProjectStore.require(h, caller, name);
            doc.put("archived", true);
            ProjectStore.update(h, caller, doc, scale.emulator().context().now());
            return null;
        });
    }

    static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(p -> out.add(p.path("name").asString()));
        return out;
    }

    static void assertBadRequest(Http.Resp r, String mention) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().path("status_code").asInt()).isEqualTo(400);
        assertThat(r.error()).contains(mention);
    }
}
