package dev.scaletoolkit.triggers.webhook;

import dev.scaletoolkit.gateway.GatewayException;
import dev.scaletoolkit.infra.crypto.SecretBox;
import dev.scaletoolkit.infra.net.OutboundPolicy;
import dev.scaletoolkit.triggers.event.EventType;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Webhook subscriptions: add (the signing secret is shown once, then kept sealed under the gateway's master
 * key), list and remove. A new subscription receives the events stored after it was added.
 */
public final class Webhooks {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore store;
    private final SecretBox box;
    private final Clock clock;
    private final java.util.function.LongSupplier lastEventId;
    private final java.util.function.Supplier<OutboundPolicy> policy;

    Webhooks(
            WebhookStore store,
            SecretBox box,
            Clock clock,
            java.util.function.LongSupplier lastEventId,
            java.util.function.Supplier<OutboundPolicy> policy) {
        this.store = store;
        this.box = box;
        this.clock = clock;
        this.lastEventId = lastEventId;
        this.policy = policy;
    }

    /** The outbound policy webhooks pass, as the gateway's settings say now. */
    OutboundPolicy policy() {
        return policy.get();
    }

    /** A subscription just made, with its secret: the only time the secret is returned. */
    public record Created(Webhook webhook, String secret) {
        @Override
        public String toString() {
            return "Created[" + webhook + "]";
        }
    }

    /**
     * Subscribes {@code url} to events of {@code types} (of {@code project} and {@code connection} when not null).
     *
     * @throws GatewayException {@code invalid_input} for a URL the address policy refuses or no event type
     */
    public Created add(String url, Set<EventType> types, String project, String connection) {
        URI uri = checkUrl(policy.get(), url);
        if (types == null || types.isEmpty()) {
            throw GatewayException.invalid("name at least one event type: "
                    + Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.joining(", ")));
        }
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        byte[] idBytes = new byte[8];
        RANDOM.nextBytes(idBytes);
        String id = "wh_" + HexFormat.of().formatHex(idBytes);
        Instant now = clock.instant();
        WebhookStore.Row row = new WebhookStore.Row(
                id,
                uri.toString(),
                types.stream().map(EventType::wireName).sorted().collect(Collectors.joining(",")),
                blankToNull(project),
                blankToNull(connection),
                box.seal(secret, context(id)),
                now.toEpochMilli(),
                lastEventId.getAsLong(),
                0,
                null,
                now.toEpochMilli(),
                null);
        store.insert(row);
        return new Created(info(row), secret);
    }

    public List<Webhook> list() {
        return store.list().stream().map(Webhooks::info).toList();
    }

    public Optional<Webhook> get(String id) {
        return store.find(id).map(Webhooks::info);
    }

    /** How many events this subscription gave up on after retrying for the whole window. */
    public int failures(String id) {
        return store.failureCount(id);
    }

    public void remove(String id) {
        if (!store.delete(id)) {
            throw GatewayException.notFound("no webhook with id '" + id + "'; 'scale webhooks list' shows them");
        }
    }

    String secret(WebhookStore.Row row) {
        return box.open(row.secretSealed(), context(row.id()));
    }

    static Webhook info(WebhookStore.Row r) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String t : r.eventTypes().split(",")) {
            types.add(EventType.parse(t));
        }
        return new Webhook(
                r.id(),
                r.url(),
                types,
                r.project(),
                r.connection(),
                Instant.ofEpochMilli(r.createdAt()),
                r.lastEventId(),
                r.attempts(),
                r.lastError());
    }

    /**
     * Checks a URL against {@code policy} without a lookup (the sender resolves and checks again before each
     * attempt): public addresses, or hosts the operator allowed with {@code --allow-host}.
     */
    static URI checkUrl(OutboundPolicy policy, String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw GatewayException.invalid("the webhook URL is not a valid URL");
        }
        Optional<String> refused = policy.refuseWithoutLookup(uri);
        if (refused.isPresent()) {
            throw GatewayException.invalid("the webhook URL " + refused.get());
        }
        return uri;
    }

    private static String context(String id) {
        return "webhook:" + id + ":secret";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
