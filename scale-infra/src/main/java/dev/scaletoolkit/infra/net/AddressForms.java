package dev.scaletoolkit.infra.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the table of host spellings every outbound path is tested against ({@code
 * scale/fixtures/outbound/address-forms.tsv} in scale-fixtures), so the emulator's, the gateway's, the triggers'
 * and the CLI's tests judge the same forms. Tests only; kept here so each module's tests share one reader.
 */
public final class AddressForms {
    private static final String TABLE = "scale/fixtures/outbound/address-forms.tsv";

    private AddressForms() {}

    /**
     * One row.
     *
     * @param host as written in a URL's authority, e.g. {@code [2002:a9fe:a9fe::]}
     * @param kind what it is, with no allow list
     * @param note what the spelling shows
     */
    public record Form(String host, AddressKind kind, String note) {
        /** Whether a policy with no allow list refuses it. */
        public boolean refused() {
            return kind != AddressKind.PUBLIC;
        }

        /** {@code scheme://host:port/path}. */
        public String url(String scheme, int port, String path) {
            return scheme + "://" + host + ":" + port + path;
        }

        @Override
        public String toString() {
            return host + " (" + note + ")";
        }
    }

    /** Every row, from the class path (scale-fixtures must be on it). */
    public static List<Form> all() {
        InputStream in = AddressForms.class.getClassLoader().getResourceAsStream(TABLE);
        if (in == null) {
            throw new IllegalStateException(TABLE + " is not on the class path; add scale-fixtures (test scope)");
        }
        List<Form> forms = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                forms.add(new Form(cols[0], AddressKind.valueOf(cols[1]), cols.length > 2 ? cols[2] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(forms);
    }
}
