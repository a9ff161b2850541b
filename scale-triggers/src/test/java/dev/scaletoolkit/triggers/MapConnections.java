package dev.scaletoolkit.triggers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Connections held in memory, for tests of the triggers alone. */
final class MapConnections implements ConnectionLookup {
    private final Map<String, ConnectionSecrets> byName = new ConcurrentHashMap<>();

    MapConnections put(ConnectionSecrets c) {
        byName.put(c.name(), c);
        return this;
    }

    @Override
    public Optional<ConnectionSecrets> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
