package app.convene.notification.delivery.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.backbone.problem.ProblemException;
import app.convene.notification.config.DeliveryConfig;
import app.convene.notification.config.WebhookConfig;

/**
 * Where a webhook may go: an https URL (http only where {@code notification.webhooks.allow-insecure} says so) whose
 * host resolves to public addresses only. Loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
 * (169.254/16 with the cloud metadata address, fe80::/10), unspecified, multicast, broadcast and carrier-grade NAT
 * (100.64/10) addresses are refused, also inside IPv4-mapped, -compatible, 6to4 and NAT64 IPv6 addresses, unless
 * listed in {@code notification.webhooks.allowed-private}. Checked when a recipient is added and again before every
 * send, when the checked address is the one connected to.
 */
@ApplicationScoped
public class WebhookAddresses {
    public static final String INTERNAL_RULE = "must not point to a loopback, private, link-local, multicast or "
            + "other internal address";

    @Inject
    WebhookConfig config;
    @Inject
    HostResolver resolver;
    @Inject
    DeliveryConfig deliveryConfig;

    private List<Block> allowed;

    /** A webhook URL that passed: what to connect to, and what to call the host (Host header, TLS name). */
    public record Target(String host, int port, boolean tls, String pathAndQuery, List<InetAddress> addresses) {
    }

    /**
     * The URL may not be sent to; {@link #rule} says why, in words fit for an answer, {@link #outcome} in the
     * delivery log's generic words.
     */
    public static class Refused extends Exception {
        private final String rule;
        private final String outcome;

        Refused(String rule) {
            this(rule, "address not allowed");
        }

        Refused(String rule, String outcome) {
            super(rule, null, false, false);
            this.rule = rule;
            this.outcome = outcome;
        }

        public String rule() {
            return rule;
        }

        public String outcome() {
            return outcome;
        }
    }

    private record Block(byte[] prefix, int bits) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    @PostConstruct
    void readAllowList() {
        allowed = config.allowedPrivate().orElse(List.of()).stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(WebhookAddresses::block).toList();
    }

    private Duration lookupDeadline() {
        return deliveryConfig == null ? Duration.ofSeconds(10) : deliveryConfig.webhookTimeout();
    }

    /** For a new recipient: a 400 naming {@code field} and the rule when the URL may not be sent to. */
    public void requireAllowed(String field, String url) {
        try {
            check(url);
        } catch (Refused e) {
            throw ProblemException.invalidField(field, e.rule());
        }
    }

    /** Parses the URL, resolves its host and checks every address it resolves to. */
    public Target check(String url) throws Refused {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Refused("must be an https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean tls = "https".equals(scheme);
        if (!tls && !("http".equals(scheme) && config.allowInsecure())) {
            throw new Refused("must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new Refused("must be an https URL with a host and no user information");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolveWithin(host, lookupDeadline());
        } catch (UnknownHostException | SecurityException e) {
            throw new Refused("must name a host that resolves", "host not found");
        } catch (TimeoutException e) {
            throw new Refused("must name a host that resolves", "timed out");
        }
        if (addresses.isEmpty()) {
            throw new Refused("must name a host that resolves", "host not found");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address) && allowed.stream().noneMatch(block -> block.contains(address))) {
                throw new Refused(INTERNAL_RULE);
            }
        }
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new Target(host, port, tls, uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery(),
                addresses);
    }

    /** True for every address that is not a public unicast one. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || first == 127
                    || (first == 100 && (second & 0xc0) == 64) // carrier-grade NAT 100.64/10
                    || (first == 198 && (second & 0xfe) == 18) // benchmarking 198.18/15
                    || first >= 240; // reserved and broadcast
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return true; // unique local fc00::/7
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return true; // site-local fec0::/10 (deprecated)
        }
        byte[] embedded = null;
        if (address instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress()) {
            embedded = Arrays.copyOfRange(b, 12, 16);
        } else if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            embedded = Arrays.copyOfRange(b, 12, 16); // NAT64 64:ff9b::/96
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            embedded = Arrays.copyOfRange(b, 2, 6); // 6to4 2002::/16
        } else if (isMappedV4(b)) {
            embedded = Arrays.copyOfRange(b, 12, 16);
        }
        if (embedded != null) {
            try {
                return isInternal(InetAddress.getByAddress(embedded));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    /** {@code 127.0.0.1}, {@code ::1} or a CIDR block such as {@code 10.1.0.0/16}; literals only, never looked up. */
    private static Block block(String entry) {
        String[] parts = entry.split("/", 2);
        String literal = parts[0].startsWith("[") ? parts[0].substring(1, parts[0].length() - 1) : parts[0];
        if (!literal.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("notification.webhooks.allowed-private: not an address: " + entry);
        }
        try {
            byte[] prefix = InetAddress.getByName(literal).getAddress();
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : prefix.length * 8;
            if (bits < 0 || bits > prefix.length * 8) {
                throw new IllegalArgumentException("notification.webhooks.allowed-private: bad prefix: " + entry);
            }
            return new Block(prefix, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("notification.webhooks.allowed-private: not an address: " + entry, e);
        }
    }
}
