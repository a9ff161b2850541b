package dev.scaletoolkit.infra.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Tells whether a database already holds every migration on the classpath, unchanged, so start-up can skip
 * Flyway (loading and running it is most of a start on a current database). The test is strict: the same
 * versions, each applied successfully, with the checksums Flyway itself would compute (a baseline row, written
 * where a module shares a database, is not a migration and is passed over). Anything else, or any doubt, answers
 * false and Flyway runs as usual (and reports edited or failed migrations as it always has).
 */
public final class SchemaCheck {
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__.+\\.sql");

    private SchemaCheck() {}

    /** True when {@code dataSource} holds exactly {@code schema}'s migrations, each applied and unchanged. */
    public static boolean isCurrent(DataSource dataSource, Schema schema) {
        Map<String, Integer> wanted = classpathMigrations(schema.location());
        if (wanted.isEmpty()) {
            return false;
        }
        Map<String, Integer> applied = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT version, checksum, success, type FROM " + schema.historyTable())) {
            while (rs.next()) {
                String version = rs.getString(1);
                if (!rs.getBoolean(3)) {
                    return false;
                }
                if (version != null && !"BASELINE".equals(rs.getString(4))) {
                    applied.put(version, rs.getInt(2));
                }
            }
        } catch (SQLException noHistoryYet) {
            return false;
        }
        return applied.equals(wanted);
    }

    /** Version to Flyway checksum of every versioned SQL migration under {@code location}; empty if unreadable. */
    public static Map<String, Integer> classpathMigrations(String location) {
        Map<String, Integer> found = new HashMap<>();
        try {
            Enumeration<URL> roots = SchemaCheck.class.getClassLoader().getResources(location);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("jar")) {
                    readJar(root, location, found);
                } else if (root.getProtocol().equals("file")) {
                    readDirectory(Path.of(root.toURI()), found);
                } else {
                    return Map.of();
                }
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return Map.of();
        }
        return found;
    }

    private static void readJar(URL root, String location, Map<String, Integer> found) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(location + "/") && name.indexOf('/', location.length() + 1) < 0) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        add(name.substring(location.length() + 1), in, found);
                    }
                }
            }
        }
    }

    private static void readDirectory(Path dir, Map<String, Integer> found) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    add(file.getFileName().toString(), in, found);
                }
            }
        }
    }

    private static void add(String fileName, InputStream in, Map<String, Integer> found) throws IOException {
        Matcher m = VERSIONED.matcher(fileName);
        if (m.matches()) {
            found.put(m.group(1).replace('_', '.'), checksum(in));
        } else if (!fileName.isEmpty()) {
            // a repeatable or unknown kind of migration: leave the judgement to Flyway
            throw new IOException("not a versioned SQL migration: " + fileName);
        }
    }

    /** Flyway's checksum: CRC-32 of the UTF-8 bytes of each line without its line break, BOM dropped. */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        if (line != null && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        for (; line != null; line = reader.readLine()) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }
}
