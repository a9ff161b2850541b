package dev.scaletoolkit.gateway.audit;

import dev.scaletoolkit.infra.crypto.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail's head (newest sequence number and its hash) kept in an owner-only file beside the database, so
 * that someone who can edit the database alone cannot remove the newest entries unnoticed: the copy of the head in
 * {@code gw_settings} can be rewritten along with the rows, this one cannot.
 *
 * <p>The file is written after the entry's transaction commits, so it is never ahead of the database; it may be behind
 * (a crash between the two, or another node appending to a shared PostgreSQL database). It is therefore read as a
 * lower bound: "the trail holds entry N with this hash", which stays true as entries are added.
 */
final class AuditHeadFile {
    /** The file's name in the gateway home. */
    static final String NAME = "audit-head";

    private static final Logger LOG = LoggerFactory.getLogger(AuditHeadFile.class);
    private static final Pattern LINE = Pattern.compile("(\\d{1,18}):([0-9a-f]{64})");

    /** One recorded head. */
    record Head(long seq, String hash) {
        String line() {
            return seq + ":" + hash;
        }
    }

    /** What reading the file found: nothing yet, a head, or content that is not a head. */
    record Reading(Optional<Head> head, boolean missing, boolean unreadable) {}

    private final Path file;

    AuditHeadFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    Reading read() {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            Matcher m = LINE.matcher(text);
            if (!m.matches()) {
                return new Reading(Optional.empty(), false, true);
            }
            return new Reading(Optional.of(new Head(Long.parseLong(m.group(1)), m.group(2))), false, false);
        } catch (NoSuchFileException e) {
            return new Reading(Optional.empty(), true, false);
        } catch (IOException | RuntimeException e) {
            return new Reading(Optional.empty(), false, true);
        }
    }

    /**
     * Records {@code head} unless the file already holds a later one (two processes appending at once may finish out
     * of order; the later head must win). A failed write is logged, not thrown: the entry is committed already and
     * the caller's tool call must not fail for it; the file then lags, which verify still reads correctly.
     */
    synchronized void advanceTo(Head head) {
        Reading now = read();
        if (now.head().isPresent() && now.head().get().seq() >= head.seq()) {
            return;
        }
        try {
            OwnerOnlyFiles.replace(file, (head.line() + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.warn("Could not record the audit head in {}: {}", file, e.toString());
        }
    }
}
