package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Moves the large parts of a response (segmentation masks, video and lidar annotations) into
 * {@code response_blobs} and puts their secure URLs, {@code <base>/v1/task/{id}/response_url/{uuid}}, in their
 * place, as Scale does for results that do not fit in the task JSON. Each blob is stored as JSON
 * ({@code application/json}); the task routes serve it back to the owning account.
 *
 * <p>Where things go: segmentation masks become URL strings in place (Scale's {@code annotations.labeled.road:
 * "https://…"} form); video and lidar parts become {@code {"url": "…"}} objects. Parts that are already strings or
 * {@code {"url": …}} (a response supplied through the control plane, say) are left alone.
 */
public final class ResponseBlobs {
    private static final Set<String> VIDEO_AND_LIDAR = Set.of(
            "videoannotation",
            "videoplaybackannotation",
            "videoboxannotation",
            "videocuboidannotation",
            "federal2dvideoannotation",
            "lidarannotation",
            "lidartopdown",
            "lidarlinking",
            "sensorfusion");

    private ResponseBlobs() {}

    /** Returns the response to store on the task; called inside the completing transaction. */
    public static JsonNode externalize(
            Handle h, EmulatorContext context, String accountId, boolean testMode, ObjectNode task, JsonNode response) {
        if (response == null || !response.isObject()) {
            return response;
        }
        String type = task.path("type").isString() ? task.get("type").stringValue() : "";
        String taskId = task.path("task_id").asString("");
        ObjectNode out = (ObjectNode) response.deepCopy();
        Store store = new Store(h, context, accountId, testMode, taskId);
        if (type.equals("segmentannotation")) {
            JsonNode annotations = out.get("annotations");
            if (annotations != null && annotations.isObject()) {
                ObjectNode a = (ObjectNode) annotations;
                if (isInline(a.get("unlabeled"))) {
                    a.set("unlabeled", StringNode.valueOf(store.put(a.get("unlabeled"))));
                }
                replaceMembers(a.get("labeled"), store);
                replaceMembers(a.get("combined"), store);
            }
        } else if (type.equals("lidarsegmentation")) {
            wrap(out, "annotations", store);
            wrap(out, "point_segmentations", store);
        } else if (VIDEO_AND_LIDAR.contains(type)) {
            wrap(out, "annotations", store);
        }
        return out;
    }

    /** The secure URL of a stored blob. */
    public static String url(EmulatorContext context, String taskId, String blobId) {
        return context.baseUrl().get() + "/v1/task/" + taskId + "/response_url/" + blobId;
    }

    private static void replaceMembers(JsonNode parent, Store store) {
        if (parent == null || !parent.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) parent;
        List<String> names = new ArrayList<>(object.propertyNames());
        for (String name : names) {
            if (isInline(object.get(name))) {
                object.set(name, StringNode.valueOf(store.put(object.get(name))));
            }
        }
    }

    private static void wrap(ObjectNode response, String field, Store store) {
        if (isInline(response.get(field))) {
            ObjectNode ref = Docs.object();
            ref.put("url", store.put(response.get(field)));
            response.set(field, ref);
        }
    }

    /** Data still in the response, as opposed to absent, null, a URL string or a {@code {"url": …}} reference. */
    private static boolean isInline(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isArray()) {
            return true;
        }
        return node.isObject() && !(node.size() == 1 && node.has("url"));
    }

    /** Writes blobs for one task inside the caller's transaction. */
    private record Store(Handle h, EmulatorContext context, String accountId, boolean testMode, String taskId) {
        String put(JsonNode body) {
            String id = context.ids().uuid();
            ResponseBlobStore.insert(h, new Caller(accountId, testMode), id, taskId, Docs.write(body), context.now());
            return url(context, taskId, id);
        }
    }
}
