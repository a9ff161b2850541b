package dev.scaletoolkit.triggers;

import java.util.List;
import java.util.Optional;

/** The gateway's connections, as the triggers see them. The gateway owns the store; this only reads it. */
public interface ConnectionLookup {
    Optional<ConnectionSecrets> find(String name);

    /** The names of every connection, for starting one poller each. */
    List<String> names();
}
