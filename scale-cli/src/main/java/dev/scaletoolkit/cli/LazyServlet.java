package dev.scaletoolkit.cli;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * A servlet built in the background after the server listens, so an expensive mount (the MCP endpoint compiles
 * the schemas of every tool) does not delay {@code scale up}. A request that arrives first waits for it.
 */
final class LazyServlet extends HttpServlet {
    private final CompletableFuture<Servlet> target;
    private volatile Servlet ready;

    private LazyServlet(CompletableFuture<Servlet> target) {
        this.target = target;
    }

    /** A holder named {@code name} whose servlet {@code build} makes on a background thread, starting now. */
    static ServletHolder holder(String name, Supplier<? extends Servlet> build) {
        CompletableFuture<Servlet> target = new CompletableFuture<>();
        Thread builder = new Thread(
                () -> {
                    try {
                        target.complete(build.get());
                    } catch (RuntimeException | Error e) {
                        target.completeExceptionally(e);
                    }
                },
                name + "-init");
        builder.setDaemon(true);
        builder.start();
        ServletHolder holder = new ServletHolder(name, new LazyServlet(target));
        holder.setAsyncSupported(true);
        return holder;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Servlet servlet = ready;
        if (servlet == null) {
            servlet = initialised();
        }
        servlet.service(req, resp);
    }

    private synchronized Servlet initialised() throws ServletException {
        if (ready == null) {
            Servlet servlet;
            try {
                servlet = target.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServletException("interrupted while the endpoint was being prepared", e);
            } catch (ExecutionException e) {
                throw new ServletException(
                        "the endpoint failed to start: " + e.getCause().getMessage(), e);
            }
            servlet.init(getServletConfig());
            ready = servlet;
        }
        return ready;
    }

    @Override
    public void destroy() {
        if (ready != null) {
            ready.destroy();
        }
    }
}
