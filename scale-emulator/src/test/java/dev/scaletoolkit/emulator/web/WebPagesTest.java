package dev.scaletoolkit.emulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The UI's pages over plain HTTP (no browser): who may see what, and every refusal a hostile or careless form
 * post gets, each as a page with a clear message and nothing changed.
 */
class WebPagesTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String LABELER = "lin@streets.example";

    private static UiWorld world;
    private static HttpClient labeler;
    private static String imageTask;
    private static String nerTask;

    @BeforeAll
    static void start() throws Exception {
        world = new UiWorld();
        labeler = browserlike();
        String link = world.invite(LABELER, "labeler");
        HttpResponse<String> form = get(labeler, link);
        assertThat(form.statusCode()).isEqualTo(200);
        String token = link.substring(link.indexOf("token=") + 6);
        HttpResponse<String> short_ =
                post(labeler, "/set-password", csrf(form), "token", token, "password", "short", "confirm", "short");
        assertThat(short_.statusCode()).isEqualTo(400);
        assertThat(short_.body()).contains("at least 10 characters");
        HttpResponse<String> differ = post(
                labeler,
                "/set-password",
                csrf(form),
                "token",
                token,
                "password",
                "long enough one",
                "confirm",
                "long enough two");
        assertThat(differ.statusCode()).isEqualTo(400);
        assertThat(differ.body()).contains("differ");
        HttpResponse<String> done = post(
                labeler,
                "/set-password",
                csrf(form),
                "token",
                token,
                "password",
                Pages.PASSWORD,
                "confirm",
                Pages.PASSWORD);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Set-Cookie").orElse(""))
                .contains("scale_session=")
                .contains("HttpOnly")
                .contains("SameSite=Strict");

        world.studioProject("Streets", "imageannotation");
        world.studioProject("Press", "namedentityrecognition");
        world.assign(LABELER, "Streets");
        world.assign(LABELER, "Press");
        ObjectNode image = UiWorld.json("{\"project\": \"Streets\", \"instruction\": \"Box cars.\","
                + " \"geometries\": {\"box\": {\"objects_to_annotate\": [\"car\"]}}}");
        image.put("attachment", world.imageUrl());
        imageTask = world.task("imageannotation", image);
        nerTask = world.task(
                "namedentityrecognition",
                UiWorld.json("{\"project\": \"Press\", \"instruction\": \"Mark people.\", \"labels\": [\"PERSON\"],"
                        + " \"text\": \"Grace Hopper wrote COBOL.\"}"));
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void strangersAreSentToSignInAndUnknownPathsKeepScalesJson404() throws Exception {
        HttpClient stranger = browserlike();
        HttpResponse<String> root = get(stranger, world.base() + "/");
        assertThat(root.statusCode()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).hasValue("/sign-in");
        assertThat(get(stranger, world.base() + "/tasks/" + imageTask).headers().firstValue("Location"))
                .hasValue("/sign-in");
        HttpResponse<String> unknown = get(stranger, world.base() + "/no/such/page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"status_code\":404");
        HttpResponse<String> signIn = get(stranger, world.base() + "/sign-in");
        assertThat(signIn.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'")
                .contains("script-src 'self'");
        assertThat(signIn.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(get(stranger, world.base() + "/static/app.js").statusCode()).isEqualTo(200);
        assertThat(get(stranger, world.base() + "/static/secrets.txt").statusCode())
                .isEqualTo(404);
        HttpResponse<String> wrong =
                post(stranger, "/sign-in", csrf(signIn), "email", LABELER, "password", "nope nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("do not match");
    }

    @Test
    void aLabelerSeesOnlyTheirProjectsAndNoManagerScreens() throws Exception {
        assertThat(get(labeler, world.base() + "/dashboard").statusCode()).isEqualTo(403);
        assertThat(get(labeler, world.base() + "/review").statusCode()).isEqualTo(403);
        world.studioProject("Secret", "imageannotation");
        ObjectNode other = UiWorld.json("{\"project\": \"Secret\", \"instruction\": \"x\","
                + " \"geometries\": {\"box\": {\"objects_to_annotate\": [\"car\"]}}}");
        other.put("attachment", world.imageUrl());
        HttpResponse<String> page = get(labeler, world.base() + "/tasks/" + world.task("imageannotation", other));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("not assigned");
        // Another account's task looks like no task at all.
        var stranger = world.emulator.accounts().create("Other Co", "boss@other.example");
        String foreign = UiWorld.ok(new Http(world.base(), stranger.liveKey())
                        .post(
                                "/v1/task/categorization",
                                "{\"instruction\": \"x\", \"attachment\": \"y\"," + " \"categories\": [\"a\", \"b\"]}"))
                .json()
                .path("task_id")
                .asString();
        assertThat(get(labeler, world.base() + "/tasks/" + foreign).statusCode())
                .isEqualTo(404);
    }

    @Test
    void answersThatDoNotFitTheTaskAreRefusedAndTheTaskStaysPending() throws Exception {
        String token = csrf(get(labeler, world.base() + "/tasks/" + imageTask));
        String path = "/tasks/" + imageTask + "/submit";
        assertRefused(post(labeler, path, token, "response", "{not json"), 400, "not valid JSON");
        assertRefused(post(labeler, path, token, "response", "[1, 2]"), 400, "JSON object");
        assertRefused(
                post(
                        labeler,
                        path,
                        token,
                        "response",
                        "{\"annotations\": [{\"type\": \"box\", \"label\": \"dragon\", \"left\": 1, \"top\": 1,"
                                + " \"width\": 5, \"height\": 5}]}"),
                400,
                "dragon");
        assertRefused(
                post(
                        labeler,
                        path,
                        token,
                        "response",
                        "{\"annotations\": [{\"type\": \"polygon\", \"label\": \"car\", \"vertices\": []}]}"),
                400,
                "does not ask for");
        assertThat(world.taskJson(imageTask).path("status").asString()).isEqualTo("pending");

        String nerPath = "/tasks/" + nerTask + "/submit";
        assertRefused(
                post(
                        labeler,
                        nerPath,
                        token,
                        "response",
                        "{\"annotations\": [{\"start\": 0, \"end\": 5, \"text\": \"Hoppr\", \"label\": \"PERSON\"}]}"),
                400,
                "differs");
        assertRefused(
                post(
                        labeler,
                        nerPath,
                        token,
                        "response",
                        "{\"annotations\": [{\"start\": 20, \"end\": 90, \"text\": \"x\", \"label\": \"PERSON\"}]}"),
                400,
                "within the text");
        assertThat(world.taskJson(nerTask).path("status").asString()).isEqualTo("pending");

        String good = "{\"annotations\": [{\"type\": \"box\", \"label\": \"car\", \"left\": 10, \"top\": 20,"
                + " \"width\": 30, \"height\": 40}]}";
        assertThat(post(labeler, path, token, "response", good).statusCode()).isEqualTo(303);
        assertThat(world.taskJson(imageTask).path("status").asString()).isEqualTo("completed");
        assertRefused(post(labeler, path, token, "response", good), 409, "no longer pending");
    }

    @Test
    void theControlPlaneHandsOutLinksOnlyForTeammates() {
        Http.Resp none = world.control.post("/_emulator/sign-in-links", "{\"email\": \"nobody@nowhere.example\"}");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().path("status_code").asInt()).isEqualTo(404);
        // The labeler has a password now, so the listing leaves them out; asking for them by name gives a reset.
        assertThat(world.control.get("/_emulator/sign-in-links").text()).doesNotContain(LABELER);
        Http.Resp reset =
                UiWorld.ok(world.control.post("/_emulator/sign-in-links", "{\"email\": \"" + LABELER + "\"}"));
        assertThat(reset.json().path("url").asString()).startsWith(world.base() + "/set-password?token=");
    }

    private static void assertRefused(HttpResponse<String> r, int status, String message) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains(message).doesNotContain("Exception");
    }

    private static HttpClient browserlike() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a form with a CSRF token in " + page.uri()).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String path, String csrf, String... fields)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(
                HttpRequest.newBuilder(URI.create(world.base() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
