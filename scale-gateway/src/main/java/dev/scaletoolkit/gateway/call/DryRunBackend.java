package dev.scaletoolkit.gateway.call;

import dev.scaletoolkit.tools.backend.ScaleBackend;
import dev.scaletoolkit.tools.backend.ScaleBackendException;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A backend for dry runs: reads go to Scale (a tool may look something up first), every write is recorded and
 * refused, so nothing changes. The recording is per thread, around one call ({@link #record}).
 */
final class DryRunBackend implements ScaleBackend {
    private final ScaleBackend real;
    private final ThreadLocal<List<ScaleRequest>> recorded = new ThreadLocal<>();

    DryRunBackend(ScaleBackend real) {
        this.real = real;
    }

    /** Runs {@code call} and returns the writes it would have sent. */
    List<ScaleRequest> record(Runnable call) {
        List<ScaleRequest> writes = new ArrayList<>();
        recorded.set(writes);
        try {
            call.run();
        } finally {
            recorded.remove();
        }
        return writes;
    }

    @Override
    public JsonNode send(ScaleRequest request) {
        if (request.method().equals("GET")) {
            return real.send(request);
        }
        List<ScaleRequest> writes = recorded.get();
        if (writes != null) {
            writes.add(request);
        }
        throw new ScaleBackendException(0, "dry run: not sent", null);
    }

    @Override
    public Download download(String path) {
        return real.download(path);
    }
}
