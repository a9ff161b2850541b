package dev.scaletoolkit.emulator;

/** Limits Scale documents, enforced the same way here. */
public final class EmulatorLimits {
    /** Largest file accepted by upload and import: 80 MB. */
    public static final long MAX_FILE_BYTES = 80L * 1024 * 1024;

    /** Largest request body of any kind: a file upload and its form fields. */
    public static final long MAX_REQUEST_BYTES = MAX_FILE_BYTES + 1024 * 1024;

    /** Largest task metadata, as serialised JSON: 10 KB. */
    public static final int MAX_METADATA_BYTES = 10 * 1024;

    /** Most tags a task may carry. */
    public static final int MAX_TAGS = 5;

    private EmulatorLimits() {}
}
