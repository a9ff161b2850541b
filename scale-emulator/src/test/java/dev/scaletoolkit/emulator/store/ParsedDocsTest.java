package dev.scaletoolkit.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The create path's parse cache keeps what it may and never lets large documents pile up on the heap. */
class ParsedDocsTest {

    private static String doc(String name, int padding) {
        return "{\"name\":\"" + name + "\",\"pad\":\"" + "x".repeat(padding) + "\"}";
    }

    @Test
    void theSameTextIsParsedOnce() {
        ParsedDocs docs = new ParsedDocs(10, 10_000);
        String text = doc("p1", 10);
        assertThat(docs.read(text)).isSameAs(docs.read(new String(text)));
        assertThat(docs.read(text).path("name").asString()).isEqualTo("p1");
    }

    @Test
    void aTextLargerThanTheWholeBudgetIsNeverKept() {
        ParsedDocs docs = new ParsedDocs(10, 1_000);
        String big = doc("big", 5_000);
        assertThat(docs.read(big)).isNotSameAs(docs.read(big));
    }

    @Test
    void passingTheCharacterBudgetStartsOverEvenBelowTheCount() {
        ParsedDocs docs = new ParsedDocs(10, 1_000);
        String first = doc("p1", 600);
        var kept = docs.read(first);
        assertThat(docs.read(first)).isSameAs(kept);
        docs.read(doc("p2", 600)); // 1,200 characters in all: over the budget, so the cache starts over
        assertThat(docs.read(first)).isNotSameAs(kept);
    }

    @Test
    void passingTheCountStartsOver() {
        ParsedDocs docs = new ParsedDocs(2, 1_000_000);
        String first = doc("p1", 1);
        var kept = docs.read(first);
        docs.read(doc("p2", 1));
        docs.read(doc("p3", 1));
        assertThat(docs.read(first)).isNotSameAs(kept);
    }
}
