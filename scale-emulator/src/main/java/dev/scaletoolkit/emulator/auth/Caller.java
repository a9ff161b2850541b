package dev.scaletoolkit.emulator.auth;

/** Who is calling: an account and the world (live or test) its key belongs to. */
public record Caller(String accountId, boolean testMode) {
    /** The {@code test_mode} column value for this caller's world. */
    public int mode() {
        return testMode ? 1 : 0;
    }
}
