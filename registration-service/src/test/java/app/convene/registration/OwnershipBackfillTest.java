package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.RegistrationEvents;

import app.convene.backbone.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An event scheduled before events had owners (a row without access, as the local stack keeps them) is given one by
 * the migration: organisation acme, the stack's default organizer as owner, not confidential; and it is announced
 * again with that access, so the other services learn it.
 */
@QuarkusTest
class OwnershipBackfillTest {
    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;

    @Test
    void anEventFromBeforeOwnershipBelongsToAcmeAndItsDefaultOrganizer() throws IOException {
        UUID eventId = UUID.randomUUID();
        // Whole microseconds, as PostgreSQL keeps them (it would round the nanoseconds, not cut them).
        Instant start = Instant.now().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into event (id, title, starts_at, ends_at, time_zone, capacity, created_at)
                values (?1, 'Old summit', ?2, ?3, 'Europe/Stockholm', 10, now())
                """).setParameter(1, eventId).setParameter(2, start).setParameter(3, start.plusSeconds(3600))
                .executeUpdate());
        given().header("Authorization", Tokens.bearer("organizer", "organizer@example.com"))
                .get("/api/events/{e}", eventId).then().statusCode(404);

        // The migration's backfill, as it ran on databases that had events already.
        String backfill = firstStatement("db/migration/V5__event_ownership.sql");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(backfill).executeUpdate());

        // ... and its announcement, so that the other services learn the event's access too.
        String announce = firstStatement("db/migration/V6__announce_access_of_existing_events.sql");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(announce).executeUpdate());
        String payload = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery("""
                select cast(payload as text) from outbox_event
                where aggregate_id = ?1 and event_type = 'registration.event-updated.v1'
                """).setParameter(1, eventId.toString()).getSingleResult());
        RegistrationEvents.EventUpdated announced = objectMapper.readValue(payload, RegistrationEvents.EventUpdated.class);
        assertThat(announced.eventId()).isEqualTo(eventId);
        assertThat(announced.title()).isEqualTo("Old summit");
        assertThat(announced.startsAt()).isEqualTo(start.truncatedTo(ChronoUnit.MICROS));
        assertThat(announced.capacity()).isEqualTo(10);
        assertThat(announced.status()).isEqualTo("PUBLISHED");
        assertThat(announced.access()).isEqualTo(new EventAccess("acme", "organizer@example.com", false, List.of(),
                List.of()));

        given().header("Authorization", Tokens.bearer("organizer", "organizer@example.com"))
                .get("/api/events/{e}", eventId).then().statusCode(200)
                .body("access.organisation", equalTo("acme")).body("access.owner", equalTo("organizer@example.com"))
                .body("confidential", equalTo(false));
        given().header("Authorization", Tokens.bearer("organizer", "organizer@example.com")).contentType("application/json")
                .body("{\"capacity\": 12}").patch("/api/events/{e}", eventId).then().statusCode(200);
        given().header("Authorization", Tokens.organizer()).contentType("application/json")
                .body("{\"capacity\": 14}").patch("/api/events/{e}", eventId).then().statusCode(403);
        given().header("Authorization", Tokens.bearer("organizer", "organizer@example.com", "globex"))
                .get("/api/events/{e}", eventId).then().statusCode(404);
    }

    /** The migration's first statement, its comments left out. */
    private static String firstStatement(String resource) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return sql.substring(0, sql.indexOf(';')).strip();
        }
    }
}
