package dev.scaletoolkit.model.studio;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.util.List;
import java.util.Map;

/**
 * A group of labelers within a Studio project.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record ProjectGroup(
        @WireName("id") String id,
        @WireName("name") String name,
        @WireName("numWorkers") Integer numWorkers,
        @WireName("isSingleton") Boolean isSingleton,
        @WireName("workers") List<GroupWorker> workers,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param id the {@code id} key
     * @param name the {@code name} key
     * @param numWorkers the {@code numWorkers} key
     * @param isSingleton the {@code isSingleton} key
     * @param workers the {@code workers} key
     * @param extra the keys this version does not model
     */
    public ProjectGroup {
        workers = Extras.copyOrNull(workers);
        extra = Extras.copy(extra);
    }

    /**
     * {@code workers}, or an empty list when Scale omitted it.
     *
     * @return {@code workers}, or an empty list when Scale omitted it
     */
    public List<GroupWorker> workersOrEmpty() {
        return workers == null ? List.of() : workers;
    }
}
