package dev.scaletoolkit.cli.resident;

import java.io.File;

/**
 * What client and server must share for a resident run to print what the plain path would: the same build (each
 * class-path entry's absolute path, size and modification time, and the Java version) and the same platform
 * defaults that shape output (default charset, locale). Made from system properties and file metadata only, so the
 * thin client pays nothing for it.
 */
final class Identity {
    private static final String[] PLATFORM = {
        "file.encoding",
        "sun.jnu.encoding",
        "user.language",
        "user.country",
        "user.script",
        "user.variant",
        "user.language.format",
        "user.country.format",
        "line.separator"
    };

    private Identity() {}

    /** This process's build: a rebuilt jar (another size or time) no longer matches a running server's. */
    static String build() {
        StringBuilder b = new StringBuilder(System.getProperty("java.version", ""));
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            File f = new File(entry).getAbsoluteFile();
            b.append('\n')
                    .append(f.getPath())
                    .append(' ')
                    .append(f.length())
                    .append(' ')
                    .append(f.lastModified());
        }
        return b.toString();
    }

    /** This process's charset and locale settings. */
    static String platform() {
        StringBuilder b = new StringBuilder();
        for (String key : PLATFORM) {
            b.append(key).append('=').append(System.getProperty(key, "")).append('\n');
        }
        return b.toString();
    }
}
