package app.convene.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A receiver speaking HTTP over a bare socket, to behave as badly as real ones can: never answer, trickle the status
 * line or the body one byte at a time, redirect, or answer at once. It records every request's headers and arrival.
 */
final class RawReceiver implements AutoCloseable {
    enum Behaviour {
        /** Takes the connection and says nothing. */
        SILENT,
        /** Starts "HTTP/1.1 200 OK" and sends one more byte every 200 ms. */
        TRICKLE_STATUS,
        /** Answers 200 with a 100 000-byte body it sends one byte every 200 ms. */
        TRICKLE_BODY,
        /** Answers 204 at once. */
        NO_CONTENT,
        /** Answers 302 to {@link RawReceiver#redirectTo}. */
        REDIRECT
    }

    record Request(Instant arrivedAt, Map<String, String> headers) {
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile String redirectTo;

    RawReceiver(String bindAddress, Behaviour behaviour) {
        this.behaviour = behaviour;
        try {
            server = new ServerSocket(0, 50, InetAddress.getByName(bindAddress));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "raw-receiver-" + behaviour);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The URL naming this receiver by {@code host} (an address literal or a name the test resolver knows). */
    String url(String host) {
        return "http://" + host + ":" + port() + "/hook";
    }

    void redirectTo(String url) {
        this.redirectTo = url;
    }

    List<Request> requests() {
        return requests;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread handler = new Thread(() -> handle(socket), "raw-receiver-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            requests.add(new Request(Instant.now(), readHead(socket.getInputStream())));
            OutputStream out = socket.getOutputStream();
            switch (behaviour) {
                case SILENT -> Thread.sleep(60_000);
                case TRICKLE_STATUS -> trickle(out, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".repeat(1000));
                case TRICKLE_BODY -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    trickle(out, "x".repeat(100_000));
                }
                case NO_CONTENT -> out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                case REDIRECT -> out.write(("HTTP/1.1 302 Found\r\nLocation: " + redirectTo
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the sender hung up
        }
    }

    private static void trickle(OutputStream out, String text) throws IOException, InterruptedException {
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            out.write(b);
            out.flush();
            Thread.sleep(200);
        }
    }

    /** The request line and headers (names in lower case); the body is left unread. */
    private static Map<String, String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) != -1) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        Map<String, String> headers = new HashMap<>();
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        headers.put(":request-line", lines[0]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : open) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
