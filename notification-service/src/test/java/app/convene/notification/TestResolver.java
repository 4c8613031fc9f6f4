package app.convene.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import app.convene.notification.delivery.service.HostResolver;

/**
 * The service's name lookups in tests: names under {@code .convene.test} resolve to what a story points them at (and
 * can be re-pointed, as a hostile DNS server would between check and use); every other name goes to the system.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestResolver extends HostResolver {
    private static final Map<String, List<InetAddress>> NAMES = new ConcurrentHashMap<>();

    /** From now on {@code host} resolves to {@code addresses} (literals). */
    static void point(String host, String... addresses) {
        NAMES.put(host.toLowerCase(Locale.ROOT), Arrays.stream(addresses).map(a -> {
            try {
                return InetAddress.getByName(a);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(a, e);
            }
        }).toList());
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".convene.test")) {
            List<InetAddress> addresses = NAMES.get(name);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses;
        }
        return super.resolve(host);
    }
}
