package dev.scaletoolkit.emulator;

/**
 * Costs of an emulator's first start in a JVM taken off the start's critical path (issue 22). Each is a class's
 * one-time initialisation that the start needs a little later; a thread of its own runs them while the main thread
 * opens the database, and the main thread then finds them done (or waits for the same initialisation: the JVM runs
 * a class's initialiser once, whoever asks first).
 *
 * <ul>
 *   <li>Jetty's {@code MimeTypes} lists every locale the JDK knows (parsing each tag), needed by the server's
 *       constructor.
 *   <li>The task types' rules, read with the first Jackson mapper of the process (building a mapper is most of it),
 *       needed by the services.
 *   <li>Jetty's {@code MemoryUtils} asks the platform MBean server whether oops are compressed, only to choose how
 *       far {@code BlockingArrayQueue} pads its fields, and starting JMX for that cost more than the rest of the
 *       thread pool. Sixteen references a cache line is right for compressed oops and merely pads more without
 *       them, so that is set (unless the user set it) and JMX is not started for it.
 *   <li>Jdbi registers its statement event with the JDK Flight Recorder when its first statement runs, which loads
 *       and parses the recorder's metadata and generates an event handler (0.1 to 0.3 s of CPU); the database
 *       opens a little later on the main thread, and the gateway's on its own.
 * </ul>
 */
final class StartWarmUp {
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private StartWarmUp() {}

    static void start() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
        Thread warm = new Thread(StartWarmUp::run, "scale-emulator-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    private static void run() {
        try {
            // by name: an internal class of Jdbi's that may move; if it does, its first statement pays as before
            Class.forName("org.jdbi.v3.core.statement.internal.JfrSupport", true, StartWarmUp.class.getClassLoader());
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            // nothing to warm
        }
        try {
            Class.forName(org.eclipse.jetty.http.MimeTypes.class.getName(), true, StartWarmUp.class.getClassLoader());
            dev.scaletoolkit.emulator.task.TaskTypes.standard();
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            // the start meets the same classes on its own thread and reports any real problem there
        }
    }
}
