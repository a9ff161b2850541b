package dev.scaletoolkit.emulator;

/** Limits Scale documents, enforced the same way here. */
public final class EmulatorLimits {
    /** Largest file accepted by upload and import: 80 MB. */
    public static final long MAX_FILE_BYTES = 80L * 1024 * 1024;

    /** Largest request body of any kind: a file upload and its form fields. */
    public static final long MAX_REQUEST_BYTES = MAX_FILE_BYTES + 1024 * 1024;

    /** Largest task metadata, as serialised JSON: 10 KB. */
    public static final int MAX_METADATA_BYTES = 10 * 1024;

    /**
     * Largest stored project, as serialised JSON: 2 MB. Every {@code setParams} appends a version to the project's
     * {@code param_history}, so without a bound one project could grow without end.
     */
    public static final int MAX_PROJECT_BYTES = 2 * 1024 * 1024;

    /** Most projects {@code GET /v1/projects} answers (streamed newest first; Scale returns them all). */
    public static final int MAX_PROJECTS_LISTED = 10_000;

    /**
     * Most members {@code GET /v1/teams} (and the team answer of invite and set_role) lists, streamed in team order.
     * Scale answers the whole team with no paging; this only bounds a runaway table.
     */
    public static final int MAX_TEAM_LISTED = 10_000;

    /**
     * Most pending batches {@code GET /v1/studio/batches} (and set/reset priorities) lists, streamed in priority
     * order. Scale answers them all with no paging; {@code set_priorities} must name every one, so real accounts
     * stay far below this.
     */
    public static final int MAX_STUDIO_BATCHES_LISTED = 10_000;

    /**
     * Most members {@code GET /v1/studio/assignments} maps, each with at most {@link #MAX_PROJECTS_LISTED} projects,
     * streamed member by member.
     */
    public static final int MAX_ASSIGNMENT_MEMBERS_LISTED = 10_000;

    /**
     * Most task JSON one page of {@code GET /v1/tasks} holds: 8 Mi characters (bytes, for ASCII text). A page ends early, with
     * {@code has_more} and a {@code next_token} that starts after its last task, once the next task would pass this;
     * a page always holds at least one task. Together with {@code limit} (at most 100) it bounds what one listing
     * request keeps in memory.
     */
    public static final int MAX_TASK_PAGE_BYTES = 8 * 1024 * 1024;

    /** Most tags a task may carry. */
    public static final int MAX_TAGS = 5;

    private EmulatorLimits() {}
}
