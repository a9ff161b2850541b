package dev.scaletoolkit.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.model.ScaleJson;
import org.junit.jupiter.api.Test;

/** {@link ToolRegistry#loadOnly}: the one-tool registry a CLI command uses is the same tool as in the full one. */
class ToolRegistryLoadOnlyTest {
    private final ToolRegistryTest.NoCalls backend = new ToolRegistryTest.NoCalls();

    @Test
    void everyToolLoadedAloneIsTheToolOfTheFullCatalog() {
        ToolRegistry full = ToolRegistry.load(backend);
        for (ToolSpec spec : full.list(Profile.FULL)) {
            ToolRegistry one = ToolRegistry.loadOnly(backend, spec.slug());
            assertThat(one.list(Profile.FULL)).containsExactly(spec);
        }
    }

    @Test
    void aloneItValidatesArgumentsAsTheFullCatalogDoes() {
        ToolRegistry one = ToolRegistry.loadOnly(backend, "SCALE_AI_GET_TASK");
        ToolResult result = one.call("SCALE_AI_GET_TASK", ScaleJson.mapper().createObjectNode(), null);
        assertThat(result.successful()).isFalse();
        assertThat(result.error().code()).isEqualTo(ToolError.Code.INVALID_INPUT);
        assertThat(backend.sent).isEmpty();
    }

    @Test
    void anUnknownSlugIsRefusedAtLoad() {
        assertThatThrownBy(() -> ToolRegistry.loadOnly(backend, "SCALE_AI_NO_SUCH_TOOL"))
                .isInstanceOf(ToolRegistryException.class)
                .hasMessageContaining("SCALE_AI_NO_SUCH_TOOL");
        assertThatThrownBy(() -> ToolRegistry.loadOnly(backend, "../scale/tools/SCALE_AI_GET_TASK"))
                .isInstanceOf(ToolRegistryException.class);
    }
}
