package app.convene.notification;

import static app.convene.notification.Stories.announce;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Feedback needs a confirmed registration for the event (attendees) or a place on it (staff), and each author gives
 * one entry per event, however many requests race.
 */
@QuarkusTest
class FeedbackRulesTest {
    private static final String PROBLEMS = "https://convene.app/problems/";

    private static ValidatableResponse give(String bearer, UUID eventId, int rating, String comment) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(Map.of("rating", rating, "comment", comment)).post("/api/events/{e}/feedback", eventId).then();
    }

    private static String attendee(String email) {
        return Tokens.bearer("attendee", email);
    }

    /** An event that started an hour ago, so attendees may give feedback. */
    private static UUID startedEvent(String title, EventAccess access) {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, title, start, start.plus(Duration.ofHours(6)), "Europe/Amsterdam", 100, access);
        return eventId;
    }

    private static void confirmed(UUID eventId, UUID registrationId, String email) {
        announce(RegistrationEvents.CONFIRMED, eventId, new RegistrationEvents.RegistrationConfirmed(eventId,
                registrationId, email, Instant.now()));
    }

    private static void waitlisted(UUID eventId, UUID registrationId, String email) {
        announce(RegistrationEvents.WAITLISTED, eventId, new RegistrationEvents.RegistrationWaitlisted(eventId,
                registrationId, email, 1, Instant.now()));
    }

    @Test
    void onlyAttendeesWithAConfirmedRegistrationAndTheEventsMembersGiveFeedbackOnceEach() {
        UUID eventId = startedEvent("Customer day", Stories.ownedByOlivia());
        UUID carlsRegistration = UUID.randomUUID();
        UUID paulsRegistration = UUID.randomUUID();
        confirmed(eventId, UUID.randomUUID(), "Anna@Example.com");
        waitlisted(eventId, UUID.randomUUID(), "wally@example.com");
        waitlisted(eventId, paulsRegistration, "paul@example.com");
        // Announced in version 1 (with the attendee's name), which is still read.
        announce(RegistrationEvents.PROMOTED_V1, eventId, new RegistrationEvents.RegistrationPromotedV1(eventId,
                paulsRegistration, "paul@example.com", "Paul", Instant.now()));
        confirmed(eventId, carlsRegistration, "carl@example.com");
        announce(RegistrationEvents.CANCELLED, eventId, new RegistrationEvents.RegistrationCancelled(eventId,
                carlsRegistration, "carl@example.com", "CONFIRMED", Instant.now(), false));
        // The event's records arrive in order: once Carl's cancellation is known, so is everything before it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> give(attendee("carl@example.com"), eventId, 2, "x")
                .statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "no-confirmed-registration")));

        // Carl's confirmation published again after his cancellation (a relay repeating itself), and the very same
        // record of Wally's delivered twice: a cancellation stays final, a waitlisting stays one.
        UUID wallysRecord = UUID.randomUUID();
        var wallyAgain = new RegistrationEvents.RegistrationWaitlisted(eventId, UUID.randomUUID(),
                "wally@example.com", 2, Instant.now());
        confirmed(eventId, carlsRegistration, "carl@example.com");
        KafkaBroker.send(Stories.record(wallysRecord, RegistrationEvents.WAITLISTED,
                eventId, wallyAgain));
        KafkaBroker.send(Stories.record(wallysRecord, RegistrationEvents.WAITLISTED,
                eventId, wallyAgain));
        confirmed(eventId, UUID.randomUUID(), "zoe@example.com");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> give(attendee("zoe@example.com"), eventId, 5,
                "Lovely").statusCode(201));
        give(attendee("carl@example.com"), eventId, 2, "x").statusCode(403)
                .body("type", equalTo(PROBLEMS + "no-confirmed-registration"));

        String annas = give(attendee("anna@example.com"), eventId, 5, "Great demos").statusCode(201)
                .body("source", equalTo("ATTENDEE")).body("author", equalTo("anna@example.com")).extract()
                .header("Location");
        // The Location is Anna's entry: she reads it, staff who see the event read it, another attendee does not.
        given().header("Authorization", attendee("anna@example.com")).get(annas).then().statusCode(200)
                .body("comment", equalTo("Great demos")).body("rating", equalTo(5));
        given().header("Authorization", Tokens.bearer("facility", "frank.facility@example.com")).get(annas).then()
                .statusCode(200).body("author", equalTo("anna@example.com"));
        given().header("Authorization", attendee("zoe@example.com")).get(annas).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("attendee", "anna@example.com", "globex")).get(annas).then()
                .statusCode(404);
        give(attendee("ANNA@example.com"), eventId, 1, "Changed my mind").statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "feedback-already-given"));
        give(attendee("paul@example.com"), eventId, 4, "Glad I got a seat").statusCode(201);
        give(attendee("wally@example.com"), eventId, 3, "Never got in").statusCode(403)
                .body("type", equalTo(PROBLEMS + "no-confirmed-registration"));
        give(attendee("nora@example.com"), eventId, 3, "Not registered").statusCode(404)
                .contentType("application/problem+json");
        // Anna of another organisation is someone else: the event does not exist for her.
        give(Tokens.bearer("attendee", "anna@example.com", "globex"), eventId, 1, "globex").statusCode(404);

        // Staff: the owner may, once; facility who are not members of the event may not.
        give(Stories.ORGANIZER, eventId, 4, "Smooth running").statusCode(201).body("source", equalTo("STAFF"));
        give(Stories.ORGANIZER, eventId, 4, "Again").statusCode(409)
                .body("type", equalTo(PROBLEMS + "feedback-already-given"));
        give(Tokens.bearer("facility", "frank.facility@example.com"), eventId, 2, "Dock too narrow")
                .statusCode(403).body("type", equalTo(PROBLEMS + "not-event-member"));
        give(Tokens.bearer("organizer", "gina@globex.example", "globex"), eventId, 2, "globex").statusCode(404);

        // Who reads it: staff who may see the event; not attendees, not another organisation.
        given().header("Authorization", Tokens.bearer("facility", "frank.facility@example.com"))
                .get("/api/events/{e}/feedback", eventId).then().statusCode(200)
                .body("feedback.author", containsInAnyOrder("zoe@example.com", "anna@example.com",
                        "paul@example.com", Stories.OWNER))
                .body("feedback.comment", containsInAnyOrder("Lovely", "Great demos", "Glad I got a seat",
                        "Smooth running"));
        // A page at a time, oldest first: three, then the one after the third.
        var first = given().header("Authorization", Stories.ORGANIZER).queryParam("limit", 3)
                .get("/api/events/{e}/feedback", eventId).then().statusCode(200).extract();
        List<String> comments = new ArrayList<>(first.path("feedback.comment"));
        List<String> received = new ArrayList<>(first.path("feedback.receivedAt"));
        var second = given().header("Authorization", Stories.ORGANIZER).queryParam("limit", 3)
                .queryParam("after", first.<String>path("next")).get("/api/events/{e}/feedback", eventId).then()
                .statusCode(200).body("feedback", org.hamcrest.Matchers.hasSize(1)).body("next", equalTo(null))
                .extract();
        comments.addAll(second.path("feedback.comment"));
        received.addAll(second.path("feedback.receivedAt"));
        assertThat(comments).containsExactlyInAnyOrder("Lovely", "Great demos", "Glad I got a seat",
                "Smooth running");
        assertThat(received.stream().map(Instant::parse).toList()).isSorted();
        given().header("Authorization", Stories.ORGANIZER).queryParam("after", UUID.randomUUID())
                .get("/api/events/{e}/feedback", eventId).then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        given().header("Authorization", Stories.ORGANIZER).queryParam("limit", 0)
                .get("/api/events/{e}/feedback", eventId).then().statusCode(400);
        given().header("Authorization", attendee("anna@example.com")).get("/api/events/{e}/feedback", eventId)
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer("organizer", "gina@globex.example", "globex"))
                .get("/api/events/{e}/feedback", eventId).then().statusCode(404);

        String briefingId = Stories.briefings(eventId).extract().path("briefings[0].id");
        given().header("Authorization", Stories.ORGANIZER).get("/api/events/{e}/briefings/{b}", eventId, briefingId)
                .then().statusCode(200).body("facts.feedback.attendeeCount", equalTo(3))
                .body("facts.feedback.staffCount", equalTo(1));
    }

    @Test
    void aConfirmedAttendeeOfAnotherOrganisationsEventFindsNoSuchEvent() {
        UUID eventId = startedEvent("Globex town hall", new EventAccess("globex", "gina@globex.example", false,
                List.of(), List.of()));
        confirmed(eventId, UUID.randomUUID(), "anna@example.com");
        confirmed(eventId, UUID.randomUUID(), "gus@globex.example");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> give(
                Tokens.bearer("attendee", "gus@globex.example", "globex"), eventId, 4, "Good").statusCode(201));
        give(attendee("anna@example.com"), eventId, 5, "acme's Anna").statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void oneAuthorPostingManyTimesAtOnceLeavesExactlyOneEntry() throws Exception {
        UUID eventId = startedEvent("Race for feedback", Stories.ownedByOlivia());
        confirmed(eventId, UUID.randomUUID(), "rita@example.com");
        confirmed(eventId, UUID.randomUUID(), "sam@example.com");
        // Sam's first feedback shows that Rita's registration is known too (same event, in order).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> give(attendee("sam@example.com"), eventId, 3,
                "ok").statusCode(201));

        int racers = 8;
        CountDownLatch ready = new CountDownLatch(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int rating = 1 + i % 5;
                posts.add(() -> {
                    ready.countDown();
                    ready.await();
                    return given().header("Authorization", attendee("rita@example.com")).contentType(ContentType.JSON)
                            .body(Map.of("rating", rating, "comment", "take " + rating))
                            .post("/api/events/{e}/feedback", eventId).then().extract().statusCode();
                });
            }
            for (Future<Integer> result : pool.invokeAll(posts)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        List<String> authors = given().header("Authorization", Stories.ORGANIZER)
                .get("/api/events/{e}/feedback", eventId).then().statusCode(200).extract().path("feedback.author");
        assertThat(authors).containsExactlyInAnyOrder("rita@example.com", "sam@example.com");
    }
}
