package dev.scaletoolkit.emulator;

/**
 * Two costs of Jetty's first server in a JVM, taken off the start's critical path (issue 22):
 *
 * <ul>
 *   <li>{@code MemoryUtils} asks the platform MBean server whether oops are compressed, only to choose how far
 *       {@code BlockingArrayQueue} pads its fields; starting JMX for that costs more than the rest of the thread
 *       pool. Sixteen references a cache line is right for compressed oops and merely pads more without them, so
 *       it is set (unless the user set it) and JMX stays unloaded.
 *   <li>{@code MimeTypes}' static initialiser lists every locale the JDK knows (parsing each tag), a tenth of the
 *       start's main thread. It runs on a thread of its own while the database opens; the server's constructor
 *       then finds the class ready (or waits for the same initialisation, never runs it twice).
 * </ul>
 */
final class JettyWarmUp {
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private JettyWarmUp() {}

    static void start() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
        Thread warm = new Thread(JettyWarmUp::initialiseMimeTypes, "scale-emulator-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    private static void initialiseMimeTypes() {
        try {
            Class.forName(org.eclipse.jetty.http.MimeTypes.class.getName(), true, JettyWarmUp.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // the server's constructor meets the same class and reports any real problem itself
        }
    }
}
