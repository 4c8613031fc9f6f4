package app.convene.venue;

import static app.convene.venue.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.testing.IdempotentPosts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A facility coordinator on a flaky connection retries with the same Idempotency-Key: one venue, one room, one
 * booking, one certificate, one inspection, and the first answer again. The same key with another request is refused.
 */
@QuarkusTest
class IdempotencyKeyTest {
    private static final String REUSED = "https://convene.app/problems/idempotency-key-reused";

    private static ExtractableResponse<Response> post(String role, String key, Object body, String path,
            Object... values) {
        var request = as(role).header("Idempotency-Key", key);
        if (body != null) {
            request.body(body);
        }
        return request.post(path, values).then().extract();
    }

    private static void assertReplayed(ExtractableResponse<Response> first, ExtractableResponse<Response> retry) {
        assertThat(retry.statusCode()).isEqualTo(first.statusCode());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
    }

    private static Map<String, Object> venue() {
        return Map.of("name", "Venue " + UUID.randomUUID(), "address", Map.of("street", "Keizersgracht 1",
                "postalCode", "1015 CJ", "city", "Amsterdam", "country", "NL"));
    }

    private static Map<String, Object> room(String name) {
        return Map.of("name", name, "seatedCapacity", 120, "standingCapacity", 150, "safeOccupancy", 140,
                "accessibilityFeatures", List.of("step-free access"), "equipment", List.of("projector"));
    }

    private static Map<String, Object> booking(UUID roomId, UUID eventId, Instant startsAt) {
        return Map.of("roomId", roomId, "eventId", eventId, "startsAt", startsAt.toString(),
                "endsAt", startsAt.plus(Duration.ofHours(8)).toString(), "setupMinutes", 60, "teardownMinutes", 30);
    }

    private static UUID event(Instant startsAt) {
        return Api.event(startsAt, startsAt.plus(Duration.ofHours(8)));
    }

