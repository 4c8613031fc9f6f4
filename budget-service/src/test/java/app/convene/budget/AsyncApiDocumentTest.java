package app.convene.budget;

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
    static final String DESCRIPTION = "budget-service announces budgets, their submission and approval, forecasts and "
            + "threshold breaches, and its part of an erasure on budget.events; it reads events, headcounts and travel "
            + "figures from registration.events, priced bookings from venue.events and erasures from privacy.events.";

    @Inject
    Inbox inbox;

    @Test
    void theKeptDocumentListsExactlyWhatTheCodeAnnouncesAndReads() {
        AsyncApiDocument document = AsyncApiDocument.of(DESCRIPTION, inbox, ConfigProvider.getConfig());
        assertThat(document.sentTypes()).contains("budget.created.v1", "budget.erasure-completed.v1")
                .doesNotContain("budget.approved.v1");
        assertThat(document.receivedTypes()).contains("registration.headcount-changed.v1",
                "venue.booking-confirmed.v1", "privacy.person-erased.v1");
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
                .body(containsString("asyncapi: 3.0.0"), containsString("name: budget.created.v1"));
        given().queryParam("format", "json").when().get("/q/asyncapi").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.budget-events.address", equalTo("budget.events"))
                .body("components.messages.budget-created-v1.headers.properties.ce_type.const",
                        equalTo("budget.created.v1"))
                .body("components.schemas.'BudgetEvents.BudgetCreated'.properties.eventId.format",
                        equalTo("uuid"));
        given().accept("application/json").when().get("/q/asyncapi").then().statusCode(200)
                .body("info.title", equalTo("Convene budget-service events"));
    }
}
