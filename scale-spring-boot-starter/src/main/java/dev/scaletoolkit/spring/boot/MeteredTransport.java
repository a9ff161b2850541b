package dev.scaletoolkit.spring.boot;

import dev.scaletoolkit.client.error.ScaleIoException;
import dev.scaletoolkit.client.http.ScaleRequest;
import dev.scaletoolkit.client.http.ScaleResponse;
import dev.scaletoolkit.client.http.Transport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.CompletableFuture;

/**
 * Times every HTTP exchange of the client (each retry counts as one) as {@value #METER}, tagged with
 * {@code method}, {@code uri} (the path with ids replaced by {@code {id}}, so tags stay few), {@code status} and
 * {@code outcome}.
 */
public final class MeteredTransport implements Transport {
    /** The timer's name. */
    public static final String METER = "scale.client.requests";

    private final Transport delegate;
    private final MeterRegistry registry;

    /**
     * Times what {@code delegate} sends.
     *
     * @param delegate the transport that does the work
     * @param registry where the timings go
     */
    public MeteredTransport(Transport delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public ScaleResponse execute(ScaleRequest request) throws ScaleIoException {
        Timer.Sample sample = Timer.start(registry);
        try {
            ScaleResponse response = delegate.execute(request);
            sample.stop(timer(request, Integer.toString(response.status()), outcome(response.status())));
            return response;
        } catch (ScaleIoException e) {
            sample.stop(timer(request, "IO_ERROR", "UNKNOWN"));
            throw e;
        }
    }

    @Override
    public CompletableFuture<ScaleResponse> executeAsync(ScaleRequest request) {
        Timer.Sample sample = Timer.start(registry);
        return delegate.executeAsync(request).whenComplete((response, error) -> {
            if (response != null) {
                sample.stop(timer(request, Integer.toString(response.status()), outcome(response.status())));
            } else {
                sample.stop(timer(request, "IO_ERROR", "UNKNOWN"));
            }
        });
    }

    @Override
    public void close() {
        delegate.close();
    }

    private Timer timer(ScaleRequest request, String status, String outcome) {
        return Timer.builder(METER)
                .description("HTTP exchanges of the Scale client")
                .tag("method", request.method())
                .tag("uri", template(request.path()))
                .tag("status", status)
                .tag("outcome", outcome)
                .register(registry);
    }

    private static String outcome(int status) {
        if (status < 400) {
            return "SUCCESS";
        }
        return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }

    /**
     * Scale's paths put the id or name second ({@code /task/ID/cancel}, {@code /projects/NAME/setParams}); that
     * segment, and any later one that is not a plain word, becomes {@code {id}}.
     */
    static String template(String path) {
        String[] segments = path.split("/", -1);
        StringBuilder out = new StringBuilder();
        int index = 0;
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            out.append('/');
            boolean word = segment.matches("[A-Za-z_]{1,40}");
            out.append(index == 1 || !word ? "{id}" : segment);
            index++;
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
