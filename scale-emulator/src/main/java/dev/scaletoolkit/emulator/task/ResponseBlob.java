package dev.scaletoolkit.emulator.task;

/**
 * A large task result kept apart from the task and served behind a secure response URL.
 *
 * @param contentType the media type it was stored with
 * @param body its bytes
 */
public record ResponseBlob(String contentType, byte[] body) {}
