package app.convene.venue;

import static app.convene.venue.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.problem.Rfc3339;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InsuranceTest {
    private static final String INSURANCE = "checks.find { it.name == 'insurance covered' }";

    @AfterEach
    void backToNow() {
        TestClock.reset();
    }

    private static Map<String, Object> certificate(String policy, String coverage, Object amount, Instant validTo) {
        Map<String, Object> body = new HashMap<>();
        body.put("insurer", "Delta Verzekeringen");
        body.put("policyNumber", policy);
        body.put("coverage", coverage);
        body.put("amount", amount);
        body.put("currency", "EUR");
        body.put("validFrom", Instant.now().minus(Duration.ofDays(1)).toString());
        body.put("validTo", validTo.toString());
        body.put("documentReference", "dms://insurance/" + policy + ".pdf");
        return body;
    }

    @Test
    void aLargeEventNeedsLiabilityAndCancellationCoverForItsWholeRunAndHearsBeforeACertificateExpires() {
        UUID eventId = UUID.randomUUID();
        Instant start = Api.daysFromNow(20);
        Instant end = start.plus(Duration.ofHours(8));
        Api.scheduled(eventId, start, end);
        Api.headcount(eventId, 1, 250);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.readiness(eventId).statusCode(200)
                .body("expectedHeadcount", equalTo(250)).body(INSURANCE + ".status", equalTo("NOT_MET"))
                .body(INSURANCE + ".reason", containsString("PUBLIC_LIABILITY of at least 1000000 EUR: no certificate"))
                .body(INSURANCE + ".reason", containsString("EVENT_CANCELLATION of at least 100000 EUR")));

        // Valid today, but it runs out the day before the event: it does not count.
        String shortLived = as("facility").body(certificate("PL-1", "PUBLIC_LIABILITY", 2_000_000,
                start.minus(Duration.ofDays(1)))).post("/api/events/{e}/insurance-certificates", eventId)
                .then().statusCode(201).body("amount", equalTo(2000000.00f)).extract().path("id");
        Api.readiness(eventId).body(INSURANCE + ".status", equalTo("NOT_MET"))
                .body(INSURANCE + ".reason", containsString("policy PL-1 expires"));

        String location = as("facility").body(certificate("PL-2", "PUBLIC_LIABILITY", 2_000_000,
                start.plus(Duration.ofDays(30)))).post("/api/events/{e}/insurance-certificates", eventId).then()
                .statusCode(201).extract().header("Location");
        // The Location is the certificate; another event's path with it finds nothing.
        as("finance").get(location).then().statusCode(200).body("policyNumber", equalTo("PL-2"));
        as("finance").get(location.replace(eventId.toString(), UUID.randomUUID().toString())).then()
                .statusCode(404);
        as("facility").body(certificate("EC-1", "EVENT_CANCELLATION", 50_000, end.plus(Duration.ofDays(2))))
                .post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(201);
        Api.readiness(eventId).body(INSURANCE + ".reason", containsString("policy EC-1 covers only 50000.00 EUR"));
        as("facility").body(certificate("EC-2", "EVENT_CANCELLATION", 150_000.5, end.plus(Duration.ofDays(2))))
                .post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(201);
        Api.readiness(eventId).body(INSURANCE + ".status", equalTo("MET"));

        // Nineteen days before its expiry nothing is said; six days later it is inside the 14-day warning period.
        as("organizer").get("/api/events/{e}/insurance-certificates", eventId).then()
                .body("find { it.id == '" + shortLived + "' }.expiryAnnouncedAt", nullValue());
        TestClock.advance(Duration.ofDays(6));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.announced(eventId, VenueEvents.INSURANCE_CERTIFICATE_EXPIRING.name())).singleElement()
                .satisfies(r -> assertThat(r.value()).contains(shortLived).contains("\"daysLeft\": 12")
                        .contains("\"policyNumber\": \"PL-1\"")));
        as("organizer").get("/api/events/{e}/insurance-certificates", eventId).then()
                .body("find { it.id == '" + shortLived + "' }.expiryAnnouncedAt", notNullValue())
                .body("find { it.policyNumber == 'EC-2' }.expiryAnnouncedAt", nullValue());
    }

    @Test
    void certificatesWithBadFieldsAreRefusedNamingTheField() throws Exception {
        Instant until = Api.daysFromNow(60);
        UUID eventId = Api.event(until.minus(Duration.ofDays(2)), until.minus(Duration.ofDays(1)));
        Map<String, Object> body = certificate("X-1", "PUBLIC_LIABILITY", 1000, until);
        body.put("currency", "EURO");
        as("facility").body(body).post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("currency"));
        body = certificate("X-1", "FLOOD", 1000, until);
        as("facility").body(body).post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(400)
                .body("errors[0].field", equalTo("coverage"));
        body = certificate("X-1", "PUBLIC_LIABILITY", 0, until);
        as("facility").body(body).post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        body = certificate("X-1", "PUBLIC_LIABILITY", 1000, Instant.now().minus(Duration.ofDays(3)));
        as("facility").body(body).post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(400)
                .body("errors[0].field", equalTo("validTo"));
        // A year past four digits would pass every rule and fail at the database (timestamps end in 294276).
        body = certificate("X-1", "PUBLIC_LIABILITY", 1000, until);
        body.put("validTo", "+300000-01-01T00:00:00Z");
        as("facility").body(body).post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("validTo"))
                .body("errors[0].message", equalTo(Rfc3339.RULE));
        // So would an exponent that makes a short number vast: its digits overflow what @Digits counts.
        body = certificate("X-1", "PUBLIC_LIABILITY", 1000, until);
        body.put("amount", "VAST");
        String vast = new ObjectMapper().writeValueAsString(body)
                .replace("\"VAST\"", "1E+2147483647");
        as("facility").body(vast).post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", equalTo("must have at most 1000 digits before and after the decimal "
                        + "point"));
        body = certificate("X-1", "PUBLIC_LIABILITY", 1000, until);
        as("attendee").body(body).post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(403);
        // Certificates are facility's: organizers and finance may read them, not register them.
        as("organizer").body(body).post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(403)
                .contentType("application/problem+json");
        as("finance").body(body).post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(403)
                .contentType("application/problem+json");
        as("facility").body(body).post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(201);
        as("facility").body(body).post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aCertificateRegisteredByMistakeIsWithdrawnAndNoLongerCountsNorIsWarnedAbout() {
        UUID eventId = UUID.randomUUID();
        Instant start = Api.daysFromNow(20);
        Instant end = start.plus(Duration.ofHours(8));
        Api.scheduled(eventId, start, end);
        Api.headcount(eventId, 1, 250);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.readiness(eventId).statusCode(200)
                .body("expectedHeadcount", equalTo(250)));
        as("facility").body(certificate("EC-9", "EVENT_CANCELLATION", 150_000, end.plus(Duration.ofDays(2))))
                .post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(201);
        // Its expiry falls inside the warning period once the clock has moved on; the mistake is withdrawn first.
        String mistaken = as("facility").body(certificate("PL-9", "PUBLIC_LIABILITY", 2_000_000,
                start.plus(Duration.ofDays(10)))).post("/api/events/{e}/insurance-certificates", eventId).then()
                .statusCode(201).extract().path("id");
        Api.readiness(eventId).body(INSURANCE + ".status", equalTo("MET"))
                .body(INSURANCE + ".reason", containsString("by policy PL-9"));

        // Organizers and finance read certificates; only facility staff withdraw one, of an event it may see.
        as("organizer").delete("/api/events/{e}/insurance-certificates/{c}", eventId, mistaken).then()
                .statusCode(403).contentType("application/problem+json");
        as("facility").delete("/api/events/{e}/insurance-certificates/{c}", UUID.randomUUID(), mistaken).then()
                .statusCode(404).contentType("application/problem+json");
        as("facility").delete("/api/events/{e}/insurance-certificates/{c}", eventId, UUID.randomUUID()).then()
                .statusCode(404);
        Api.readiness(eventId).body(INSURANCE + ".status", equalTo("MET"));

        String withdrawnAt = as("facility").delete("/api/events/{e}/insurance-certificates/{c}", eventId, mistaken)
                .then().statusCode(200).body("withdrawnAt", notNullValue()).body("withdrawnBy", notNullValue())
                .body("policyNumber", equalTo("PL-9")).extract().path("withdrawnAt");
        Api.readiness(eventId).body("ready", equalTo(false)).body(INSURANCE + ".status", equalTo("NOT_MET"))
                .body(INSURANCE + ".reason", containsString("PUBLIC_LIABILITY of at least 1000000 EUR: no certificate"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.announced(eventId, VenueEvents.READINESS_ASSESSED.name())).last()
                .satisfies(r -> assertThat(r.value()).contains("no certificate")));
        // Withdrawing it again answers the same and changes nothing; it stays listed.
        as("facility").delete("/api/events/{e}/insurance-certificates/{c}", eventId, mistaken).then()
                .statusCode(200).body("withdrawnAt", equalTo(withdrawnAt));
        as("finance").get("/api/events/{e}/insurance-certificates", eventId).then().statusCode(200)
                .body("size()", equalTo(2)).body("find { it.id == '" + mistaken + "' }.withdrawnAt",
                        equalTo(withdrawnAt))
                .body("find { it.policyNumber == 'EC-9' }.withdrawnAt", nullValue());

        // The corrected certificate, same policy, may be registered again and counts.
        as("facility").body(certificate("PL-9", "PUBLIC_LIABILITY", 2_000_000, end.plus(Duration.ofDays(40))))
                .post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(201);
        as("facility").body(certificate("PL-9", "PUBLIC_LIABILITY", 2_000_000, end.plus(Duration.ofDays(40))))
                .post("/api/events/{e}/insurance-certificates", eventId).then().statusCode(409);
        Api.readiness(eventId).body(INSURANCE + ".status", equalTo("MET"));

        // Twenty days on, both EC-9 and the withdrawn one expire within the warning period: only EC-9 is warned about.
        TestClock.advance(Duration.ofDays(20));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.announced(eventId, VenueEvents.INSURANCE_CERTIFICATE_EXPIRING.name())).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"policyNumber\": \"EC-9\"")));
        as("organizer").get("/api/events/{e}/insurance-certificates", eventId).then()
                .body("find { it.id == '" + mistaken + "' }.expiryAnnouncedAt", nullValue());
    }
}
