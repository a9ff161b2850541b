package dev.scaletoolkit.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version and the User-Agent it sends: {@code scale-toolkit-java/<version> Java/<version>}. */
public final class SdkVersion {
    /** This SDK's version, from the build ({@code dev} when run from sources). */
    public static final String VERSION = load();

    private SdkVersion() {}

    /**
     * The User-Agent every request carries, before any suffix from {@code ClientOptions}.
     *
     * @return {@code scale-toolkit-java/<version> Java/<version>}
     */
    public static String userAgent() {
        return "scale-toolkit-java/" + VERSION + " Java/" + System.getProperty("java.version", "unknown");
    }

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
