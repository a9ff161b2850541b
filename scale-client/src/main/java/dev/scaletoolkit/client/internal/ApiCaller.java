package dev.scaletoolkit.client.internal;

import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.error.ErrorTable;
import dev.scaletoolkit.client.error.ScaleDecodeException;
import dev.scaletoolkit.client.http.RequestBody;
import dev.scaletoolkit.client.http.ScaleRequest;
import dev.scaletoolkit.client.http.ScaleResponse;
import dev.scaletoolkit.client.http.Transport;
import dev.scaletoolkit.model.json.RecordCodec;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * Internal, not a supported API (use {@link dev.scaletoolkit.client.ScaleClient#call} for routes without a typed
 * method). What every service uses to call Scale: builds the request (Basic auth with the key as user name and an empty
 * password, User-Agent, JSON body), sends it through the retrying transport, turns a non-200 answer into an
 * exception through {@link ErrorTable}, and decodes a 200 body.
 */
public final class ApiCaller implements AutoCloseable {
    private final ClientOptions options;
    private final Transport transport;

    /**
     * A caller over the configured transport (the JDK one by default), wrapped in the retry layer.
     *
     * @param options the client's options
     */
    public ApiCaller(ClientOptions options) {
        this.options = options;
        Transport inner = options.transport() != null
                ? options.transport()
                : new JdkTransport(
                        options.connectTimeout(), options.readTimeout(), options.clock(), options.executor());
        this.transport = new RetryingTransport(
                inner, options.retryPolicy(), options.sleeper(), options.clock(), options.executor());
    }

    /**
     * The client's options.
     *
     * @return the options this caller was made with
     */
    public ClientOptions options() {
        return options;
    }

    /**
     * Starts a call.
     *
     * @param method the HTTP method
     * @param path below the base URL and already encoded (see {@link #segment})
     * @return the call
     */
    public Call call(String method, String path) {
        return new Call(method, path);
    }

    /**
     * Percent-encodes one path segment (a project, batch or group name).
     *
     * @param name the raw name
     * @return the encoded segment
     * @throws IllegalArgumentException when the name is null or empty
     */
    public static String segment(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a name in the path must not be empty");
        }
        return ScaleRequest.encode(name);
    }

    /**
     * GETs bytes behind an authenticated path. A redirect (to storage) is followed once, without the
     * Authorization header, so the API key never leaves for another host.
     *
     * @param path below the base URL, already encoded
     * @param requestOptions the call's options
     * @return the bytes
     */
    public byte[] download(String path, RequestOptions requestOptions) {
        return call("GET", path).options(requestOptions).download().body();
    }

    @Override
    public void close() {
        transport.close();
    }

    /** One call being built. */
    public final class Call {
        private final ScaleRequest.Builder request;
        private final String method;
        private RequestOptions requestOptions = RequestOptions.none();
        private boolean allowRedirect;
        private java.util.function.Consumer<ScaleResponse> observer;

        private Call(String method, String path) {
            this.method = method;
            this.request = ScaleRequest.builder(method, options.baseUrl(), path)
                    // GET, DELETE and PUT (Scale's PUTs add-if-absent or set) are idempotent; POST is not by default.
                    .idempotent(!method.equalsIgnoreCase("POST"));
        }

        /**
         * Adds a query parameter.
         *
         * @param name the parameter name
         * @param value written with {@code toString()}; null adds nothing
         * @return this call
         */
        public Call query(String name, Object value) {
            if (value != null) {
                request.query(name, value.toString());
            }
            return this;
        }

        /**
         * Adds the name once per value (Scale reads repeated keys as a list).
         *
         * @param name the parameter name
         * @param values the values; null adds nothing
         * @return this call
         */
        public Call queryAll(String name, Collection<?> values) {
            if (values != null) {
                values.forEach(v -> query(name, v));
            }
            return this;
        }

        /**
         * Sends {@code body} written as JSON.
         *
         * @param body maps, lists, records, JSON values…
         * @return this call
         * @throws IllegalArgumentException when it cannot be written as JSON
         */
        public Call json(Object body) {
            try {
                request.body(RequestBody.json(RecordCodec.toJson(body).getBytes(StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the request body cannot be written as JSON: " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * Sends a body of any type.
         *
         * @param body the body
         * @return this call
         */
        public Call body(RequestBody body) {
            request.body(body);
            return this;
        }

        /**
         * Marks a POST whose repetition has no further effect (set metadata, finalize, cancel…), so it is retried.
         *
         * @return this call
         */
        public Call idempotent() {
            request.idempotent(true);
            return this;
        }

        /**
         * Marks a task create with its {@code unique_id}: safe to retry, and recoverable after a false 5xx.
         *
         * @param uniqueId the id
         * @return this call
         */
        public Call createUniqueId(String uniqueId) {
            request.createUniqueId(uniqueId);
            return this;
        }

        /**
         * Sets the call's options (already merged with the service's).
         *
         * @param requestOptions the options; null for none
         * @return this call
         */
        public Call options(RequestOptions requestOptions) {
            this.requestOptions = requestOptions == null ? RequestOptions.none() : requestOptions;
            return this;
        }

        /**
         * Hands the final response (after retries) to an observer, for raw-response views.
         *
         * @param observer the observer, or null
         * @return this call
         */
        public Call observe(java.util.function.Consumer<ScaleResponse> observer) {
            this.observer = observer;
            return this;
        }

        /**
         * Sends the call and decodes the 200 body.
         *
         * @param <T> the answer's type
         * @param type its class
         * @return the decoded answer
         */
        public <T> T execute(Class<T> type) {
            return decode(send(), type);
        }

        /**
         * Sends the call and decodes the 200 body into a generic type, e.g. {@code RecordCodec.listOf(Project.class)}.
         *
         * @param <T> the answer's type
         * @param type the generic type
         * @return the decoded answer
         */
        public <T> T execute(Type type) {
            return decode(send(), type);
        }

        /**
         * Sends the call and returns the body as text, for endpoints whose 200 body is not JSON (the audit endpoint answers {@code OK}).
         *
         * @return the body
         */
        public String executeText() {
            return send().bodyText();
        }

        /**
         * Lets a 3xx through to {@link #executeRaw()} instead of throwing.
         *
         * @return this call
         */
        public Call allowRedirect() {
            this.allowRedirect = true;
            return this;
        }

        /**
         * Sends the call and returns the answer as it came.
         *
         * @return the 200 answer (or a 3xx after {@link #allowRedirect()})
         */
        public ScaleResponse executeRaw() {
            return send();
        }

        /**
         * GETs bytes: a 200 is returned as it came; a redirect (to storage) is followed once, without the
         * Authorization header, so the API key never leaves for another host.
         *
         * @return the final 200 answer
         */
        public ScaleResponse download() {
            allowRedirect();
            ScaleResponse first = send();
            if (first.status() == 200) {
                return first;
            }
            String location = first.header("location")
                    .orElseThrow(() -> ErrorTable.fromResponse(
                            first.status(),
                            first.headers(),
                            "redirect without a Location header".getBytes(StandardCharsets.UTF_8),
                            null));
            String target = java.net
                    .URI
                    .create(options.baseUrl() + "/")
                    .resolve(location)
                    .toString();
            ScaleResponse second = transport.execute(ScaleRequest.builder("GET", target, "")
                    .header("User-Agent", options.userAgent())
                    .idempotent(true)
                    .build());
            if (second.status() != 200) {
                throw ErrorTable.fromResponse(second.status(), second.headers(), second.body(), options.apiKey());
            }
            return second;
        }

        /**
         * Sends without blocking (the JDK HttpClient's {@code sendAsync}) and decodes the 200 body.
         *
         * @param <T> the answer's type
         * @param type the type of the answer
         * @return the decoded answer, or a future failed with the same exceptions {@link #execute} throws
         */
        public <T> CompletableFuture<T> executeAsync(Class<T> type) {
            ScaleRequest built = prepare();
            String key = keyOf();
            return transport.executeAsync(built).thenApply(response -> {
                checked(response, key);
                return decode(response, type);
            });
        }

        private String keyOf() {
            return requestOptions.apiKey() != null ? requestOptions.apiKey() : options.apiKey();
        }

        private ScaleRequest prepare() {
            String key = keyOf();
            Instant deadline = requestOptions.effectiveDeadline(options.clock().instant());
            request.header("Authorization", basic(key))
                    .header("User-Agent", options.userAgent())
                    .header("Accept", "application/json")
                    .deadline(deadline)
                    .maxRetries(requestOptions.maxRetries());
            if (requestOptions.idempotencyKey() != null && method.equalsIgnoreCase("POST")) {
                request.header("Idempotency-Key", requestOptions.idempotencyKey());
            }
            return request.build();
        }

        private void checked(ScaleResponse response, String key) {
            if (observer != null) {
                observer.accept(response);
            }
            boolean redirect = allowRedirect && response.status() >= 300 && response.status() < 400;
            if (response.status() != 200 && !redirect) {
                throw ErrorTable.fromResponse(response.status(), response.headers(), response.body(), key);
            }
        }

        private ScaleResponse send() {
            ScaleRequest built = prepare();
            ScaleResponse response = transport.execute(built);
            checked(response, keyOf());
            return response;
        }

        private <T> T decode(ScaleResponse response, Type type) {
            try {
                return RecordCodec.read(response.bodyText(), type);
            } catch (IllegalArgumentException e) {
                String text = response.bodyText();
                String snippet = text.length() > 200 ? text.substring(0, 200) + "…" : text;
                throw new ScaleDecodeException(
                        "cannot read the answer of " + method + " as " + type.getTypeName() + ": " + e.getMessage()
                                + "; body starts with: " + snippet,
                        e);
            }
        }
    }

    static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }
}
