package dev.scaletoolkit.emulator.auth;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.model.ScaleJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account {@code ./scale up} makes on first start. Its keys are written once to {@code credentials.json} in
 * the data directory (readable by the owner only), so later starts can print them again; the database itself
 * keeps only hashes.
 */
public final class DemoAccount {
    public static final String FILE_NAME = "credentials.json";

    private DemoAccount() {}

    /** Keys of the demo account, read from the data directory or created there. */
    public static Accounts.NewAccount ensure(EmulatorContext context) {
        Path file = context.config().dataDir().resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                JsonNode node = ScaleJson.mapper().readTree(Files.readString(file));
                return new Accounts.NewAccount(
                        node.path("account_id").asString(),
                        node.path("name").asString(),
                        node.path("email").asString(),
                        node.path("live_key").asString(),
                        node.path("test_key").asString(),
                        node.path("callback_auth_key").asString());
            }
            Accounts.NewAccount account = new Accounts(context).create("Demo Labs", "admin@demo.example");
            ObjectNode node = ScaleJson.mapper().createObjectNode();
            node.put("account_id", account.accountId());
            node.put("name", account.name());
            node.put("email", account.email());
            node.put("live_key", account.liveKey());
            node.put("test_key", account.testKey());
            node.put("callback_auth_key", account.callbackAuthKey());
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, ScaleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the file keeps its default permissions
            }
            return account;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file + ": " + e.getMessage(), e);
        }
    }
}
