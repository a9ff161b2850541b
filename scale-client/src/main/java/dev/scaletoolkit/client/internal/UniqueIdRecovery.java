package dev.scaletoolkit.client.internal;

import dev.scaletoolkit.client.error.ScaleIoException;
import dev.scaletoolkit.client.http.ScaleRequest;
import dev.scaletoolkit.client.http.ScaleResponse;
import dev.scaletoolkit.client.http.Transport;
import dev.scaletoolkit.model.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recovers the task a create did make although its answer was lost: Scale may answer 5xx (or the connection may
 * drop) after committing the task, and the retried create then meets 409 on its own {@code unique_id}. This looks
 * the task up with {@code GET /tasks?unique_id=…} and answers as if the create had succeeded. If the lookup fails
 * or finds nothing, the caller keeps the 409.
 */
public final class UniqueIdRecovery {
    private final Transport transport;

    /**
     * A recovery that looks tasks up through a transport.
     *
     * @param transport the plain transport (no retries of its own)
     */
    public UniqueIdRecovery(Transport transport) {
        this.transport = transport;
    }

    /**
     * Looks up the task the failed create made.
     *
     * @param failedCreate the create that met a 409 on its own unique_id
     * @return the task as a 200 response, or empty when it cannot be found
     */
    public Optional<ScaleResponse> recover(ScaleRequest failedCreate) {
        String uniqueId = failedCreate.createUniqueId();
        if (uniqueId == null) {
            return Optional.empty();
        }
        ScaleRequest.Builder get = ScaleRequest.builder("GET", failedCreate.baseUrl(), "/tasks")
                .query("unique_id", uniqueId)
                .deadline(failedCreate.deadline())
                .maxRetries(0)
                .idempotent(true);
        failedCreate.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("content-type") && !k.equalsIgnoreCase("idempotency-key")) {
                get.header(k, v);
            }
        });
        try {
            ScaleResponse response = transport.execute(get.build());
            if (response.status() != 200) {
                return Optional.empty();
            }
            JsonValue docs = JsonValue.parse(response.bodyText()).path("docs");
            for (JsonValue task : docs.elements()) {
                if (uniqueId.equals(task.path("unique_id").stringValue())) {
                    byte[] body = task.toJson().getBytes(StandardCharsets.UTF_8);
                    return Optional.of(new ScaleResponse(200, response.headers(), body));
                }
            }
            return Optional.empty();
        } catch (ScaleIoException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
