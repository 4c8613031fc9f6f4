package app.convene.venue;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.Topics;
import app.convene.backbone.testing.EventRecords;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The calls the stories make, as the front-ends would make them. */
final class Api {
    static final String FACILITY = "frank.facility@example.com";
    static final String ORGANIZER = "olivia.organizer@example.com";

    private Api() {
    }

    /** Who may see and change the stories' events unless a story says otherwise: acme, owned by the organizer. */
    static final EventAccess ACCESS = new EventAccess(Tokens.ORGANISATION, ORGANIZER, false, List.of(), List.of());

    static RequestSpecification as(String role) {
        String subject = switch (role) {
            case "facility" -> FACILITY;
            case "organizer" -> ORGANIZER;
            default -> role + "@example.com";
        };
        return given().header("Authorization", Tokens.bearer(role, subject)).contentType(ContentType.JSON);
    }

    /** A venue with one room; returns the room id. */
    static UUID venueWithRoom(String roomName, int seated, int standing, int safeOccupancy) {
        String venueId = as("facility").body(Map.of("name", "Venue " + UUID.randomUUID(),
                "address", Map.of("street", "Keizersgracht 1", "postalCode", "1015 CJ", "city", "Amsterdam",
                        "country", "NL")))
                .post("/api/venues").then().statusCode(201).extract().path("id");
        String roomId = as("facility").body(Map.of("name", roomName, "seatedCapacity", seated,
                "standingCapacity", standing, "safeOccupancy", safeOccupancy,
                "accessibilityFeatures", List.of("step-free access"), "equipment", List.of("projector")))
                .post("/api/venues/{v}/rooms", venueId).then().statusCode(201).extract().path("id");
        return UUID.fromString(roomId);
    }

    /** The venue a room of acme belongs to. */
    static UUID venueOf(UUID roomId) {
        return UUID.fromString(as("facility").get("/api/rooms/{r}", roomId).then().statusCode(200).extract()
                .path("venueId"));
    }

    /** A room for 80, 60 of them safely, added to the venue. */
    static UUID room(UUID venueId, String name) {
        return UUID.fromString(as("facility").body(Map.of("name", name, "seatedCapacity", 80, "standingCapacity", 80,
                "safeOccupancy", 60)).post("/api/venues/{v}/rooms", venueId).then().statusCode(201).extract()
                .path("id"));
    }

    static ValidatableResponse book(UUID roomId, UUID eventId, Instant startsAt, Instant endsAt, int setupMinutes,
            int teardownMinutes) {
        return as("organizer").body(Map.of("roomId", roomId, "eventId", eventId, "startsAt", startsAt.toString(),
                "endsAt", endsAt.toString(), "setupMinutes", setupMinutes, "teardownMinutes", teardownMinutes))
                .post("/api/bookings").then();
    }

    static ValidatableResponse readiness(UUID eventId) {
        return as("facility").get("/api/events/{e}/readiness", eventId).then();
    }

    static void scheduled(UUID eventId, Instant startsAt, Instant endsAt) {
        scheduled(eventId, startsAt, endsAt, ACCESS);
    }

    static void scheduled(UUID eventId, Instant startsAt, Instant endsAt, EventAccess access) {
        scheduled(eventId, "Event " + eventId, startsAt, endsAt, access);
    }

    /** Registration announces the event with who may see and change it. */
    static void scheduled(UUID eventId, String title, Instant startsAt, Instant endsAt, EventAccess access) {
        KafkaBroker.send(EventRecords.of(RegistrationEvents.EVENT_SCHEDULED, eventId,
                new RegistrationEvents.EventScheduled(eventId, title, startsAt, endsAt, "Europe/Amsterdam", 500,
                        access)));
    }

    /** A new event of acme, owned by the organizer, scheduled by registration and known here once this returns. */
    static UUID event(Instant startsAt, Instant endsAt) {
        return event(startsAt, endsAt, ACCESS);
    }

    /** A new event with this access, known here once this returns. */
    static UUID event(Instant startsAt, Instant endsAt, EventAccess access) {
        UUID eventId = UUID.randomUUID();
        return event(eventId, "Event " + eventId, startsAt, endsAt, access);
    }

    /** The event, titled, known here once this returns (its owner can read its readiness). */
    static UUID event(UUID eventId, String title, Instant startsAt, Instant endsAt, EventAccess access) {
        scheduled(eventId, title, startsAt, endsAt, access);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", Tokens.bearer("organizer", access.owner(), access.organisation()))
                .get("/api/events/{e}/readiness", eventId).then().statusCode(200));
        return eventId;
    }

    static RegistrationEvents.EventUpdated updated(UUID eventId, String title, Instant startsAt, Instant endsAt,
            int capacity, String status) {
        return new RegistrationEvents.EventUpdated(eventId, title, startsAt, endsAt, "Europe/Amsterdam", capacity,
                status, null, null, ACCESS);
    }

    static void cancelled(UUID eventId, Instant cancelledAt) {
        KafkaBroker.send(EventRecords.of(RegistrationEvents.EVENT_CANCELLED, eventId,
                new RegistrationEvents.EventCancelled(eventId, "Event " + eventId, cancelledAt)));
    }

    static void headcount(UUID eventId, long sequence, int confirmed) {
        KafkaBroker.send(EventRecords.of(RegistrationEvents.HEADCOUNT_CHANGED, eventId,
                new RegistrationEvents.HeadcountChanged(eventId, sequence, 500, confirmed, 0, 0, 0)));
    }

    /** What venue-service announced about the event, by type, in the order announced. */
    static List<ConsumerRecord<String, String>> announced(UUID eventId, String type) {
        return KafkaBroker.records(Topics.VENUE, Duration.ofSeconds(2)).stream()
                .filter(r -> eventId.toString().equals(r.key()))
                .filter(r -> type.equals(new String(r.headers().lastHeader("ce_type").value())))
                .collect(Collectors.toList());
    }

    static Instant daysFromNow(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    }

    /**
     * A two-hour booking of the room for the event from {@code start} and {@code other} sent at the same instant, from
     * two threads: the statuses they answered, the booking's first.
     */
    static List<Integer> bookingRacing(UUID roomId, UUID eventId, Instant start, Supplier<Integer> other)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Integer> booked = CompletableFuture.supplyAsync(() -> {
            awaitQuietly(go);
            return book(roomId, eventId, start, start.plus(Duration.ofHours(2)), 0, 0).extract().statusCode();
        });
        CompletableFuture<Integer> raced = CompletableFuture.supplyAsync(() -> {
            awaitQuietly(go);
            return other.get();
        });
        go.countDown();
        return List.of(booked.get(), raced.get());
    }

    private static void awaitQuietly(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
