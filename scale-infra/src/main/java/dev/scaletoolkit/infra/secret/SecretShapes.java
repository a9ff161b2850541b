package dev.scaletoolkit.infra.secret;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of the secrets the toolkit issues, in one place for every redactor (the emulator's request journal,
 * the gateway's audit): a prefix plus the exact length and alphabet it is issued with, so that a real secret is
 * found anywhere in a text (inside a JSON value, a query, a sentence) while an ordinary name that merely starts the
 * same way ({@code test_datasets7wd}, {@code live_demo}) is left alone.
 *
 * <table>
 *   <caption>Issued formats</caption>
 *   <tr><th>prefix</th><th>what</th><th>body</th></tr>
 *   <tr><td>{@code live_}, {@code test_}</td><td>emulator API keys</td><td>32 lowercase hex</td></tr>
 *   <tr><td>{@code cbk_}</td><td>callback auth key</td><td>32 lowercase hex</td></tr>
 *   <tr><td>{@code mcp_}</td><td>operator MCP token</td><td>48 lowercase hex</td></tr>
 *   <tr><td>{@code sgt_}</td><td>agent token</td><td>10 + {@code .} + 32 of the gateway's id alphabet</td></tr>
 *   <tr><td>{@code scf_}</td><td>confirmation token</td><td>32 of the gateway's id alphabet</td></tr>
 *   <tr><td>{@code whsec_}</td><td>webhook signing secret</td><td>32 base64url (24 bytes)</td></tr>
 * </table>
 *
 * <p>Also matched: {@code Bearer}/{@code Basic} credentials written out in text. Change a format here when its
 * issuer changes, and the tests beside this class say which strings must and must not match.
 */
public final class SecretShapes {
    /** The gateway's unambiguous id alphabet (no 0, 1, l, o, I, O). */
    private static final String ID = "[a-km-zA-HJ-NP-Z2-9]";

    private static final String NOT_BEFORE = "(?<![A-Za-z0-9])";
    private static final String NOT_AFTER = "(?![A-Za-z0-9_-])";

    private static final Pattern API_KEY = Pattern.compile("(live_|test_)[0-9a-f]{32}");

    /**
     * Whether {@code value} is an API key as the emulator issues it: {@code prefix} ({@code live_} or
     * {@code test_}) and 32 lowercase hex digits, the shape {@link #ISSUED} hides.
     */
    public static boolean isApiKey(String prefix, String value) {
        return value != null
                && value.startsWith(prefix)
                && API_KEY.matcher(value).matches();
    }

    /** Every issued secret; group 1 is its prefix (kept, so a reader still sees which kind was there). */
    public static final Pattern ISSUED = Pattern.compile(NOT_BEFORE
            + "(?:"
            + "(live_|test_|cbk_)[0-9a-f]{32}"
            + "|(mcp_)[0-9a-f]{48}"
            + "|(sgt_)" + ID + "{10}\\." + ID + "{32}"
            + "|(scf_)" + ID + "{32}"
            + "|(whsec_)[A-Za-z0-9_-]{32}"
            + ")" + NOT_AFTER);

    /** An HTTP credential written out: {@code Bearer …} or {@code Basic …}; group 1 is the scheme. */
    public static final Pattern CREDENTIAL = Pattern.compile("\\b(?:(Bearer)\\s+[A-Za-z0-9._~+/=-]{16,}"
            // base64 of user:password always holds a digit, + or / or ends in =; plain words ("Basic instructions") do
            // not
            + "|(Basic)\\s+(?=[A-Za-z0-9+/]*[0-9+/=])[A-Za-z0-9+/]{8,}={0,2})");

    /** A query, form or header-like field name whose value is a secret whatever its shape. */
    public static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(key|secret|token|password|passwd|auth|credential|signature).*");

    private SecretShapes() {}

    /** Whether {@code text} holds an issued secret or a written-out credential. */
    public static boolean containsSecret(String text) {
        return text != null
                && (ISSUED.matcher(text).find() || CREDENTIAL.matcher(text).find());
    }

    /**
     * {@code text} with every issued secret replaced by its prefix and {@code hidden} ({@code sgt_[redacted]}), and
     * every written-out credential by its scheme and {@code hidden}.
     */
    public static String redact(String text, String hidden) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = ISSUED.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String prefix = null;
            for (int g = 1; g <= m.groupCount() && prefix == null; g++) {
                prefix = m.group(g);
            }
            m.appendReplacement(out, Matcher.quoteReplacement((prefix == null ? "" : prefix) + hidden));
        }
        m.appendTail(out);
        Matcher c = CREDENTIAL.matcher(out);
        StringBuilder done = new StringBuilder(out.length());
        while (c.find()) {
            String scheme = c.group(1) != null ? c.group(1) : c.group(2);
            c.appendReplacement(done, Matcher.quoteReplacement(scheme + " " + hidden));
        }
        c.appendTail(done);
        return done.toString();
    }

    /** Whether a field of this name holds a secret whatever its value looks like. */
    public static boolean isSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name).matches();
    }
}
