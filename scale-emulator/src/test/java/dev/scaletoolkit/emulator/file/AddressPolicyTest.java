package dev.scaletoolkit.emulator.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "169.254.169.254",
                "169.254.0.1",
                "fe80::1",
                "fd00:ec2::254",
                "100.100.100.200",
                "0.0.0.0",
                "0.1.2.3",
                "::",
                "255.255.255.255",
                "224.0.0.251",
                "ff02::1",
                "::ffff:169.254.169.254",
                "::169.254.169.254",
                "64:ff9b::a9fe:a9fe"
            })
    void refusesLinkLocalMetadataUnspecifiedBroadcastAndMulticast(String literal) throws UnknownHostException {
        assertThat(AddressPolicy.refused(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "::1",
                "10.1.2.3",
                "172.16.5.4",
                "192.168.0.10",
                "fc00::1",
                "93.184.216.34",
                "2001:db8::1"
            })
    void allowsLoopbackPrivateAndPublicAddresses(String literal) throws UnknownHostException {
        assertThat(AddressPolicy.refused(InetAddress.getByName(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/",
                "http://[fd00:ec2::254]/",
                "https://metadata.google.internal/computeMetadata/v1/",
                "http://METADATA.GOOGLE.INTERNAL./x",
                "gopher://127.0.0.1/x",
                "http:///no-host"
            })
    void refusesBeforeAnyLookupWhatTheUrlAloneGivesAway(String url) {
        assertThat(AddressPolicy.refuseWithoutLookup(URI.create(url))).isPresent();
        assertThatThrownBy(() -> AddressPolicy.check(URI.create(url)))
                .isInstanceOf(AddressPolicy.RefusedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/a.png", "https://localhost/a.png", "http://[::1]:9/x"})
    void allowsLocalTestServers(String url) throws Exception {
        assertThat(AddressPolicy.refuseWithoutLookup(URI.create(url))).isEmpty();
        AddressPolicy.check(URI.create(url));
    }
}
