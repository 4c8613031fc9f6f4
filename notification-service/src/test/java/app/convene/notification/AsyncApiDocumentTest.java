package app.convene.notification;

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
    static final String DESCRIPTION = "notification-service announces briefings and their delivery, alerts, "
            + "acknowledgements, feedback, the go/no-go decision and its part of an erasure on notification.events; "
            + "it reads every other service's announcements (registration, budget, venue) and erasures.";

    @Inject
    Inbox inbox;

    @Test
    void theKeptDocumentListsExactlyWhatTheCodeAnnouncesAndReads() {
        AsyncApiDocument document = AsyncApiDocument.of(DESCRIPTION, inbox, ConfigProvider.getConfig());
        assertThat(document.sentTypes()).contains("notification.briefing-scheduled.v1",
                "notification.erasure-completed.v1")
                .doesNotContain("registration.confirmed.v2");
        assertThat(document.receivedTypes()).contains("registration.confirmed.v2", "budget.approved.v2",
                "venue.readiness-changed.v1", "privacy.person-erased.v1");
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
                .body(containsString("asyncapi: 3.0.0"), containsString("name: notification.briefing-scheduled.v1"));
        given().queryParam("format", "json").when().get("/q/asyncapi").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.notification-events.address", equalTo("notification.events"))
                .body("components.messages.notification-briefing-scheduled-v1.headers.properties.ce_type.const",
                        equalTo("notification.briefing-scheduled.v1"))
                .body("components.schemas.'NotificationEvents.BriefingScheduled'.properties.eventId.format",
                        equalTo("uuid"));
        given().accept("application/json").when().get("/q/asyncapi").then().statusCode(200)
                .body("info.title", equalTo("Convene notification-service events"));
    }
}
