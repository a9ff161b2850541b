package dev.scaletoolkit.emulator.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The task-type data file: every type clients name is known, and its rules read as intended. */
class TaskTypesTest {
    private final TaskTypes types = TaskTypes.standard();

    @Test
    void knowsTheSdkEnumTheConnectorTypesAndTheLegacyOnes() {
        List<String> names = List.of(
                "imageannotation",
                "videoannotation",
                "videoplaybackannotation",
                "lidarannotation",
                "lidarsegmentation",
                "segmentannotation",
                "namedentityrecognition",
                "textcollection",
                "documenttranscription",
                "categorization",
                "comparison",
                "audiotranscription",
                "pointannotation",
                "annotation",
                "cuboidannotation",
                "datacollection",
                "documentmodel",
                "laneannotation",
                "lidarlinking",
                "lidartopdown",
                "lineannotation",
                "polygonannotation",
                "transcription",
                "videoboxannotation",
                "videocuboidannotation",
                "sensorfusion",
                "chat",
                "chatexperimental",
                "chatlite",
                "multichat",
                "multistage",
                "federal2dvideoannotation");
        assertThat(names).allSatisfy(n -> assertThat(types.canonical(n)).contains(n));
        assertThat(types.canonical("categorize")).contains("categorization");
        assertThat(types.canonical("ImageAnnotation")).contains("imageannotation");
        assertThat(types.canonical("holograms")).isEmpty();
    }

    @Test
    void formValuesBecomeTheKindTheFieldWants() {
        ObjectNode params = Docs.object()
                .put("attachment", "https://example.com/a.png")
                .put("allow_multiple", "true")
                .put("padding", "12");
        params.putArray("categories").add("x");
        types.validate("categorization", params, true);
        assertThat(params.get("allow_multiple").isBoolean()).isTrue();
        types.validate("imageannotation", withGeometries(params), true);
        assertThat(params.get("padding").isIntegralNumber()).isTrue();
    }

    @Test
    void instructionRequirementIsMetByTheFlag() {
        ObjectNode params = Docs.object().put("attachment", "https://example.com/a.png");
        params.putArray("categories").add("x");
        assertThatThrownBy(() -> types.validate("categorization", params, false))
                .isInstanceOf(ApiError.class)
                .hasMessageContaining("\"instruction\" is required");
        types.validate("categorization", params, true);
    }

    private static ObjectNode withGeometries(ObjectNode params) {
        params.putObject("geometries").putObject("box");
        return params;
    }
}
