package dev.scaletoolkit.emulator.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A servlet built on its first request rather than at start: for endpoints whose set-up is costly and that only
 * some users call (the MCP endpoint builds a server and checks the schema of every tool). The first request waits
 * for the build; requests arriving meanwhile wait for the same build, which runs once. What is served is exactly
 * what an eager mount would serve.
 *
 * <p>A build that throws is not remembered: that request fails (500), and the next one builds again. Mount the
 * holder with async support when the built servlet answers asynchronously.
 */
public final class LazyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Supplier<? extends HttpServlet> build;
    private transient volatile HttpServlet built;
    private transient volatile boolean destroyed;

    private LazyServlet(Supplier<? extends HttpServlet> build) {
        this.build = Objects.requireNonNull(build, "build");
    }

    /** A servlet that calls {@code build} once, on its first request, and forwards every request to the result. */
    public static LazyServlet of(Supplier<? extends HttpServlet> build) {
        return new LazyServlet(build);
    }

    /** True once the first request has built the servlet (tests and diagnostics). */
    public boolean isBuilt() {
        return built != null;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        delegate().service(req, resp);
    }

    private HttpServlet delegate() throws ServletException {
        HttpServlet servlet = built;
        if (servlet != null) {
            return servlet;
        }
        synchronized (this) {
            if (built == null) {
                if (destroyed) {
                    throw new ServletException("stopping");
                }
                HttpServlet fresh = build.get();
                // the container initialised this wrapper; the built servlet gets the same configuration
                fresh.init(getServletConfig());
                built = fresh;
            }
            return built;
        }
    }

    @Override
    public void destroy() {
        synchronized (this) {
            destroyed = true;
            if (built != null) {
                built.destroy();
            }
        }
        super.destroy();
    }
}
