package app.convene.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client that streams its body in chunks ({@code Transfer-Encoding: chunked}, no {@code Content-Length}) meets the
 * same size limit as any other, and learns of it in the same shape: a 413 problem, not an empty answer.
 */
@QuarkusTest
class ChunkedBodyTooLargeTest {
    private static final int LIMIT = 1024 * 1024;

    @TestHTTPResource("/")
    URL server;

    record Answer(int status, Map<String, String> headers, String body) {
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413ProblemAndOneWithinItIsRead() throws Exception {
        String org = "chunky-" + UUID.randomUUID().toString().substring(0, 8);
        String bearer = Tokens.bearer("finance", "fred.finance@chunky.example", org);

        // Within the limit, sent in chunks: read whole and applied.
        Answer small = send(bearer, "/api/exchange-rates/NZD/EUR", "{\"rate\": 0.55}".getBytes(StandardCharsets.UTF_8),
                5);
        assertThat(small.status()).as(small.body()).isEqualTo(200);
        assertThat(small.body()).contains("\"rate\":0.55");

        // Over the limit, sent in chunks: a problem naming the limit, and nothing changed.
        String padding = "x".repeat(LIMIT + 64 * 1024);
        Answer large = send(bearer, "/api/exchange-rates/NZD/EUR",
                ("{\"rate\": 0.66, \"note\": \"" + padding + "\"}").getBytes(StandardCharsets.UTF_8), 16 * 1024);
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.headers().get("content-type")).startsWith("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(large.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://convene.app/problems/payload-too-large");
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asText()).contains("at most " + LIMIT);
        assertThat(problem.path("instance").asText()).isEqualTo("/api/exchange-rates/NZD/EUR");

        Api.as("finance", "fred.finance@chunky.example", org).get("/api/exchange-rates").then().statusCode(200)
                .body("find { it.base == 'NZD' }.rate.toString()", equalTo("0.55"));
    }

    /** PUTs {@code body} in chunks of {@code chunk} bytes over a plain socket and reads the whole answer. */
    private Answer send(String bearer, String path, byte[] body, int chunk) throws Exception {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(("PUT " + path + " HTTP/1.1\r\nHost: " + server.getHost() + "\r\nAuthorization: " + bearer
                            + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int at = 0; at < body.length; at += chunk) {
                        int length = Math.min(chunk, body.length - at);
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, at, length);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedBeforeTheEnd) {
                    // The server answered and closed the connection before the whole body was sent.
                }
            });
            writer.start();
            byte[] answer = readAll(socket.getInputStream());
            writer.join(60_000);
            return parse(answer);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0;) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // The connection was closed; what arrived before is the answer.
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("a complete answer: " + text).isPositive();
        String[] head = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    head[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            StringBuilder decoded = new StringBuilder();
            int at = 0;
            while (true) {
                int line = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, line).trim(), 16);
                if (size == 0) {
                    break;
                }
                decoded.append(body, line + 2, line + 2 + size);
                at = line + 2 + size + 2;
            }
            body = decoded.toString();
        } else if (headers.containsKey("content-length")) {
            body = body.substring(0, Integer.parseInt(headers.get("content-length")));
        }
        return new Answer(status, headers,
                new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
}
