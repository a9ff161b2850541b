package dev.scaletoolkit.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.testing.TestEmulator;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: {@code scale up} mounts endpoints whose set-up is costly (the MCP server) as a {@link LazyServlet}, built
 * by the first request. Requests that arrive together before it is built all get the built servlet's answer, and it
 * is built once; a failed build is not kept.
 */
class LazyServletTest {
    private static final int CONCURRENT = 8;

    private TestEmulator scale;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
    }

    @AfterEach
    void stop() {
        scale.close();
    }

    @Test
    void concurrentFirstRequestsWaitForOneBuildAndAllGetItsAnswer() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        AtomicInteger inits = new AtomicInteger();
        CountDownLatch allArrived = new CountDownLatch(CONCURRENT);
        LazyServlet lazy = LazyServlet.of(() -> {
            builds.incrementAndGet();
            // build only once every request is in, so the others are waiting for this build
            await(allArrived);
            return new Greeting(inits);
        });
        mount("/lazy/*", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp)
                    throws ServletException, IOException {
                allArrived.countDown();
                lazy.service(req, resp);
            }

            @Override
            public void init() throws ServletException {
                lazy.init(getServletConfig());
            }
        });
        assertThat(lazy.isBuilt()).isFalse();

        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            answers.add(client.sendAsync(get("/lazy/hello?n=" + i), HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < CONCURRENT; i++) {
            HttpResponse<String> answer = answers.get(i).get(60, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("hello " + i);
        }
        assertThat(builds).hasValue(1);
        assertThat(inits).hasValue(1);
        assertThat(lazy.isBuilt()).isTrue();
        assertThat(send("/lazy/hello?n=again").body()).isEqualTo("hello again");
        assertThat(builds).hasValue(1);
    }

    @Test
    void aFailedBuildFailsThatRequestAndTheNextRequestBuildsAgain() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        LazyServlet lazy = LazyServlet.of(() -> {
            if (builds.incrementAndGet() == 1) {
                throw new IllegalStateException("first build fails");
            }
            return new Greeting(new AtomicInteger());
        });
        mount("/flaky/*", lazy);

        HttpResponse<String> failed = send("/flaky/x?n=1");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("first build fails").doesNotContain("at dev.scaletoolkit");
        assertThat(lazy.isBuilt()).isFalse();

        HttpResponse<String> second = send("/flaky/x?n=2");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo("hello 2");
        assertThat(builds).hasValue(2);
    }

    @Test
    void stoppingTheEmulatorDestroysTheBuiltServlet() throws Exception {
        AtomicInteger destroyed = new AtomicInteger();
        LazyServlet lazy = LazyServlet.of(() -> new Greeting(new AtomicInteger()) {
            @Override
            public void destroy() {
                destroyed.incrementAndGet();
            }
        });
        mount("/built/*", lazy);
        assertThat(send("/built/x?n=1").body()).isEqualTo("hello 1");

        scale.close();
        assertThat(destroyed).hasValue(1);
        scale = TestEmulator.start(b -> b.workforceEnabled(false)); // for stop()
    }

    private void mount(String path, HttpServlet servlet) {
        scale.emulator().mount(path, new ServletHolder(path, servlet));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(scale.baseUrl() + path)).build();
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return client.send(get(path), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Answers {@code hello N}; counts its initialisations (the container's config must reach it once). */
    private static class Greeting extends HttpServlet {
        private final AtomicInteger inits;

        Greeting(AtomicInteger inits) {
            this.inits = inits;
        }

        @Override
        public void init() {
            inits.incrementAndGet();
            assertThat(getServletConfig()).isNotNull();
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().write("hello " + req.getParameter("n"));
        }
    }
}
