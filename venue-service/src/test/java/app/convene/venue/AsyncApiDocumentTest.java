package app.convene.venue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import app.convene.backbone.inbox.Inbox;
import app.convene.backbone.testing.AsyncApiDocument;
import app.convene.backbone.testing.AsyncApiParser;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The AsyncAPI document an integrator reads is the one the code keeps: every type announced through the outbox and
 * every type the consumers read, with its headers, key and payload schema; and the service serves it.
 */
@QuarkusTest
class AsyncApiDocumentTest {
    static final String DESCRIPTION = "venue-service announces readiness, bookings, safety, insurance, inspections, issues "
            + "and venue notices, and its part of an erasure on venue.events; it reads events and headcounts from "
            + "registration.events and erasures from privacy.events.";

    @Inject
    Inbox inbox;

    @Test
    void theKeptDocumentListsExactlyWhatTheCodeAnnouncesAndReads() {
        AsyncApiDocument document = AsyncApiDocument.of(DESCRIPTION, inbox, ConfigProvider.getConfig());
        assertThat(document.sentTypes()).contains("venue.booking-confirmed.v1", "venue.erasure-completed.v1")
                .doesNotContain("registration.confirmed.v2");
        assertThat(document.receivedTypes()).contains("registration.event-scheduled.v1", "privacy.person-erased.v1");
        document.verify(Path.of(AsyncApiDocument.KEPT));
    }

    @Test
    void theKeptDocumentValidatesWithTheAsyncApiParser() throws Exception {
        AsyncApiParser.validate(Path.of(AsyncApiDocument.KEPT));
    }

    @Test
    void anIntegratorFetchesTheDocumentAsYamlOrJson() {
        given().when().get("/q/asyncapi").then().statusCode(200)
                .contentType(containsString("application/yaml"))
                .body(containsString("asyncapi: 3.0.0"), containsString("name: venue.booking-confirmed.v1"));
        given().queryParam("format", "json").when().get("/q/asyncapi").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.venue-events.address", equalTo("venue.events"))
                .body("components.messages.venue-booking-confirmed-v1.headers.properties.ce_type.const",
                        equalTo("venue.booking-confirmed.v1"))
                .body("components.schemas.'VenueEvents.BookingConfirmed'.properties.eventId.format",
                        equalTo("uuid"));
        given().accept("application/json").when().get("/q/asyncapi").then().statusCode(200)
                .body("info.title", equalTo("Convene venue-service events"));
    }
}
