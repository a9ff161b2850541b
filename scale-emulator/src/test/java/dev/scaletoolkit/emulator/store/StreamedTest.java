package dev.scaletoolkit.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.scaletoolkit.emulator.LogCapture;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Capped listings hand over rows up to their cap, in order, and say in the log when the cap left rows out. */
class StreamedTest {

    private static List<String> list(Handle h, int max) {
        List<String> out = new ArrayList<>();
        int n = Streamed.forEach(
                h, h.createQuery("SELECT name FROM things ORDER BY name"), q -> q.mapTo(String.class), max, out::add);
        assertThat(n).isEqualTo(out.size());
        return out;
    }

    @Test
    void aCapBelowTheRowsHandsOverTheFirstRowsAndWarnsOnce() {
        try (Handle h = Jdbi.create("jdbc:sqlite::memory:").open();
                LogCapture logs = new LogCapture()) {
            h.execute("CREATE TABLE things (name TEXT)");
            for (String name : List.of("a", "b", "c", "d")) {
                h.execute("INSERT INTO things (name) VALUES (?)", name);
            }

            assertThat(list(h, 2)).containsExactly("a", "b");
            assertThat(logs.events())
                    .filteredOn(e -> e.getLevel() == Level.WARN)
                    .singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage())
                            .contains("cap of 2 rows")
                            .contains("FROM things"));
        }
    }

    @Test
    void aCapTheRowsFitInHandsOverEveryRowWithoutAWarning() {
        try (Handle h = Jdbi.create("jdbc:sqlite::memory:").open();
                LogCapture logs = new LogCapture()) {
            h.execute("CREATE TABLE things (name TEXT)");
            for (String name : List.of("a", "b")) {
                h.execute("INSERT INTO things (name) VALUES (?)", name);
            }

            assertThat(list(h, 2)).containsExactly("a", "b");
            assertThat(list(h, Integer.MAX_VALUE)).containsExactly("a", "b");
            assertThat(logs.events()).noneMatch(e -> e.getLevel() == Level.WARN);
        }
    }
}
