package app.convene.venue;

import static app.convene.venue.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.VenueEvents;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PartnerIssueNoticesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyChangeToAnIssueAPartnerContactRaisedIsAnnouncedWithTheirAddressAndLanguage() throws Exception {
        String venueId = as("facility").body(Map.of("name", "Venue " + UUID.randomUUID(),
                "address", Map.of("street", "Drottninggatan 1", "postalCode", "111 51", "city", "Stockholm",
                        "country", "SE")))
                .post("/api/venues").then().statusCode(201).extract().path("id");
        String email = "sven-" + UUID.randomUUID() + "@caterer.example";
        String contactId = as("facility").body(Map.of("name", "Sven Caterer", "role", "catering", "email", email,
                "language", "sv", "noticesSubscribed", true))
                .post("/api/venues/{v}/partner-contacts", venueId).then().statusCode(201)
                .body("language", equalTo("sv")).body("noticesSubscribed", equalTo(true)).extract().path("id");
        as("facility").body(Map.of("name", "Ida", "role", "cleaning", "email", "ida@clean.example",
                "language", "de")).post("/api/venues/{v}/partner-contacts", venueId).then().statusCode(400)
                .body("errors[0].field", equalTo("language"));

        String issueId = as("facility").body(Map.of("description", "Loading dock blocked",
                "raisedBy", Map.of("partnerContactId", contactId)))
                .post("/api/venues/{v}/issues", venueId).then().statusCode(201).extract().path("id");
        as("facility").body(Map.of("status", "IN_MEDIATION")).put("/api/venue-issues/{i}/status", issueId)
                .then().statusCode(200);
        as("facility").body(Map.of("description", "Collect waste in the afternoon"))
                .post("/api/venue-issues/{i}/proposals", issueId).then().statusCode(201);
        as("facility").body(Map.of("status", "RESOLVED", "resolution", "Collection moved to 14:00"))
                .put("/api/venue-issues/{i}/status", issueId).then().statusCode(200);
        // Raised by a name only: there is no one to write to, nothing is announced.
        String byName = as("facility").body(Map.of("description", "Too loud", "raisedBy", Map.of("name", "Bram")))
                .post("/api/venues/{v}/issues", venueId).then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> updates = await().atMost(Duration.ofSeconds(20))
                .until(() -> Api.announced(UUID.fromString(issueId), VenueEvents.ISSUE_UPDATED.name()),
                        r -> r.size() == 4);
        List<JsonNode> payloads = updates.stream().map(r -> {
            try {
                return JSON.readTree(r.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(payloads).extracting(p -> p.get("change").asText())
                .containsExactly("RAISED", "STATUS_CHANGED", "PROPOSED", "STATUS_CHANGED");
        assertThat(payloads).extracting(p -> p.get("status").asText())
                .containsExactly("OPEN", "IN_MEDIATION", "IN_MEDIATION", "RESOLVED");
        assertThat(payloads).allSatisfy(p -> {
            assertThat(p.get("contact").get("email").asText()).isEqualTo(email);
            assertThat(p.get("contact").get("language").asText()).isEqualTo("sv");
            assertThat(p.get("organisation").asText()).isNotBlank();
        });
        assertThat(payloads.get(2).get("proposal").get("description").asText())
                .isEqualTo("Collect waste in the afternoon");
        assertThat(payloads.get(3).get("resolution").asText()).isEqualTo("Collection moved to 14:00");
        assertThat(Api.announced(UUID.fromString(byName), VenueEvents.ISSUE_UPDATED.name())).isEmpty();
    }
}
