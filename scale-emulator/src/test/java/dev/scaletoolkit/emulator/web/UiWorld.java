package dev.scaletoolkit.emulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.callback.CallbackReceiver;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real emulator (workforce off, so tasks wait for people), its owner's API, a callback receiver and a small web
 * server holding the street photo image tasks point at. Helpers make Studio projects, batches and tasks through
 * the public API, as a customer would.
 */
final class UiWorld implements AutoCloseable {
    static final int IMAGE_WIDTH = 800;
    static final int IMAGE_HEIGHT = 500;

    final ScaleEmulator emulator;
    final Accounts.NewAccount account;
    private final AutoCloseable owner;
    final Http api;
    final Http control;
    final CallbackReceiver callbacks;
    /** Task ids a test wants to find again, by a name of its choosing. */
    final java.util.Map<String, String> ids = new java.util.concurrent.ConcurrentHashMap<>();

    private final com.sun.net.httpserver.HttpServer images;

    UiWorld() {
        this(TestEmulator.start(b -> b.workforceEnabled(false)));
    }

    /** A world whose clock stands still at {@code at} until the test moves it with {@link #clock()}. */
    static UiWorld frozenAt(java.time.Instant at) {
        return new UiWorld(
                TestEmulator.start(b -> b.workforceEnabled(false), Clock.fixed(at, java.time.ZoneOffset.UTC)));
    }

    private UiWorld(TestEmulator scale) {
        this.emulator = scale.emulator();
        this.account = scale.account();
        this.owner = scale;
        this.api = new Http(base(), account.liveKey());
        this.control = new Http(base(), null);
        this.callbacks = CallbackReceiver.start();
        this.images = imageServer();
    }

    private static com.sun.net.httpserver.HttpServer imageServer() {
        com.sun.net.httpserver.HttpServer server;
        try {
            server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] png = streetPng();
        server.createContext("/street.png", ex -> {
            ex.getResponseHeaders().add("Content-Type", "image/png");
            ex.sendResponseHeaders(200, png.length);
            ex.getResponseBody().write(png);
            ex.close();
        });
        // An attachment of the wrong kind: a web page where an image should be.
        server.createContext("/page.html", ex -> {
            byte[] html =
                    "<!doctype html><title>Not an image</title>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, html.length);
            ex.getResponseBody().write(html);
            ex.close();
        });
        server.start();
        return server;
    }

    /** An emulator on {@code clock} (the screenshot tool moves time to spread completions over a day). */
    UiWorld(Clock clock, Path dataDir) {
        this.emulator = ScaleEmulator.start(
                TestEmulator.defaults(dataDir).workforceEnabled(false).build(), clock);
        this.account = emulator.accounts().create("Lighthouse Imaging", "maya@lighthouse.example");
        this.owner = emulator;
        this.api = new Http(base(), account.liveKey());
        this.control = new Http(base(), null);
        this.callbacks = CallbackReceiver.start();
        this.images = imageServer();
    }

