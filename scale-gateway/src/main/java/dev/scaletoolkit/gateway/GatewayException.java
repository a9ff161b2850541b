package dev.scaletoolkit.gateway;

/**
 * A request the gateway refuses, with a message a person can act on (it names the thing at fault and never holds
 * a key, token or secret). {@link #code} is a stable machine word such as {@code not_found}.
 */
public class GatewayException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public GatewayException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static GatewayException notFound(String what) {
        return new GatewayException("not_found", what);
    }

    public static GatewayException invalid(String what) {
        return new GatewayException("invalid_input", what);
    }

    public static GatewayException conflict(String what) {
        return new GatewayException("conflict", what);
    }
}
