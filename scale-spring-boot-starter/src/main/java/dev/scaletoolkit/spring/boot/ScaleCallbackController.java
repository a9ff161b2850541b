package dev.scaletoolkit.spring.boot;

import dev.scaletoolkit.client.callback.CallbackEvent;
import dev.scaletoolkit.client.callback.CallbackHandler;
import dev.scaletoolkit.client.callback.CallbackVerifier;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scale's task and batch callbacks as a Spring MVC endpoint ({@code POST ${scale.callback.path}}). The
 * {@code scale-callback-auth} header is checked in constant time (401 otherwise). Each callback goes to every
 * {@link CallbackHandler} bean and is published as an application event, so {@code @EventListener void
 * on(CallbackEvent.TaskEvent e)} works too. A handler that throws gives a 500, and Scale sends the callback again.
 */
@RestController
public class ScaleCallbackController {
    private static final Logger LOG = LoggerFactory.getLogger(ScaleCallbackController.class);

    private final CallbackVerifier verifier;
    private final List<CallbackHandler> handlers;
    private final ApplicationEventPublisher events;

    /**
     * An endpoint checking one key.
     *
     * @param verifier checks the header and parses the body
     * @param handlers the application's handlers
     * @param events where each callback is published
     */
    public ScaleCallbackController(
            CallbackVerifier verifier, List<CallbackHandler> handlers, ApplicationEventPublisher events) {
        this.verifier = verifier;
        this.handlers = List.copyOf(handlers);
        this.events = events;
    }

    /**
     * Receives one callback.
     *
     * @param auth the {@code scale-callback-auth} header
     * @param body the callback's JSON
     * @return 200 when handled, 401 on a wrong key, 400 on a body that is not a callback, 500 when a handler failed
     */
    @PostMapping(path = "${scale.callback.path:/scale/callbacks}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> receive(
            @RequestHeader(name = CallbackVerifier.HEADER, required = false) String auth,
            @RequestBody(required = false) byte[] body) {
        if (!verifier.isAuthentic(auth)) {
            return ResponseEntity.status(401)
                    .body("{\"error\":\"the scale-callback-auth header is missing or wrong\"}");
        }
        CallbackEvent event;
        try {
            event = verifier.verify(auth, body == null ? new byte[0] : body);
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().body("{\"error\":\"the body is neither a task nor a batch callback\"}");
        }
        try {
            for (CallbackHandler handler : handlers) {
                handler.handle(event);
            }
            events.publishEvent(event);
        } catch (RuntimeException e) {
            LOG.warn(
                    "A Scale callback handler failed on {} ({}); Scale will send it again",
                    event.subject(),
                    e.toString());
            return ResponseEntity.status(500).body("{\"error\":\"the callback handler failed\"}");
        }
        return ResponseEntity.ok("{\"ok\":true}");
    }
}