    /** An emulator on {@code clock} in a fresh directory, its owner as in {@link #UiWorld()}. */
    static UiWorld on(Clock clock) {
        try {
            return new UiWorld(clock, java.nio.file.Files.createTempDirectory("scale-ui-world"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String base() {
        return emulator.baseUrl();
    }

    /** The emulator's clock: tests move time with it instead of waiting. */
    dev.scaletoolkit.emulator.EmulatorClock clock() {
        return emulator.clock();
    }

    String imageUrl() {
        return "http://127.0.0.1:" + images.getAddress().getPort() + "/street.png";
    }

    /** An image address that answers 404. */
    String missingImageUrl() {
        return "http://127.0.0.1:" + images.getAddress().getPort() + "/missing.png";
    }

    /** An "image" address that answers a web page. */
    String htmlPageUrl() {
        return "http://127.0.0.1:" + images.getAddress().getPort() + "/page.html";
    }

    String callbackUrl() {
        return callbacks.url("/scale-callback");
    }

    static Http.Resp ok(Http.Resp r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r;
    }

    /** Invites a teammate and returns their one-time set-password link from the control plane. */
    String invite(String email, String role) {
        ok(api.post("/v1/teams/invite", "{\"emails\": [\"" + email + "\"], \"team_role\": \"" + role + "\"}"));
        JsonNode links =
                ok(control.get("/_emulator/sign-in-links?email=" + email)).json();
        assertThat(links.path("docs")).hasSize(1);
        return links.path("docs").get(0).path("url").asString();
    }

    void studioProject(String name, String type) {
        ok(api.post("/v1/projects", "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", \"studio\": true}"));
    }

    void assign(String email, String project) {
        ok(api.post(
                "/v1/studio/assignments/add",
                "{\"emails\": [\"" + email + "\"], \"projects\": [\"" + project + "\"]}"));
    }

    void batch(String project, String name) {
        ok(api.post("/v1/batches", "{\"project\": \"" + project + "\", \"name\": \"" + name + "\"}"));
    }

    /** Creates a task of {@code type} with these fields (project, batch, params...) and returns its id. */
    String task(String type, ObjectNode body) {
        body.put("callback_url", callbackUrl());
        return ok(api.post("/v1/task/" + type, ScaleJson.mapper().writeValueAsString(body)))
                .json()
                .path("task_id")
                .asString();
    }

    JsonNode taskJson(String id) {
        return ok(api.get("/v1/task/" + id)).json();
    }

    static ObjectNode object() {
        return ScaleJson.mapper().createObjectNode();
    }

    static ObjectNode json(String text) {
        return (ObjectNode) ScaleJson.mapper().readTree(text);
    }

    List<CallbackReceiver.Delivery> deliveries() {
        return callbacks.deliveries();
    }

    @Override
    public void close() {
        images.stop(0);
        callbacks.close();
        try {
            owner.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A drawn street: sky, buildings, road, two cars and a cyclist, enough to label. */
    private static byte[] streetPng() {
        BufferedImage img = new BufferedImage(IMAGE_WIDTH, IMAGE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x9ec9f0), 0, 260, new Color(0xe6f0fa)));
        g.fillRect(0, 0, IMAGE_WIDTH, 260);
        int[][] buildings = {
            {0, 90, 140}, {140, 40, 110}, {250, 120, 160}, {410, 60, 120}, {530, 20, 150}, {680, 100, 120}
        };
        Color[] tones = {new Color(0x7d8597), new Color(0x5c677d), new Color(0x979dac), new Color(0x6c757d)};
        for (int i = 0; i < buildings.length; i++) {
            int[] b = buildings[i];
            g.setColor(tones[i % tones.length]);
            g.fillRect(b[0], b[1], b[2], 260 - b[1]);
            g.setColor(new Color(0xf8f3d6));
            for (int y = b[1] + 14; y < 240; y += 28) {
                for (int x = b[0] + 12; x < b[0] + b[2] - 16; x += 26) {
                    g.fillRect(x, y, 12, 14);
                }
            }
        }
        g.setColor(new Color(0x8a8f98));
        g.fillRect(0, 260, IMAGE_WIDTH, 24);
        g.setColor(new Color(0x3d4148));
        g.fillRect(0, 284, IMAGE_WIDTH, IMAGE_HEIGHT - 284);
        g.setColor(new Color(0xf2f2f2));
        g.setStroke(new BasicStroke(6));
        for (int x = 0; x < IMAGE_WIDTH; x += 80) {
            g.drawLine(x, 400, x + 44, 400);
        }
        car(g, 90, 320, new Color(0xc0392b));
        car(g, 470, 350, new Color(0x2e86de));
        g.setColor(new Color(0x222222));
        g.setStroke(new BasicStroke(4));
        g.drawOval(330, 300, 36, 36);
        g.drawOval(380, 300, 36, 36);
        g.drawLine(348, 318, 372, 290);
        g.drawLine(372, 290, 398, 318);
        g.setColor(new Color(0xf39c12));
        g.fillOval(362, 248, 18, 18);
        g.fillRect(364, 266, 14, 26);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void car(Graphics2D g, int x, int y, Color color) {
        g.setColor(color);
        g.fillRoundRect(x, y + 22, 190, 50, 18, 18);
        g.fillRoundRect(x + 36, y, 110, 40, 18, 18);
        g.setColor(new Color(0xcfe8ff));
        g.fillRect(x + 48, y + 8, 40, 22);
        g.fillRect(x + 96, y + 8, 40, 22);
        g.setColor(new Color(0x111111));
        g.fillOval(x + 24, y + 56, 34, 34);
        g.fillOval(x + 132, y + 56, 34, 34);
    }
}
