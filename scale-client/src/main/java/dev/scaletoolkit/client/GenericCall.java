package dev.scaletoolkit.client;

import dev.scaletoolkit.client.http.RequestBody;
import dev.scaletoolkit.client.http.ScaleResponse;
import dev.scaletoolkit.client.internal.ApiCaller;
import java.util.Collection;

/**
 * A call to any route below the base URL, for routes this SDK has no typed method for (the agent tools use it).
 * It gets everything a typed call gets: Basic auth with the client's key, the User-Agent, the retry rules, the
 * error table (a non-200 answer throws a {@link dev.scaletoolkit.client.error.ScaleApiException} subclass) and
 * logging. Start one with {@link ScaleClient#call(String, String)}.
 *
 * <pre>{@code
 * ScaleResponse r = scale.call("GET", "/tasks").query("project", "kittens").executeRaw();
 * }</pre>
 */
public final class GenericCall {
    private final ApiCaller.Call call;

    GenericCall(ApiCaller.Call call) {
        this.call = call;
    }

    /**
     * Adds a query parameter; a null value is left out.
     *
     * @param name the parameter name
     * @param value its value, written with {@code toString()}
     * @return this call
     */
    public GenericCall query(String name, Object value) {
        call.query(name, value);
        return this;
    }

    /**
     * Adds the parameter once per value (Scale reads repeated keys as a list).
     *
     * @param name the parameter name
     * @param values the values; null adds nothing
     * @return this call
     */
    public GenericCall queryAll(String name, Collection<?> values) {
        call.queryAll(name, values);
        return this;
    }

    /**
     * Sends a JSON body.
     *
     * @param json the body as JSON text
     * @return this call
     */
    public GenericCall jsonText(String json) {
        call.body(RequestBody.json(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return this;
    }

    /**
     * Sends {@code body} written as JSON (maps, lists, strings, numbers, records and JSON trees).
     *
     * @param body the body
     * @return this call
     */
    public GenericCall json(Object body) {
        call.json(body);
        return this;
    }

    /**
     * Sends a body of any content type (a multipart upload, for example).
     *
     * @param body the body
     * @return this call
     */
    public GenericCall body(RequestBody body) {
        call.body(body);
        return this;
    }

    /**
     * Marks a POST whose repetition has no further effect, so that it is retried like a GET.
     *
     * @return this call
     */
    public GenericCall idempotent() {
        call.idempotent();
        return this;
    }

    /**
     * Marks a task create with its {@code unique_id}: safe to retry, and recovered after a false 5xx.
     *
     * @param uniqueId the task's unique_id
     * @return this call
     */
    public GenericCall createUniqueId(String uniqueId) {
        call.createUniqueId(uniqueId);
        return this;
    }

    /**
     * Lets a 3xx answer through to {@link #executeRaw()} instead of throwing.
     *
     * @return this call
     */
    public GenericCall allowRedirect() {
        call.allowRedirect();
        return this;
    }

    /**
     * Sends the call and returns the answer as it came.
     *
     * @return status, headers and body of a 200 (or of a 3xx after {@link #allowRedirect()})
     * @throws dev.scaletoolkit.client.error.ScaleApiException for any other status
     * @throws dev.scaletoolkit.client.error.ScaleIoException when Scale could not be reached
     */
    public ScaleResponse executeRaw() {
        return call.executeRaw();
    }

    /**
     * GETs bytes behind the route: a 200 comes back as it is, a redirect (to storage) is followed once without
     * the API key, which never leaves for another host.
     *
     * @return the final 200 answer, with its headers ({@code Content-Type}) and body
     * @throws dev.scaletoolkit.client.error.ScaleApiException for any other status, from Scale or from storage
     */
    public ScaleResponse executeDownload() {
        return call.download();
    }

    /**
     * Sends the call and returns the body as text.
     *
     * @return the body of the 200 answer
     */
    public String executeText() {
        return call.executeText();
    }
}
