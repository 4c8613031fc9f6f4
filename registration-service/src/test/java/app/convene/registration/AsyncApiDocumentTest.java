package app.convene.registration;

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
    static final String DESCRIPTION = "registration-service announces events, their schedule and terms, "
            + "registrations, the waiting list, check-ins and headcounts, travel and accommodation figures, "
            + "meeting series, agendas, minutes and "
            + "action items on registration.events, and erasures and "
            + "anonymisations on privacy.events; it reads venue bookings (the room's safe occupancy caps the seats) "
            + "and the other services' reports that their part of an erasure is done.";

    @Inject
    Inbox inbox;

    @Test
    void theKeptDocumentListsExactlyWhatTheCodeAnnouncesAndReads() {
        AsyncApiDocument document = AsyncApiDocument.of(DESCRIPTION, inbox, ConfigProvider.getConfig());
        assertThat(document.sentTypes()).contains("registration.confirmed.v2", "privacy.person-erased.v1")
                .doesNotContain("registration.confirmed.v1");
        assertThat(document.receivedTypes()).contains("venue.booking-confirmed.v1", "budget.erasure-completed.v1");
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
                .body(containsString("asyncapi: 3.0.0"), containsString("name: registration.confirmed.v2"));
        given().queryParam("format", "json").when().get("/q/asyncapi").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.registration-events.address", equalTo("registration.events"))
                .body("components.messages.registration-confirmed-v2.headers.properties.ce_type.const",
                        equalTo("registration.confirmed.v2"))
                .body("components.schemas.'RegistrationEvents.RegistrationConfirmed'.properties.eventId.format",
                        equalTo("uuid"));
        given().accept("application/json").when().get("/q/asyncapi").then().statusCode(200)
                .body("info.title", equalTo("Convene registration-service events"));
    }
}
