package dev.scaletoolkit.emulator.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * File bytes on disk, addressed by their SHA-256: {@code <root>/<sha[0:2]>/<sha>}. Identical content is stored once,
 * however many files (or accounts) refer to it.
 *
 * <p>Bytes are written to a temporary file under {@code <root>/tmp} (same file system, so the final rename is
 * atomic), flushed to disk, then renamed into place. A caller commits its database row only after {@link #put}
 * returns, so a row never points at bytes that are not durable; a crash in between leaves at most an unreferenced
 * blob, which is harmless.
 */
public final class BlobStore {
    private final Path root;

    public BlobStore(Path root) {
        this.root = root;
    }

    /** The store under an emulator's data directory. */
    public static BlobStore under(Path dataDir) {
        return new BlobStore(dataDir.resolve("files"));
    }

    /** Where a stored blob lives. */
    public record Blob(String sha256, long size, Path path) {}

    /** Thrown when the content runs past the caller's limit; nothing is kept. */
    public static final class TooLargeException extends IOException {
        private final long limit;

        TooLargeException(long limit) {
            super("content exceeds " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /**
     * Copies {@code in} into the store, stopping with {@link TooLargeException} as soon as more than {@code maxBytes}
     * arrive. Returns the blob; if the same content was stored before, the existing copy is reused.
     */
    public Blob put(InputStream in, long maxBytes) throws IOException {
        Path tmpDir = Files.createDirectories(root.resolve("tmp"));
        Path tmp = Files.createTempFile(tmpDir, "incoming-", ".part");
        try {
            MessageDigest sha = sha256();
            long size;
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha)) {
                size = copyLimited(in, out, maxBytes);
                out.flush();
                channel.force(true);
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            Path target = path(hex);
            Files.createDirectories(target.getParent());
            if (Files.exists(target) && Files.size(target) == size) {
                Files.delete(tmp);
            } else {
                moveAtomically(tmp, target);
                syncDirectory(target.getParent());
            }
            return new Blob(hex, size, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The path of the blob with this digest (it may not exist). */
    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** The blob with this digest if its bytes are present. */
    public Optional<Path> find(String sha256) {
        Path p = path(sha256);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private static long copyLimited(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            out.write(buf, 0, n);
        }
        return total;
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            // Replacing is safe: a concurrent writer of the same digest wrote the same bytes.
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; some platforms cannot open a directory, which is then skipped. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not supported here (for example on Windows); the file itself is already flushed
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("SHA-256 is not available", e));
        }
    }
}
