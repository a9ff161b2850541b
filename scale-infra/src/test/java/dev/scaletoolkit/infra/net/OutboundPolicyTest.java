package dev.scaletoolkit.infra.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundPolicyTest {
    private static final OutboundPolicy STRICT = OutboundPolicy.of("callbacks", AllowList.none(), "--allow-host HOST");

    static Stream<AddressForms.Form> forms() {
        return AddressForms.all().stream();
    }

    @Test
    void theTableHasEnoughForms() {
        assertThat(AddressForms.all()).hasSizeGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everySpellingIsReadAsTheAddressItIs(AddressForms.Form form) {
        URI uri = URI.create(form.url("http", 8080, "/x"));
        if (uri.getHost() != null && !form.host().equals("localhost")) {
            HostForms.Host host = HostForms.read(uri.getHost());
            assertThat(host).isInstanceOf(HostForms.Literal.class);
            assertThat(AddressKind.of(((HostForms.Literal) host).address())).isEqualTo(form.kind());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void aStrictPolicyRefusesEveryNonPublicFormAndNothingElse(AddressForms.Form form) throws Exception {
        URI uri = URI.create(form.url("http", 8080, "/x"));
        if (form.refused()) {
            assertThatThrownBy(() -> STRICT.check(uri)).isInstanceOf(OutboundPolicy.RefusedException.class);
        } else {
            assertThat(STRICT.refuseWithoutLookup(uri)).isEmpty();
            Target t = STRICT.check(uri);
            assertThat(t.pinned()).isFalse();
        }
    }

    @Test
    void theSixToFourMetadataFormIsRefusedBeforeAnyLookupWithTheAddressItEncodes() {
        assertThat(STRICT.refuseWithoutLookup(URI.create("http://[2002:a9fe:a9fe::]/latest/meta-data/")))
                .get()
                .asString()
                .contains("2002:a9fe:a9fe")
                .contains("cloud metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com:99999/x", "http://example.com:0/x", "http://1.2.3.4:65536/"})
    void aPortOutOfRangeIsAClearRefusal(String url) {
        assertThat(STRICT.refuseWithoutLookup(URI.create(url)))
                .get()
                .asString()
                .contains("a port is a number from 1 to 65535");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gopher://127.0.0.1/x",
                "file:///etc/passwd",
                "http:///no-host",
                "http://1.2.3.256/",
                "http://1.2.3.4.5/",
                "http://0x1ffffffff/",
                "https://metadata.google.internal/computeMetadata/v1/",
                "http://METADATA.GOOGLE.INTERNAL./x",
                "http://user@169.254.169.254/"
            })
    void refusesBeforeAnyLookupWhatTheUrlAloneGivesAway(String url) {
        assertThat(STRICT.refuseWithoutLookup(URI.create(url))).isPresent();
    }

    @Test
    void anAllowListLetsThroughWhatItNamesAndNoMore() throws Exception {
        OutboundPolicy policy = OutboundPolicy.of(
                "webhooks",
                AllowList.of(List.of("loopback", "10.1.0.0/16", "192.168.1.5:8443", "build.internal")),
                "--allow-host HOST");
        assertThat(policy.refuseWithoutLookup(URI.create("http://127.0.0.1:9/")))
                .isEmpty();
        assertThat(policy.refuseWithoutLookup(URI.create("http://[::1]:9/"))).isEmpty();
        assertThat(policy.refuseWithoutLookup(URI.create("http://10.1.200.3/"))).isEmpty();
        assertThat(policy.refuseWithoutLookup(URI.create("http://10.2.0.1/"))).isPresent();
        assertThat(policy.refuseWithoutLookup(URI.create("https://192.168.1.5:8443/")))
                .isEmpty();
        assertThat(policy.refuseWithoutLookup(URI.create("https://192.168.1.5:8444/")))
                .isPresent();
        // a range never lets a metadata address through, and a kind never lets another kind through
        OutboundPolicy wide = OutboundPolicy.of(
                "webhooks", AllowList.of(List.of("169.254.0.0/16", "link-local")), "--allow-host HOST");
        assertThat(wide.refuseWithoutLookup(URI.create("http://169.254.169.254/")))
                .isPresent();
        assertThat(wide.refuseWithoutLookup(URI.create("http://169.254.0.7/"))).isEmpty();
        assertThat(wide.refuseWithoutLookup(URI.create("http://10.0.0.1/"))).isPresent();
    }

    @Test
    void theRefusalSaysHowToAllowIt() {
        assertThat(STRICT.refuseWithoutLookup(URI.create("http://10.0.0.5:8080/")))
                .get()
                .asString()
                .isEqualTo("points at 10.0.0.5, a private address; callbacks go there only when allowed"
                        + " (--allow-host 10.0.0.5)");
    }

    @Test
    void unspecifiedBroadcastAndMulticastNeverPassWhateverIsAllowed() {
        OutboundPolicy all = OutboundPolicy.of(
                "imports", AllowList.of(List.of("0.0.0.0/0", "::/0", "0.0.0.0")), "--allow-host HOST");
        assertThat(all.refuseWithoutLookup(URI.create("http://0.0.0.0/"))).isPresent();
        assertThat(all.refuseWithoutLookup(URI.create("http://255.255.255.255/")))
                .isPresent();
        assertThat(all.refuseWithoutLookup(URI.create("http://[ff02::1]/"))).isPresent();
    }

    @Test
    void theServersOwnPortIsRefusedEvenWhenLoopbackIsAllowed() throws Exception {
        OutboundPolicy policy = OutboundPolicy.of("imports", AllowList.of(List.of("loopback")), "x HOST")
                .refusingOwnPort(() -> 8790);
        assertThat(policy.refuseWithoutLookup(URI.create("http://127.0.0.1:8790/_emulator/health")))
                .get()
                .asString()
                .contains("this server's own address");
        assertThatThrownBy(() -> policy.check(URI.create("http://localhost:8790/_emulator/health")))
                .hasMessageContaining("own address");
        assertThat(policy.check(URI.create("http://127.0.0.1:8791/")).address().isLoopbackAddress())
                .isTrue();
    }

    @Test
    void localhostIsJudgedAsLoopbackAndANameIsResolvedBeforeItIsLetThrough() throws Exception {
        assertThat(STRICT.refuseWithoutLookup(URI.create("http://localhost:9/")))
                .get()
                .asString()
                .contains("a loopback address");
        OutboundPolicy loopback = OutboundPolicy.of("callbacks", AllowList.of(List.of("loopback")), "HOST");
        Target t = loopback.check(URI.create("http://localhost:9/"));
        assertThat(t.address().isLoopbackAddress()).isTrue();
        assertThat(t.pinned()).isFalse();
        assertThatThrownBy(() -> STRICT.check(URI.create("http://no-such-host.invalid/")))
                .hasMessageContaining("could not be resolved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-host!", "*.example.com", "10.0.0.0/33", "1.2.3.4:0", "1.2.3.4:99999", "1.2.3.256"})
    void aBadAllowEntryIsRefusedWithTheFormsThereAre(String entry) {
        assertThatThrownBy(() -> AllowList.of(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a range such as 10.0.0.0/8");
    }
}
