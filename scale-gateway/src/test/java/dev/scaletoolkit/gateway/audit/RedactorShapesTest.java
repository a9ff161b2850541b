package dev.scaletoolkit.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.model.jackson.ScaleJson;
import org.junit.jupiter.api.Test;

/** The audit (and the approval prompt built from it) hides real secrets only, never ordinary names. */
class RedactorShapesTest {
    @Test
    void anOrdinaryNameThatStartsLikeAKeyStaysReadableAndARealKeyIsHidden() {
        var args = ScaleJson.mapper().createObjectNode();
        args.put("project", "test_datasets7wd");
        args.put("note", "key live_" + "0123456789abcdef0123456789abcdef here");
        String shown = Redactor.redact(args).toString();
        assertThat(shown).contains("test_datasets7wd").doesNotContain("0123456789abcdef0123456789abcdef");
    }
}
