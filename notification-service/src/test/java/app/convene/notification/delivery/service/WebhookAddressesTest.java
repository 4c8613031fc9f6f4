package app.convene.notification.delivery.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import app.convene.notification.config.WebhookConfig;

/** The address rules on their own, with the production settings the service's tests cannot run under. */
class WebhookAddressesTest {

    private static WebhookAddresses addresses(boolean allowInsecure, String... allowedPrivate) {
        WebhookAddresses addresses = new WebhookAddresses();
        addresses.config = new WebhookConfig() {
            @Override
            public boolean allowInsecure() {
                return allowInsecure;
            }

            @Override
            public Optional<List<String>> allowedPrivate() {
                return allowedPrivate.length == 0 ? Optional.empty() : Optional.of(List.of(allowedPrivate));
            }

            @Override
            public int circuitThreshold() {
                return 5;
            }

            @Override
            public Duration circuitCoolDown() {
                return Duration.ofMinutes(5);
            }
        };
        addresses.resolver = new HostResolver();
        addresses.readAllowList();
        return addresses;
    }

    @Test
    void byDefaultOnlyHttpsToPublicAddressesPasses() throws Exception {
        WebhookAddresses production = addresses(false);
        assertThatThrownBy(() -> production.check("http://93.184.216.34/hook"))
                .isInstanceOf(WebhookAddresses.Refused.class).hasMessage("must be an https URL");
        WebhookAddresses.Target target = production.check("https://93.184.216.34/hook?x=1");
        assertThat(target.tls()).isTrue();
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.pathAndQuery()).isEqualTo("/hook?x=1");
        // Nothing internal is allowed by default, not even this machine.
        assertThatThrownBy(() -> production.check("https://127.0.0.1/hook"))
                .isInstanceOf(WebhookAddresses.Refused.class).hasMessage(WebhookAddresses.INTERNAL_RULE);
        assertThatThrownBy(() -> production.check("ftp://93.184.216.34/hook"))
                .isInstanceOf(WebhookAddresses.Refused.class);
    }

    @Test
    void theAllowListTakesAddressesAndBlocks() throws Exception {
        WebhookAddresses local = addresses(true, "10.1.0.0/16", "::1");
        assertThat(local.check("http://10.1.200.3:8080/hook").addresses())
                .containsExactly(InetAddress.getByName("10.1.200.3"));
        assertThat(local.check("http://[::1]/hook").port()).isEqualTo(80);
        assertThatThrownBy(() -> local.check("http://10.2.0.1/hook")).isInstanceOf(WebhookAddresses.Refused.class);
        assertThatThrownBy(() -> local.check("http://127.0.0.1/hook")).isInstanceOf(WebhookAddresses.Refused.class);
        assertThatThrownBy(() -> addresses(true, "localhost")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyKindOfInternalAddressIsRecognised() throws Exception {
        for (String internal : List.of("127.0.0.1", "127.9.9.9", "10.0.0.1", "172.16.0.1", "172.31.255.255",
                "192.168.0.1", "169.254.169.254", "169.254.0.1", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.1.1.1",
                "255.255.255.255", "100.64.0.1", "100.127.255.255", "198.18.0.1", "::", "::1", "fe80::1",
                "febf::1", "fc00::1", "fdff::1", "ff02::1", "::ffff:10.0.0.1", "::169.254.169.254",
                "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1", "fec0::1")) {
            assertThat(WebhookAddresses.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : List.of("93.184.216.34", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1",
                "192.169.0.1", "2606:2800:220:1:248:1893:25c8:1946", "64:ff9b::808:808", "2002:808:808::1")) {
            assertThat(WebhookAddresses.isInternal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }
}