    @Test
    void aRetriedVenueAndRoomAreRegisteredOnce() {
        String venueKey = UUID.randomUUID().toString();
        Map<String, Object> venue = venue();
        ExtractableResponse<Response> registered = post("facility", venueKey, venue, "/api/venues");
        // Without the key the same venue again is a 409; with it the retry gets the first answer.
        ExtractableResponse<Response> registeredAgain = post("facility", venueKey, venue, "/api/venues");
        assertThat(registered.statusCode()).isEqualTo(201);
        assertReplayed(registered, registeredAgain);
        String venueId = registered.path("id");

        String roomKey = UUID.randomUUID().toString();
        ExtractableResponse<Response> added = post("facility", roomKey, room("Hall A"), "/api/venues/{v}/rooms",
                venueId);
        ExtractableResponse<Response> addedAgain = post("facility", roomKey, room("Hall A"), "/api/venues/{v}/rooms",
                venueId);
        assertThat(added.statusCode()).isEqualTo(201);
        assertReplayed(added, addedAgain);

        // The room key with another room, or the venue key on another venue's request, is another request.
        ExtractableResponse<Response> otherRoom = post("facility", roomKey, room("Hall B"), "/api/venues/{v}/rooms",
                venueId);
        ExtractableResponse<Response> otherVenue = post("facility", venueKey, venue(), "/api/venues");
        for (ExtractableResponse<Response> refused : List.of(otherRoom, otherVenue)) {
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.<String>path("type")).isEqualTo(REUSED);
        }
        as("facility").get("/api/venues/{v}", venueId).then().statusCode(200).body("rooms", hasSize(1));
        long venues = as("facility").queryParam("q", venue.get("name")).get("/api/venues").then().extract()
                .jsonPath().getList("venues.findAll { it.name == '" + venue.get("name") + "' }").size();
        assertThat(venues).isEqualTo(1);
    }

    @Test
    void aRetriedBookingBooksOnceAndIsAnnouncedOnce() {
        UUID roomId = Api.venueWithRoom("Retry hall", 100, 100, 100);
        Instant start = Api.daysFromNow(120);
        UUID eventId = event(start);
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> booked = post("organizer", key, booking(roomId, eventId, start), "/api/bookings");
        ExtractableResponse<Response> bookedAgain = post("organizer", key, booking(roomId, eventId, start),
                "/api/bookings");

        assertThat(booked.statusCode()).isEqualTo(201);
        assertReplayed(booked, bookedAgain);
        as("facility").get("/api/rooms/{r}/bookings", roomId).then().body("bookings", hasSize(1));
        // The key on another event's booking is another request: refused, and nothing booked for it.
        UUID otherEvent = event(start.plus(Duration.ofDays(1)));
        ExtractableResponse<Response> elsewhere = post("organizer", key,
                booking(roomId, otherEvent, start.plus(Duration.ofDays(1))), "/api/bookings");
        assertThat(elsewhere.statusCode()).isEqualTo(422);
        assertThat(elsewhere.<String>path("type")).isEqualTo(REUSED);
        as("facility").get("/api/rooms/{r}/bookings", roomId).then().body("bookings", hasSize(1));

        String cancelKey = UUID.randomUUID().toString();
        Map<String, Object> reason = Map.of("reason", "moved online");
        ExtractableResponse<Response> cancelled = post("organizer", cancelKey, reason,
                "/api/bookings/{b}/cancellation", booked.<String>path("id"));
        ExtractableResponse<Response> cancelledAgain = post("organizer", cancelKey, reason,
                "/api/bookings/{b}/cancellation", booked.<String>path("id"));
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertReplayed(cancelled, cancelledAgain);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(Api.announced(eventId, VenueEvents.BOOKING_CONFIRMED.name())).hasSize(1);
            assertThat(Api.announced(eventId, VenueEvents.BOOKING_CANCELLED.name())).hasSize(1);
        });
        assertThat(Api.announced(otherEvent, VenueEvents.BOOKING_CONFIRMED.name())).isEmpty();
    }

    @Test
    void twoIdenticalBookingsRacingWithOneKeyBookOnceAndAnswerAlike() throws Exception {
        UUID roomId = Api.venueWithRoom("Race hall", 100, 100, 100);
        Instant start = Api.daysFromNow(130);
        UUID eventId = event(start);
        String key = UUID.randomUUID().toString();
        int clicks = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clicks);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return post("organizer", key, booking(roomId, eventId, start), "/api/bookings");
            }));
        }
        go.countDown();
        List<ExtractableResponse<Response>> responses = new ArrayList<>();
        for (Future<ExtractableResponse<Response>> answer : answers) {
            responses.add(answer.get());
        }
        pool.shutdown();

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(responses.stream().map(r -> r.jsonPath().getMap("")).distinct()).hasSize(1);
        assertThat(responses.stream().map(r -> r.header("Location")).distinct()).hasSize(1);
        assertThat(responses).filteredOn(r -> r.header("Idempotent-Replayed") == null).hasSize(1);
        as("facility").get("/api/rooms/{r}/bookings", roomId).then().body("bookings", hasSize(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.announced(eventId, VenueEvents.BOOKING_CONFIRMED.name())).hasSize(1));
    }

    @Test
    void aRetriedChecklistInspectionActionClosureAndSignOffTakeEffectOnce() {
        String templateId = as("facility").body(Map.of("name", "Fire safety " + UUID.randomUUID(),
                "category", "FIRE_SAFETY", "items", List.of(
                        Map.of("description", "Emergency exits clear", "mandatory", true, "dueHoursBeforeStart", 24))))
                .post("/api/checklist-templates").then().statusCode(201).extract().path("id");
        Instant start = Api.daysFromNow(140);
        UUID eventId = event(start);
        String bookingId = Api.book(Api.venueWithRoom("Inspected hall", 300, 0, 280), eventId, start,
                start.plus(Duration.ofHours(8)), 120, 60).statusCode(201).extract().path("id");

        String checklistKey = UUID.randomUUID().toString();
        ExtractableResponse<Response> checklist = post("facility", checklistKey, Map.of("templateId", templateId),
                "/api/bookings/{b}/checklists", bookingId);
        assertReplayed(checklist, post("facility", checklistKey, Map.of("templateId", templateId),
                "/api/bookings/{b}/checklists", bookingId));
        String checklistId = checklist.path("id");
        String exits = checklist.path("items[0].id");

        String inspectionKey = UUID.randomUUID().toString();
        Map<String, Object> failed = Map.of("results", List.of(Map.of("itemId", exits, "outcome", "FAILED",
                "note", "pallets at exit B", "action", Map.of("owner", "Bob (maintenance)",
                        "dueAt", start.minus(Duration.ofDays(3)).toString()))));
        ExtractableResponse<Response> inspected = post("facility", inspectionKey, failed,
                "/api/checklists/{c}/inspections", checklistId);
        ExtractableResponse<Response> inspectedAgain = post("facility", inspectionKey, failed,
                "/api/checklists/{c}/inspections", checklistId);
        assertThat(inspected.statusCode()).isEqualTo(201);
        assertThat(inspected.jsonPath().getList("openedActions")).hasSize(1);
        assertReplayed(inspected, inspectedAgain);
        as("organizer").get("/api/events/{e}/actions", eventId).then().body("$", hasSize(1));

        String actionId = inspected.path("openedActions[0].id");
        String closureKey = UUID.randomUUID().toString();
        Map<String, Object> resolution = Map.of("resolution", "pallets removed");
        ExtractableResponse<Response> closed = post("facility", closureKey, resolution, "/api/actions/{a}/closure",
                actionId);
        // Without the key closing again is a 409; with it the retry gets the first answer.
        assertReplayed(closed, post("facility", closureKey, resolution, "/api/actions/{a}/closure", actionId));
        assertThat(closed.statusCode()).isEqualTo(200);

        Map<String, Object> passed = Map.of("results", List.of(Map.of("itemId", exits, "outcome", "PASSED")));
        // The inspection key with another inspection is another request: refused, nothing recorded.
        ExtractableResponse<Response> reused = post("facility", inspectionKey, passed,
                "/api/checklists/{c}/inspections", checklistId);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.<String>path("type")).isEqualTo(REUSED);
        as("facility").body(passed).post("/api/checklists/{c}/inspections", checklistId).then().statusCode(201);

        String signOffKey = UUID.randomUUID().toString();
        ExtractableResponse<Response> signedOff = post("facility", signOffKey, null,
                "/api/checklists/{c}/sign-off", checklistId);
        assertThat(signedOff.statusCode()).isEqualTo(200);
        assertReplayed(signedOff, post("facility", signOffKey, null, "/api/checklists/{c}/sign-off", checklistId));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            // The failed walk and the passing one: two inspections, not three.
            assertThat(Api.announced(eventId, VenueEvents.INSPECTION_RECORDED.name())).hasSize(2);
            assertThat(Api.announced(eventId, VenueEvents.INSPECTION_FAILED.name())).hasSize(1);
        });
    }

    @Test
    void aRetriedCertificateAndTemplateAreRegisteredOnce() {
        Instant start = Api.daysFromNow(150);
        UUID eventId = event(start);
        Map<String, Object> certificate = new HashMap<>();
        certificate.put("insurer", "Delta Verzekeringen");
        certificate.put("policyNumber", "PL-" + UUID.randomUUID().toString().substring(0, 8));
        certificate.put("coverage", "PUBLIC_LIABILITY");
        certificate.put("amount", 2_000_000);
        certificate.put("currency", "EUR");
        certificate.put("validFrom", Instant.now().minus(Duration.ofDays(1)).toString());
        certificate.put("validTo", start.plus(Duration.ofDays(30)).toString());
        certificate.put("documentReference", "dms://insurance/retry.pdf");
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> registered = post("facility", key, certificate,
                "/api/events/{e}/insurance-certificates", eventId);
        assertThat(registered.statusCode()).isEqualTo(201);
        assertReplayed(registered, post("facility", key, certificate, "/api/events/{e}/insurance-certificates",
                eventId));
        as("organizer").get("/api/events/{e}/insurance-certificates", eventId).then().body("$", hasSize(1));

        Map<String, Object> template = Map.of("name", "Cleaning " + UUID.randomUUID(), "category", "CLEANING",
                "items", List.of(Map.of("description", "Floors mopped", "mandatory", false,
                        "dueHoursBeforeStart", 2)));
        String templateKey = UUID.randomUUID().toString();
        ExtractableResponse<Response> created = post("facility", templateKey, template, "/api/checklist-templates");
        assertThat(created.statusCode()).isEqualTo(201);
        assertReplayed(created, post("facility", templateKey, template, "/api/checklist-templates"));
    }

    /** A new POST that forgets the header fails here: every POST of the API declares it, and its 422. */
    @Test
    void everyPostOfTheDocumentDeclaresTheIdempotencyKey() {
        IdempotentPosts survey = IdempotentPosts.survey();
        assertThat(survey.posts()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(survey.withoutKey()).as("POSTs without the Idempotency-Key header or its 422").isEmpty();
        assertThat(survey.idempotentByNature()).isEmpty();
    }
}
