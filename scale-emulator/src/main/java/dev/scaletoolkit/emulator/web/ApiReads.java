package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.EmulatorServices;
import dev.scaletoolkit.emulator.admin.AdminRoutes;
import dev.scaletoolkit.emulator.api.BatchRoutes;
import dev.scaletoolkit.emulator.api.ProjectRoutes;
import dev.scaletoolkit.emulator.api.QualityRoutes;
import dev.scaletoolkit.emulator.api.TaskRoutes;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.model.jackson.ScaleJson;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads for the dashboard and review screens, answered by the API's own GET routes ({@code /v1} and the control
 * plane), so what a page shows is exactly what a client would get: same filters, paging and errors.
 */
final class ApiReads {
    private final Router v1 = new Router();
    private final Router admin = new Router();

    /** @param journal the request journal's routes, or null when this build records no requests */
    ApiReads(EmulatorContext context, EmulatorServices services, Routes journal) {
        for (Routes routes : List.of(
                new TaskRoutes(services.creation(), services.query(), services.edits(), services.reviews()),
                new BatchRoutes(services.batches()),
                new ProjectRoutes(services.projects()),
                new QualityRoutes(services.quality()))) {
            routes.register(v1);
        }
        new AdminRoutes(
                        services.control(),
                        context.faults(),
                        services.accounts(),
                        services.projects(),
                        services.creation(),
                        services.completion(),
                        services.callbackLog(),
                        services.workforce(),
                        context.supervisor(),
                        context.clock())
                .register(admin);
        if (journal != null) {
            journal.register(admin);
        }
    }

    /** {@code GET /v1{path}} as {@code caller}, with these query parameters. */
    JsonNode v1(HttpServletRequest base, Caller caller, String path, Map<String, List<String>> params) {
        return call(v1, base, caller, path, params);
    }

    /** {@code GET /_emulator{path}} with these query parameters. */
    JsonNode admin(HttpServletRequest base, String path, Map<String, List<String>> params) {
        return call(admin, base, null, path, params);
    }

    private static JsonNode call(
            Router router, HttpServletRequest base, Caller caller, String path, Map<String, List<String>> params) {
        Router.Match match = router.match("GET", path);
        if (match.route() == null) {
            throw new IllegalStateException("no GET route for " + path);
        }
        try {
            Object out = match.route().handler().handle(ApiQuery.of(base, caller, params, match.params()));
            if (out instanceof JsonNode node) {
                return node;
            }
            // Listings and gets answer their stored JSON as bytes, untouched on the way out.
            if (out instanceof dev.scaletoolkit.emulator.http.Reply.Bytes bytes) {
                return ScaleJson.mapper().readTree(bytes.body());
            }
            // A streamed listing (projects) is read whole here: a page shows it all anyway.
            if (out instanceof dev.scaletoolkit.emulator.http.Reply.Stream stream) {
                java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
                stream.writer().writeTo(buffer);
                return ScaleJson.mapper().readTree(buffer.toByteArray());
            }
            return ScaleJson.mapper().valueToTree(out);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
