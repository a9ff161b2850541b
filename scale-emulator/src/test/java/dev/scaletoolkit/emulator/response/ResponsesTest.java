package dev.scaletoolkit.emulator.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.model.ScaleTime;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Generated responses are valid for their task's type and params, and repeat for the same task and seed. */
class ResponsesTest {
    private static final long SEED = 42;

    static ObjectNode task(String id, String type, String paramsJson) {
        ObjectNode task = ScaleJson.mapper().createObjectNode();
        task.put("task_id", id);
        task.put("type", type);
        task.set("params", ScaleJson.mapper().readTree(paramsJson));
        return task;
    }

    // ---- image ----

    private static final String IMAGE_PARAMS = """
            {"attachment": "https://example.com/street.jpg",
             "image_metadata": {"width": 640, "height": 480},
             "geometries": {
               "box": {"objects_to_annotate": ["car", {"choice": "person", "subchoices": ["adult", "child"]}],
                       "min_width": 30, "min_height": 20},
               "polygon": {"objects_to_annotate": [{"choice": "road"}], "min_vertices": 5},
               "line": {"objects_to_annotate": ["lane"]},
               "point": {"objects_to_annotate": [{"label": "headlight"}]},
               "cuboid": {"objects_to_annotate": ["truck"]},
               "ellipse": {"objects_to_annotate": ["wheel"]}},
             "annotation_attributes": {"occluded": {"type": "category", "choices": ["yes", "no"]}}}""";

