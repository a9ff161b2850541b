package dev.scaletoolkit.emulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.ManualClock;
import dev.scaletoolkit.emulator.signin.SignInThrottle;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, Why 4: the UI had no sign-in throttling (30 wrong passwords, then the right one, all answered at once),
 * and each {@code GET /_emulator/sign-in-links} minted new links while the old ones stayed valid.
 */
class SignInThrottleTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String EMAIL = "kim@throttle.example";

    private ManualClock clock;
    private UiWorld world;

    @BeforeEach
    void start() throws IOException {
        clock = new ManualClock();
        world = new UiWorld(clock, Files.createTempDirectory("throttle"));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, String csrf, String... fields) throws Exception {
        StringBuilder body = new StringBuilder("csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&')
                    .append(fields[i])
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return client.send(
                HttpRequest.newBuilder(URI.create(world.base() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private void choosePassword(String link) throws Exception {
        HttpClient client = browser();
        HttpResponse<String> form = get(client, link);
        assertThat(form.statusCode()).isEqualTo(200);
        String token = link.substring(link.indexOf("token=") + 6);
        HttpResponse<String> done = post(
                client,
                "/set-password",
                csrf(form),
                "token",
                token,
                "password",
                Pages.PASSWORD,
                "confirm",
                Pages.PASSWORD);
        assertThat(done.statusCode()).isEqualTo(303);
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneWaitsWithRetryAfterUntilTheClockMoves() throws Exception {
        choosePassword(world.invite(EMAIL, "labeler"));
        HttpClient guesser = browser();
        String csrf = csrf(get(guesser, world.base() + "/sign-in"));
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            assertThat(post(guesser, "/sign-in", csrf, "email", EMAIL, "password", "guess number " + i)
                            .statusCode())
                    .isEqualTo(401);
        }
        for (String password : new String[] {"guess number 99", Pages.PASSWORD}) {
            HttpResponse<String> refused = post(guesser, "/sign-in", csrf, "email", EMAIL, "password", password);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.body()).contains("Too many wrong passwords");
        }

        clock.advance(Duration.ofSeconds(1));
        assertThat(post(guesser, "/sign-in", csrf, "email", EMAIL, "password", "guess number 6")
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> doubled = post(guesser, "/sign-in", csrf, "email", EMAIL, "password", Pages.PASSWORD);
        assertThat(doubled.statusCode()).isEqualTo(429);
        assertThat(doubled.headers().firstValue("Retry-After")).hasValue("2");

        clock.advance(Duration.ofSeconds(2));
        assertThat(post(guesser, "/sign-in", csrf, "email", EMAIL, "password", Pages.PASSWORD)
                        .statusCode())
                .isEqualTo(303);
        // The right password cleared the count: one wrong try is answered at once again.
        HttpClient later = browser();
        assertThat(post(
                                later,
                                "/sign-in",
                                csrf(get(later, world.base() + "/sign-in")),
                                "email",
                                EMAIL,
                                "password",
                                "one slip")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void mintingANewSignInLinkRevokesTheOlderOnes() throws Exception {
        String first = world.invite(EMAIL, "labeler");
        String second = new dev.scaletoolkit.emulator.Http(world.base(), null)
                .get("/_emulator/sign-in-links?email=" + EMAIL)
                .json()
                .path("docs")
                .get(0)
                .path("url")
                .asString();
        assertThat(second).isNotEqualTo(first);
        HttpClient client = browser();
        assertThat(get(client, first).statusCode()).isEqualTo(403);
        assertThat(get(client, second).statusCode()).isEqualTo(200);
    }

    @Test
    void theDelayDoublesFromOneSecondAndStopsAtFifteenMinutes() {
        assertThat(SignInThrottle.delayAfter(4, 5)).isZero();
        assertThat(SignInThrottle.delayAfter(5, 5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInThrottle.delayAfter(7, 5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(SignInThrottle.delayAfter(40, 5)).isEqualTo(SignInThrottle.MAX_DELAY);
    }
}
