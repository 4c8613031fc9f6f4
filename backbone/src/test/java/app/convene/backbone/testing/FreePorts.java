package app.convene.backbone.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports for the servers tests start (and may stop and start again on the same port).
 *
 * <p>
 * A port the kernel hands out for {@code bind(0)} lies in {@code ip_local_port_range}, the same range it draws the
 * local ports of outgoing connections from. Between a server's stop and its restart (or between choosing a port and
 * binding it) any connection of any process may then be given that port, and the server fails with "Address already in
 * use". The ports chosen here lie below that range, where no connection is ever given one; none is handed out twice in
 * one JVM.
 */
public final class FreePorts {
    private static final Path LOCAL_PORT_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LINUX_DEFAULT_LOWEST = 32768;
    private static final int SPAN = 12_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int take() {
        return take(1)[0];
    }

    public static int[] take(int count) {
        int lowest = lowestLocalPort();
        int from = Math.max(1024, lowest - SPAN);
        int[] chosen = new int[count];
        for (int i = 0; i < count;) {
            int port = ThreadLocalRandom.current().nextInt(from, lowest);
            if (HANDED_OUT.add(port) && canBind(port)) {
                chosen[i++] = port;
            }
        }
        return chosen;
    }

    private static int lowestLocalPort() {
        try {
            // readAllLines, not readString: the latter trusts the /proc file's size (0) and reads it short
            return Integer.parseInt(Files.readAllLines(LOCAL_PORT_RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return LINUX_DEFAULT_LOWEST;
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
