package dev.scaletoolkit.emulator.auth;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.infra.secret.SecretShapes;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account {@code ./scale up} makes on first start, once per database: nodes sharing one database all find the
 * same account (the {@code demo_account} table keeps its keys), so they serve one set of keys. Its keys are also
 * written to {@code credentials.json} in the data directory (readable by the owner only) for tools that read them
 * from there; the file follows the database, so after a reset that removed the accounts a restart makes a new demo
 * account and rewrites the file rather than printing dead keys.
 */
public final class DemoAccount {
    public static final String FILE_NAME = "credentials.json";
    private static final int ATTEMPTS = 3;

    private DemoAccount() {}

    /**
     * Keys the operator asks the demo account to have (a container's environment, so a CI job knows them in
     * advance); a null key is made at random. They apply when the account is made: an existing account keeps its own.
     *
     * @param liveKey {@code live_} and 32 lowercase hex digits, or null
     * @param testKey {@code test_} and 32 lowercase hex digits, or null
     */
    public record Keys(String liveKey, String testKey) {
        /** Both keys made at random. */
        public static final Keys RANDOM = new Keys(null, null);

        public Keys {
            if (liveKey != null && !SecretShapes.isApiKey("live_", liveKey)) {
                throw new IllegalArgumentException("the live key must be live_ and 32 lowercase hex digits");
            }
            if (testKey != null && !SecretShapes.isApiKey("test_", testKey)) {
                throw new IllegalArgumentException("the test key must be test_ and 32 lowercase hex digits");
            }
        }

        /** Whether {@code account} has every key asked for here. */
        public boolean matches(Accounts.NewAccount account) {
            return (liveKey == null || liveKey.equals(account.liveKey()))
                    && (testKey == null || testKey.equals(account.testKey()));
        }
    }

    /** Keys of the demo account: read from the database, adopted from an older data directory, or made. */
    public static Accounts.NewAccount ensure(EmulatorContext context) {
        return ensure(context, Keys.RANDOM);
    }

    /** As {@link #ensure(EmulatorContext)}, making a new demo account with the {@code wanted} keys. */
    public static Accounts.NewAccount ensure(EmulatorContext context, Keys wanted) {
        Path file = context.config().dataDir().resolve(FILE_NAME);
        Accounts.NewAccount account = fromDatabase(context).orElseGet(() -> adoptOrCreate(context, file, wanted));
        write(file, account);
        return account;
    }

    private static Optional<Accounts.NewAccount> fromDatabase(EmulatorContext context) {
        return context.db()
                .read(h -> DemoAccountStore.find(h, context.secrets())
                        .flatMap(row -> AccountStore.find(h, row.accountId())
                                .map(a -> new Accounts.NewAccount(
                                        a.id(),
                                        a.name(),
                                        a.email(),
                                        row.liveKey(),
                                        row.testKey(),
                                        AccountStore.callbackAuthKey(h, context.secrets(), a.id())
                                                .orElseThrow()))));
    }

    private static Accounts.NewAccount adoptOrCreate(EmulatorContext context, Path file, Keys wanted) {
        for (int attempt = 1; ; attempt++) {
            try {
                return context.db().write(h -> {
                    // A data directory from before the demo_account table: keep its keys if they still work.
                    Optional<Accounts.NewAccount> legacy = readFile(file)
                            .filter(a -> ApiKeyStore.find(h, ApiKeys.hash(a.liveKey()))
                                    .filter(c -> c.accountId().equals(a.accountId()))
                                    .isPresent())
                            .flatMap(a -> AccountStore.find(h, a.accountId())
                                    .map(found -> new Accounts.NewAccount(
                                            found.id(),
                                            found.name(),
                                            found.email(),
                                            a.liveKey(),
                                            a.testKey(),
                                            AccountStore.callbackAuthKey(h, context.secrets(), found.id())
                                                    .orElseThrow())));
                    Accounts.NewAccount account = legacy.orElseGet(() -> new Accounts(context)
                            .create(
                                    h,
                                    "Demo Labs",
                                    "admin@demo.example",
                                    wanted.liveKey() != null
                                            ? wanted.liveKey()
                                            : "live_" + dev.scaletoolkit.emulator.store.Ids.secret(16),
                                    wanted.testKey() != null
                                            ? wanted.testKey()
                                            : "test_" + dev.scaletoolkit.emulator.store.Ids.secret(16)));
                    DemoAccountStore.insert(
                            h,
                            context.secrets(),
                            new DemoAccountStore.Row(account.accountId(), account.liveKey(), account.testKey()),
                            context.now());
                    return account;
                });
            } catch (RuntimeException e) {
                // Another node made the demo account first: use that one.
                Optional<Accounts.NewAccount> winner = fromDatabase(context);
                if (winner.isPresent()) {
                    return winner.get();
                }
                if (attempt >= ATTEMPTS || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Accounts.NewAccount> readFile(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = ScaleJson.mapper().readTree(Files.readString(file));
            return Optional.of(new Accounts.NewAccount(
                    node.path("account_id").asString(),
                    node.path("name").asString(),
                    node.path("email").asString(),
                    node.path("live_key").asString(),
                    node.path("test_key").asString(),
                    node.path("callback_auth_key").asString()));
        } catch (IOException | RuntimeException e) {
            // An unreadable file is replaced below.
            return Optional.empty();
        }
    }

    private static void write(Path file, Accounts.NewAccount account) {
        if (readFile(file).filter(account::equals).isPresent()) {
            return;
        }
        ObjectNode node = ScaleJson.mapper().createObjectNode();
        node.put("account_id", account.accountId());
        node.put("name", account.name());
        node.put("email", account.email());
        node.put("live_key", account.liveKey());
        node.put("test_key", account.testKey());
        node.put("callback_auth_key", account.callbackAuthKey());
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.deleteIfExists(temp);
            try {
                Files.createFile(
                        temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temp);
            }
            Files.writeString(
                    temp, ScaleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node));
            Files.move(
                    temp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
