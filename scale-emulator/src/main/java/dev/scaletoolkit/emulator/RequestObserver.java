package dev.scaletoolkit.emulator;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Told about every request the emulator answered, for metrics. The route is coarse on purpose (the first path
 * segment under {@code /v1} or {@code /_emulator}, e.g. {@code /v1/task}), so ids never become label values.
 */
@FunctionalInterface
public interface RequestObserver {
    void answered(String method, String route, int status, long nanos);

    /** The servlet filter that reports to an observer; added by {@link ScaleEmulator#observeRequests}. */
    final class ObservingFilter implements Filter {
        private final RequestObserver observer;

        ObservingFilter(RequestObserver observer) {
            this.observer = observer;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            long started = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                if (request instanceof HttpServletRequest req && response instanceof HttpServletResponse resp) {
                    try {
                        observer.answered(
                                req.getMethod(),
                                route(req.getRequestURI()),
                                resp.getStatus(),
                                System.nanoTime() - started);
                    } catch (RuntimeException ignored) {
                        // metrics never break a request
                    }
                }
            }
        }

        static String route(String uri) {
            String[] parts = uri == null ? new String[0] : uri.split("/");
            if (parts.length < 2) {
                return "/";
            }
            if ((parts[1].equals("v1") || parts[1].equals("_emulator")) && parts.length > 2) {
                return "/" + parts[1] + "/" + parts[2];
            }
            return "/" + parts[1];
        }
    }
}
