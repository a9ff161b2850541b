package dev.scaletoolkit.emulator.http;

import dev.scaletoolkit.emulator.error.ApiError;

/**
 * One route's logic. It returns the response body: a Jackson node or any value the shared mapper can write,
 * or a {@link Reply} for the few routes that answer with text, bytes or a redirect. It throws {@link ApiError}
 * for anything the caller did wrong.
 */
@FunctionalInterface
public interface Handler {
    Object handle(ApiRequest request) throws Exception;
}
