package dev.scaletoolkit.emulator.web;

/** A refusal shown to the person as a page with this status and message (never a stack trace). */
final class WebError extends RuntimeException {
    private final int status;

    WebError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static WebError forbidden(String message) {
        return new WebError(403, message);
    }

    static WebError notFound(String message) {
        return new WebError(404, message);
    }

    static WebError badRequest(String message) {
        return new WebError(400, message);
    }
}
