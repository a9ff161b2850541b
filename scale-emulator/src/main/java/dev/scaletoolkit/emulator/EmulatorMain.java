package dev.scaletoolkit.emulator;

import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.auth.DemoAccount;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an emulator as a process: {@code --port N}, {@code --host H}, {@code --data DIR},
 * {@code --allow-host HOST} (repeatable), {@code --no-workforce}, {@code --workforce-delay-ms N}, {@code --callback-retry-ms N}. It prints the demo keys
 * and then {@code Listening on port: N} on standard output, the line scripts wait for. The CLI's {@code up}
 * command offers the same with more help.
 */
public final class EmulatorMain {
    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        EmulatorConfig.Builder builder = EmulatorConfig.builder();
        java.util.List<String> allowHosts = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> builder.port(Integer.parseInt(args[++i]));
                case "--host" -> builder.host(args[++i]);
                case "--allow-host" -> allowHosts.add(args[++i]);
                case "--data" -> builder.dataDir(Path.of(args[++i]));
                case "--no-workforce" -> builder.workforceEnabled(false);
                case "--workforce-delay-ms" ->
                    builder.workforceDelay(java.time.Duration.ofMillis(Long.parseLong(args[++i])));
                case "--callback-retry-ms" ->
                    builder.callbackRetryDelays(
                            java.util.Collections.nCopies(20, java.time.Duration.ofMillis(Long.parseLong(args[++i]))));
                default -> {
                    System.err.println("Unknown option: " + arg);
                    System.exit(2);
                }
            }
        }
        if (!allowHosts.isEmpty()) {
            builder.allowHosts(allowHosts);
        }
        ScaleEmulator emulator = ScaleEmulator.start(builder.build());
        Accounts.NewAccount demo = DemoAccount.ensure(emulator.context());
        System.out.println("Base URL: " + emulator.baseUrl() + "/v1");
        System.out.println("Live API key: " + demo.liveKey());
        System.out.println("Test API key: " + demo.testKey());
        System.out.println("Browser UI: " + emulator.baseUrl() + "/");
        emulator.webUi()
                .firstSignInLink(demo.accountId(), demo.email())
                .ifPresent(link -> System.out.println("Set the password of " + demo.email() + ": " + link));
        System.out.println("Listening on port: " + emulator.port());
        System.out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stop.countDown();
        }));
        stop.await();
    }
}
