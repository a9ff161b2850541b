package dev.scaletoolkit.gateway.connection;

import dev.scaletoolkit.infra.crypto.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A small file beside the gateway's SQLite database ({@code connections.marker}) whose content, a random token,
 * changes whenever the named connections or the default connection change, and only then: a program that remembers
 * what it read about them (the CLI's default-connection cache) keeps the token it saw and reads the database again
 * only when the token differs. The rest of the gateway (the trigger poller's cursors, audit, budgets) writes the
 * same database many times a minute without touching it.
 *
 * <p>A change deletes the marker before it writes and makes a new token after it committed, and a reader takes
 * the token <em>before</em> it reads the database, so any interleaving leaves a reader with either a token that
 * no longer matches or a value at least as new as the change. A change that crashes half-way leaves no marker, and
 * a reader that finds none makes one before reading. A gateway on PostgreSQL has no marker ({@link #NONE}): another
 * machine may change it.
 */
public final class ConnectionsMarker {
    /** The marker's file name in the gateway's home. */
    public static final String FILE_NAME = "connections.marker";

    /** No marker: nothing is written, and nothing can be remembered. */
    public static final ConnectionsMarker NONE = new ConnectionsMarker(null);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    private ConnectionsMarker(Path file) {
        this.file = file;
    }

    /** The marker of the SQLite gateway in {@code home}. */
    public static ConnectionsMarker in(Path home) {
        return new ConnectionsMarker(home.resolve(FILE_NAME));
    }

    /** Called before a change to the connections or the default: until {@link #changed} no token vouches. */
    public void changing() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // cannot delete: overwrite it, which also makes any remembered token stale
            write();
        }
    }

    /** Called after a change committed: a new token, so whatever was remembered before is read again. */
    public void changed() {
        if (file != null) {
            write();
        }
    }

    /**
     * The current token, making one when there is none (before the caller reads the database, see above); empty
     * when there is no marker file or it cannot be read or written, which never matches anything remembered.
     */
    public Optional<String> token() {
        if (file == null) {
            return Optional.empty();
        }
        Optional<String> current = read();
        if (current.isPresent()) {
            return current;
        }
        write();
        return read();
    }

    private Optional<String> read() {
        try {
            String s = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return s.length() == 32 ? Optional.of(s) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A fresh token, written whole under a temporary name and moved in, so a reader never sees half of it. */
    private void write() {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        Path tmp = file.resolveSibling(FILE_NAME + "." + HexFormat.of().formatHex(token, 0, 4) + ".tmp");
        try {
            OwnerOnlyFiles.createNew(tmp, HexFormat.of().formatHex(token).getBytes(StandardCharsets.US_ASCII));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            try {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(file); // no marker rather than a stale one
            } catch (IOException ignored) {
                // nothing more to do: a reader that cannot read the marker reads the database
            }
        }
    }
}
