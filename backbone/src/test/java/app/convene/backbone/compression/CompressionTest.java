package app.convene.backbone.compression;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.SampleService;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/**
 * A browser asks for compressed answers and gets them gzipped; a client that does not ask gets them as they are, and
 * both read the same.
 */
@QuarkusTest
@TestProfile(SampleService.class)
class CompressionTest {
    /** Raw bytes on the wire: REST Assured neither asks for nor unpacks compressed bodies. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void aClientThatAsksGetsTheAnswerGzippedAndOneThatDoesNotGetsItAsItIs() throws IOException {
        UUID memo = UUID.fromString(given().header("Authorization", Tokens.organizer())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("text", "Seating plan ".repeat(12))).post("/api/memos").then().statusCode(201)
                .extract().path("id"));
        for (String path : new String[] { "/api/memos/" + memo, "/api/memos/" + memo + "/reminder.ics" }) {
            Response plain = given().config(RAW).header("Authorization", Tokens.organizer()).get(path);
            plain.then().statusCode(200);
            assertThat(plain.header("Content-Encoding")).isIn(null, "identity");

            Response gzipped = given().config(RAW).header("Authorization", Tokens.organizer())
                    .header("Accept-Encoding", "gzip").get(path);
            gzipped.then().statusCode(200);
            assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
            byte[] wire = gzipped.asByteArray();
            String unpacked;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(wire))) {
                unpacked = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(unpacked).contains("Seating plan Seating plan");
            assertThat(wire.length).isLessThan(plain.asByteArray().length);
            if (path.endsWith(".ics")) {
                // the same feed but for its DTSTAMP, and the same tag
                assertThat(unpacked.replaceAll("DTSTAMP:\\d+", ""))
                        .isEqualTo(plain.asString().replaceAll("DTSTAMP:\\d+", ""));
            } else {
                assertThat(unpacked).isEqualTo(plain.asString());
            }
            assertThat(gzipped.header("ETag")).isEqualTo(plain.header("ETag"));
        }
    }
}