    @Test
    void imageAnnotationDrawsOneShapePerGeometryWithItsLabelsInsideTheImage() {
        JsonNode annotations = Responses.generate(task("t1", "imageannotation", IMAGE_PARAMS), SEED)
                .get("annotations");

        assertThat(annotations.size()).isEqualTo(6);
        Set<String> types = new HashSet<>();
        Set<String> uuids = new HashSet<>();
        for (JsonNode a : annotations) {
            String type = a.get("type").asString();
            types.add(type);
            uuids.add(a.get("uuid").asString());
            Set<String> allowed = switch (type) {
                case "box" -> Set.of("car", "adult", "child");
                case "polygon" -> Set.of("road");
                case "line" -> Set.of("lane");
                case "point" -> Set.of("headlight");
                case "cuboid" -> Set.of("truck");
                default -> Set.of("wheel");
            };
            assertThat(a.get("label").asString()).as("label of %s", type).isIn(allowed);
            assertThat(a.get("attributes").get("occluded").asString()).isIn("yes", "no");
            assertInside(a, 640, 480);
        }
        assertThat(types).containsExactlyInAnyOrder("box", "polygon", "line", "point", "cuboid", "ellipse");
        assertThat(uuids).hasSize(6);

        JsonNode box = byType(annotations, "box");
        assertThat(box.get("width").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(box.get("height").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(byType(annotations, "polygon").get("vertices").size()).isGreaterThanOrEqualTo(5);
        assertThat(byType(annotations, "line").get("vertices").size()).isGreaterThanOrEqualTo(2);
        assertThat(byType(annotations, "ellipse").get("vertices").size()).isEqualTo(4);
        assertThat(byType(annotations, "cuboid").get("vertices").size()).isEqualTo(6);
    }

    @Test
    void imageWithoutMetadataStaysInsideFullHd() {
        for (int i = 0; i < 20; i++) {
            JsonNode annotations = Responses.generate(
                            task("big" + i, "imageannotation", "{\"geometries\": {\"box\": {}, \"polygon\": {}}}"),
                            SEED)
                    .get("annotations");
            for (JsonNode a : annotations) {
                assertInside(a, 1920, 1080);
                assertThat(a.get("label").asString()).isNotEmpty();
            }
        }
    }

    @Test
    void sameTaskAndSeedGiveTheSameResponseOtherwiseNot() {
        ObjectNode t = task("5f1e3d0000000000000000aa", "imageannotation", IMAGE_PARAMS);
        assertThat(Responses.generate(t, SEED)).isEqualTo(Responses.generate(t.deepCopy(), SEED));
        assertThat(Responses.generate(t, SEED)).isNotEqualTo(Responses.generate(t, SEED + 1));
        ObjectNode other = task("5f1e3d0000000000000000ab", "imageannotation", IMAGE_PARAMS);
        assertThat(Responses.generate(t, SEED)).isNotEqualTo(Responses.generate(other, SEED));
    }

    @Test
    void legacyPolygonTypeDrawsPolygonsFromTopLevelObjects() {
        JsonNode annotations = Responses.generate(
                        task("p1", "polygonannotation", "{\"objects_to_annotate\": [\"lake\", \"field\"]}"), SEED)
                .get("annotations");
        assertThat(annotations.size()).isEqualTo(1);
        assertThat(annotations.get(0).get("type").asString()).isEqualTo("polygon");
        assertThat(annotations.get(0).get("label").asString()).isIn("lake", "field");
    }

    // ---- video ----

    @Test
    void videoAnnotationHasOneEntryPerFrameWithStableTracks() {
        ObjectNode t = task("v1", "videoannotation", """
                {"attachments": ["f0.jpg", "f1.jpg", "f2.jpg", "f3.jpg", "f4.jpg"], "attachment_type": "image",
                 "image_metadata": {"width": 320, "height": 240},
                 "geometries": {"box": {"objects_to_annotate": ["car"]}, "point": {"objects_to_annotate": ["sign"]}},
                 "events_to_annotate": ["lane change"]}""");
        ObjectNode response = Responses.generate(t, SEED);
        JsonNode frames = response.get("annotations");
        assertThat(frames.size()).isEqualTo(5);
        Set<String> trackIds = null;
        for (int i = 0; i < frames.size(); i++) {
            JsonNode frame = frames.get(i);
            assertThat(frame.get("frame_index").asInt()).isEqualTo(i);
            Set<String> ids = new HashSet<>();
            for (JsonNode a : frame.get("annotations")) {
                ids.add(a.get("uuid").asString());
                assertInside(a, 320, 240);
                assertThat(a.get("label").asString()).isIn("car", "sign");
            }
            assertThat(ids).hasSize(2);
            if (trackIds != null) {
                assertThat(ids).isEqualTo(trackIds);
            }
            trackIds = ids;
        }
        JsonNode event = response.get("events").get(0);
        assertThat(event.get("label").asString()).isEqualTo("lane change");
        assertThat(event.get("start").asInt()).isBetween(0, event.get("end").asInt());
        assertThat(event.get("end").asInt()).isLessThan(5);
    }

    @Test
    void videoPlaybackFrameCountFollowsDurationAndFrameRate() {
        ObjectNode t = task("vp1", "videoplaybackannotation", """
                {"attachment": "https://example.com/clip.mp4", "frame_rate": 2, "duration_time": 4,
                 "geometries": {"box": {"objects_to_annotate": ["ball"]}}}""");
        JsonNode frames = Responses.generate(t, SEED).get("annotations");
        assertThat(frames.size()).isEqualTo(8);
        assertThat(frames.get(3).get("timestamp").asDouble()).isEqualTo(1.5);
    }

    // ---- lidar and segmentation ----

    @Test
    void lidarAnnotationTracksACuboidPerLabelAcrossFrames() {
        ObjectNode t = task("l1", "lidarannotation", """
                {"attachments": ["a.json", "b.json", "c.json"], "attachment_type": "json",
                 "labels": ["car", {"choice": "pedestrian"}], "max_distance_meters": 30}""");
        JsonNode frames = Responses.generate(t, SEED).get("annotations");
        assertThat(frames.size()).isEqualTo(3);
        for (JsonNode frame : frames) {
            List<String> labels = new ArrayList<>();
            for (JsonNode c : frame.get("cuboids")) {
                labels.add(c.get("label").asString());
                assertThat(c.get("type").asString()).isEqualTo("cuboid");
                assertThat(Math.abs(c.get("position").get("x").asDouble())).isLessThanOrEqualTo(32.0);
                assertThat(c.get("dimensions").get("z").asDouble()).isPositive();
            }
            assertThat(labels).containsExactlyInAnyOrder("car", "pedestrian");
        }
        assertThat(frames.get(0).get("cuboids").get(0).get("uuid"))
                .isEqualTo(frames.get(2).get("cuboids").get(0).get("uuid"));
    }

    @Test
    void lidarSegmentationLabelsEveryPointWithAKnownObject() {
        ObjectNode t = task("ls1", "lidarsegmentation", """
                {"attachments": ["a.json", "b.json"], "labels": ["ground", "vegetation", "vehicle"]}""");
        ObjectNode response = Responses.generate(t, SEED);
        JsonNode objects = response.get("annotations").get("objects");
        assertThat(objects.size()).isEqualTo(3);
        assertThat(objects.get(0).get("index").asInt()).isEqualTo(1);
        JsonNode perFrame = response.get("annotations").get("point_objects");
        assertThat(perFrame.size()).isEqualTo(2);
        for (JsonNode points : perFrame) {
            for (JsonNode index : points) {
                assertThat(index.asInt()).isBetween(0, 3);
            }
        }
        JsonNode counts =
                response.get("point_segmentations").get("frames").get(0).get("label_counts");
        int total = 0;
        for (var e : counts.properties()) {
            total += e.getValue().asInt();
        }
        assertThat(total).isEqualTo(perFrame.get(0).size());
    }

    @Test
    void segmentationMapsEveryLabelAndMasksCoverTheImage() {
        ObjectNode t = task("s1", "segmentannotation", """
                {"attachment": "https://example.com/x.png", "image_metadata": {"width": 200, "height": 100},
                 "labels": ["background", {"choice": "vehicle", "subchoices": ["car", "bus"]}, "road"],
                 "allow_unlabeled": true}""");
        ObjectNode response = Responses.generate(t, SEED);
        JsonNode mapping = response.get("labelMapping");
        assertThat(mapping.propertyNames()).containsExactlyInAnyOrder("background", "car", "bus", "road");
        Set<Integer> indexes = new HashSet<>();
        for (var e : mapping.properties()) {
            indexes.add(e.getValue().get("index").asInt());
            assertThat(e.getValue().get("color").asString()).matches("#[0-9a-f]{6}");
        }
        assertThat(indexes).containsExactlyInAnyOrder(1, 2, 3, 4);
        JsonNode annotations = response.get("annotations");
        assertThat(annotations.get("labeled").propertyNames())
                .containsExactlyInAnyOrder("background", "car", "bus", "road");
        JsonNode indexed = annotations.get("combined").get("indexedImage");
        assertThat(sum(indexed.get("counts"))).isEqualTo(200 * 100);
        for (JsonNode v : indexed.get("values")) {
            assertThat(v.asInt()).isBetween(0, 4);
        }
        assertThat(sum(annotations.get("unlabeled").get("counts"))).isEqualTo(200 * 100);
        assertThat(sum(annotations.get("labeled").get("road").get("counts"))).isEqualTo(200 * 100);
    }

    // ---- text ----

    @Test
    void entitySpansPointAtRealWordsOfTheText() {
        String text = "Ada Lovelace met Charles Babbage in London in 1833, and wrote notes on the Analytical Engine.";
        for (int i = 0; i < 25; i++) {
            ObjectNode t = task("ner" + i, "namedentityrecognition", """
                    {"text": %s, "labels": [{"name": "PERSON", "description": "a person"}, {"name": "PLACE"}],
                     "relationships": [{"name": "met"}]}""".formatted(
                            ScaleJson.mapper().writeValueAsString(text)));
            ObjectNode response = Responses.generate(t, SEED);
            JsonNode spans = response.get("annotations");
            assertThat(spans.size()).isBetween(1, 4);
            int previousEnd = -1;
            for (JsonNode span : spans) {
                int start = span.get("start").asInt();
                int end = span.get("end").asInt();
                assertThat(start).isGreaterThan(previousEnd - 1).isLessThan(end);
                assertThat(span.get("text").asString()).isEqualTo(text.substring(start, end));
                assertThat(start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                        .isTrue();
                assertThat(end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))
                        .isTrue();
                assertThat(span.get("label").asString()).isIn("PERSON", "PLACE");
                previousEnd = end;
            }
            for (JsonNode link : response.get("relationships")) {
                assertThat(link.get("name").asString()).isEqualTo("met");
                assertThat(link.get("source_ref").asString())
                        .isEqualTo(spans.get(0).get("id").asString());
            }
        }
    }

    @Test
    void entityRecognitionOnEmptyTextFindsNothing() {
        ObjectNode response = Responses.generate(task("ner-empty", "namedentityrecognition", "{\"text\": \"\"}"), SEED);
        assertThat(response.get("annotations").isEmpty()).isTrue();
    }

    @Test
    void textCollectionFillsEveryFieldWithAValueOfItsType() {
        ObjectNode t = task("tc1", "textcollection", """
                {"attachments": [{"type": "website", "content": "https://example.com"}],
                 "fields": [
                   {"type": "text", "field_id": "summary", "title": "Summary", "max_characters": 20},
                   {"type": "number", "field_id": "employees", "title": "Employees", "min": 10, "max": 20},
                   {"type": "category", "field_id": "kind", "title": "Kind",
                    "choices": [{"label": "Correct Website", "value": "correct_website"}, {"label": "Other", "value": "other"}]},
                   {"type": "category", "field_id": "tags", "title": "Tags", "choices": ["a", "b", "c"], "allow_multiple": true},
                   {"type": "datetime", "field_id": "founded", "title": "Founded"},
                   {"type": "date", "field_id": "day", "title": "Day"},
                   {"type": "text", "field_id": "aliases", "title": "Aliases", "min_responses_required": 2, "max_responses_required": 3},
                   {"type": "field_set", "field_id": "contact", "title": "Contact",
                    "fields": [{"type": "text", "field_id": "name", "title": "Name"},
                               {"type": "number", "field_id": "age", "title": "Age", "min": 18, "max": 99}]}]}""");
        ObjectNode r = Responses.generate(t, SEED);
        assertThat(r.propertyNames())
                .containsExactlyInAnyOrder(
                        "summary", "employees", "kind", "tags", "founded", "day", "aliases", "contact");
        assertThat(r.get("summary").asString().length()).isBetween(1, 20);
        assertThat(r.get("employees").asInt()).isBetween(10, 20);
        assertThat(r.get("kind").asString()).isIn("correct_website", "other");
        assertThat(r.get("tags").isArray()).isTrue();
        r.get("tags").forEach(tag -> assertThat(tag.asString()).isIn("a", "b", "c"));
        assertThat(ScaleTime.parse(r.get("founded").asString())).isPresent();
        assertThat(LocalDate.parse(r.get("day").asString())).isNotNull();
        assertThat(r.get("aliases").size()).isBetween(2, 3);
        assertThat(r.get("contact").get("name").isString()).isTrue();
        assertThat(r.get("contact").get("age").asInt()).isBetween(18, 99);
    }

    @Test
    void responsesRequiredCarriesEveryLabelersAnswer() {
        ObjectNode t = task("tc2", "textcollection", """
                {"responses_required": 3,
                 "fields": [{"type": "category", "field_id": "verdict", "title": "Verdict", "choices": ["ok", "bad"]}]}""");
        ObjectNode r = Responses.generate(t, SEED);
        JsonNode all = r.get("labeler_responses");
        assertThat(all.size()).isEqualTo(3);
        for (JsonNode answer : all) {
            assertThat(answer.get("verdict").asString()).isIn("ok", "bad");
        }
        assertThat(all.get(0).get("verdict")).isEqualTo(r.get("verdict"));
    }

    @Test
    void documentTranscriptionTranscribesEveryFeatureOnEveryPage() {
        ObjectNode t = task("dt1", "documenttranscription", """
                {"attachments": ["p1.pdf", "p2.pdf"], "geometry": "polygon",
                 "features": [{"type": "block", "label": "address"}, {"type": "block", "label": "total"}]}""");
        ObjectNode r = Responses.generate(t, SEED);
        JsonNode annotations = r.get("annotations");
        assertThat(annotations.size()).isEqualTo(4);
        for (JsonNode a : annotations) {
            assertThat(a.get("label").asString()).isIn("address", "total");
            assertThat(a.get("page").asInt()).isBetween(0, 1);
            assertThat(a.get("text").asString()).isNotBlank();
            assertThat(a.get("location").get("type").asString()).isEqualTo("polygon");
            assertInside(a.get("location"), 1700, 2200);
        }
        assertThat(r.get("pages").size()).isEqualTo(2);
        assertThat(r.get("document_pages").get(1).get("width").asInt()).isEqualTo(1700);
    }

    @Test
    void categorizationPicksFromTheCategories() {
        ObjectNode single = Responses.generate(
                task("c1", "categorization", "{\"categories\": [\"red\", \"blue\"], \"attachment\": \"tomato\"}"),
                SEED);
        assertThat(single.get("category").asString()).isIn("red", "blue");

        ObjectNode multiple = Responses.generate(
                task(
                        "c2",
                        "categorization",
                        "{\"categories\": [\"a\", \"b\", \"c\", \"d\"], \"allow_multiple\": true}"),
                SEED);
        List<String> picked = new ArrayList<>();
        multiple.get("category").forEach(c -> picked.add(c.asString()));
        assertThat(picked).isNotEmpty().doesNotHaveDuplicates();
        assertThat(picked).allMatch(c -> List.of("a", "b", "c", "d").contains(c));
    }

    @Test
    void comparisonPicksOneOfTheChoices() {
        ObjectNode r = Responses.generate(
                task(
                        "cmp1",
                        "comparison",
                        "{\"attachments\": [\"x\", \"y\"], \"choices\": [\"left\", \"right\", \"same\"]}"),
                SEED);
        assertThat(r.get("choice").asString()).isIn("left", "right", "same");
    }

    @Test
    void unknownTypeGetsAGenericResult() {
        ObjectNode r = Responses.generate(task("u1", "chatexperimental", "{}"), SEED);
        assertThat(r.get("result").asString()).isNotBlank();
    }

    // ---- helpers ----

    private static JsonNode byType(JsonNode annotations, String type) {
        for (JsonNode a : annotations) {
            if (a.get("type").asString().equals(type)) {
                return a;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static void assertInside(JsonNode shape, int width, int height) {
        int[] box = Shapes.bounds(shape);
        assertThat(box[0]).as("min x of %s", shape).isGreaterThanOrEqualTo(0);
        assertThat(box[1]).as("min y of %s", shape).isGreaterThanOrEqualTo(0);
        assertThat(box[2]).as("max x of %s", shape).isLessThanOrEqualTo(width);
        assertThat(box[3]).as("max y of %s", shape).isLessThanOrEqualTo(height);
    }

    private static long sum(JsonNode counts) {
        long total = 0;
        for (JsonNode c : counts) {
            total += c.asLong();
        }
        return total;
    }
}
