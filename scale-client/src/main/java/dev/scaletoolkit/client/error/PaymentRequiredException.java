package dev.scaletoolkit.client.error;

import java.util.List;
import java.util.Map;

/** 402 Not enabled: the account may not create this task type; Scale's sales team enables it. */
public class PaymentRequiredException extends ScaleApiException {
    private static final long serialVersionUID = 1L;

    public PaymentRequiredException(int status, String errorMessage, Map<String, List<String>> headers, String body) {
        super(status, errorMessage, headers, body);
    }
}
