package dev.scaletoolkit.gateway.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Tells whether a gateway database already has every migration on the classpath, so that opening it can skip
 * Flyway. Flyway's start (its plugins, a scan of the whole classpath, validation) is most of what opening the
 * gateway costs, and short CLI commands open it only to read a connection. When anything is unclear (a new
 * database, a failed or newer migration, a classpath we cannot list), the answer is "not current" and Flyway runs
 * as before. scale-triggers adds its own migrations to the same location, so the latest version is read from the
 * classpath, not kept as a constant.
 */
final class SchemaCheck {
    private static final String PREFIX = "db/gateway";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/]*\\.sql");

    private SchemaCheck() {}

    /** True when the latest successful migration recorded in {@code dataSource} is the latest on the classpath. */
    static boolean current(DataSource dataSource) {
        Optional<List<Integer>> available = latestOnClasspath();
        if (available.isEmpty()) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, success FROM " + GatewayDatabase.HISTORY_TABLE
                        + " WHERE version IS NOT NULL ORDER BY installed_rank DESC")) {
            List<Integer> applied = null;
            while (rs.next()) {
                if (!rs.getBoolean("success")) {
                    return false; // a failed migration: Flyway reports it
                }
                List<Integer> v = parse(rs.getString("version"));
                if (applied == null || compare(v, applied) > 0) {
                    applied = v;
                }
            }
            return applied != null && compare(applied, available.get()) == 0;
        } catch (SQLException noHistoryYet) {
            return false;
        }
    }

    /** The highest {@code V<version>__*.sql} under {@code db/gateway} of every classpath entry, if it can be listed. */
    static Optional<List<Integer>> latestOnClasspath() {
        try {
            List<String> names = new ArrayList<>();
            Enumeration<URL> roots = SchemaCheck.class.getClassLoader().getResources(PREFIX);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("file")) {
                    try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of(root.toURI()))) {
                        dir.forEach(p -> names.add(p.getFileName().toString()));
                    }
                } else if (root.openConnection() instanceof JarURLConnection jar) {
                    // the class loader's own open jar, cached: not ours to close
                    jar.setUseCaches(true);
                    JarFile file = jar.getJarFile();
                    file.stream()
                            .map(e -> e.getName())
                            .filter(n -> n.startsWith(PREFIX + "/") && n.indexOf('/', PREFIX.length() + 1) < 0)
                            .forEach(n -> names.add(n.substring(PREFIX.length() + 1)));
                } else {
                    return Optional.empty();
                }
            }
            List<Integer> latest = null;
            for (String name : names) {
                if (name.startsWith("R__")) {
                    return Optional.empty(); // repeatable migrations are re-run on change: Flyway decides
                }
                Matcher m = VERSIONED.matcher(name);
                if (m.matches()) {
                    List<Integer> v = parse(m.group(1));
                    if (latest == null || compare(v, latest) > 0) {
                        latest = v;
                    }
                }
            }
            return Optional.ofNullable(latest);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Flyway's version text ({@code 21}, {@code 1.2}, {@code 1_2}) as numbers. */
    static List<Integer> parse(String version) {
        List<Integer> parts = new ArrayList<>();
        for (String p : version.split("[._]")) {
            parts.add(Integer.parseInt(p));
        }
        return parts;
    }

    /** Compares versions part by part; a missing part counts as 0, as in Flyway (1 = 1.0). */
    static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
