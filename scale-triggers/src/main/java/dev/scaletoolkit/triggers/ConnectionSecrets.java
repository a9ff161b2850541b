package dev.scaletoolkit.triggers;

/**
 * What the triggers need of a gateway connection: where its Scale API is, its key (to poll and to read tasks) and
 * the {@code scale-callback-auth} value Scale sends with its callbacks (null when none is configured, in which case
 * every callback is refused). {@link #toString} leaves the secrets out.
 */
public record ConnectionSecrets(String name, String baseUrl, String apiKey, String callbackSecret) {
    @Override
    public String toString() {
        return "ConnectionSecrets[name=" + name + ", baseUrl=" + baseUrl + "]";
    }
}
