package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The workshop is full and five wait. A speaker's colleague is fourth in line: the organizer moves her to the front,
 * and the next freed seat is hers. Whoever registers afterwards still queues behind everyone.
 */
@QuarkusTest
class WaitingListOrderTest {
    private static String register(UUID eventId, String who) {
        return Api.register(eventId, who + "-" + eventId + "@example.com", who).statusCode(201).extract().path("id");
    }

    private static ValidatableResponse move(UUID eventId, String registrationId, Object position) {
        return given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("position", position))
                .put("/api/events/{e}/registrations/{r}/waiting-list-position", eventId, registrationId).then();
    }

    private static Integer position(UUID eventId, String registrationId) {
        return given().header("Authorization", Tokens.organizer())
                .get("/api/events/{e}/registrations/{r}", eventId, registrationId).then().statusCode(200).extract()
                .path("waitlistPosition");
    }

    private static List<Integer> positions(UUID eventId, List<String> registrationIds) {
        return registrationIds.stream().map(id -> position(eventId, id)).toList();
    }

    @Test
    void anOrganizerMovesSomeoneToTheFrontAndTheNextFreedSeatIsTheirs() {
        UUID eventId = Api.scheduleEvent("Full workshop", 1);
        String ada = register(eventId, "ada");
        String bo = register(eventId, "bo");
        String cy = register(eventId, "cy");
        String di = register(eventId, "di");
        String eve = register(eventId, "eve");
        String fay = register(eventId, "fay");
        assertThat(positions(eventId, List.of(bo, cy, di, eve, fay))).containsExactly(1, 2, 3, 4, 5);

        move(eventId, eve, 1).statusCode(200).body("waitlistPosition", equalTo(1))
                .body("status", equalTo("WAITLISTED"));
        assertThat(positions(eventId, List.of(eve, bo, cy, di, fay))).containsExactly(1, 2, 3, 4, 5);
        move(eventId, bo, 5).statusCode(200).body("waitlistPosition", equalTo(5));
        assertThat(positions(eventId, List.of(eve, cy, di, fay, bo))).containsExactly(1, 2, 3, 4, 5);
        move(eventId, cy, 2).statusCode(200).body("waitlistPosition", equalTo(2));
        // The roll shows each one's place, whatever order they registered in.
        given().header("Authorization", Tokens.organizer()).queryParam("status", "WAITLISTED")
                .get("/api/events/{e}/roll", eventId).then().statusCode(200)
                .body("registrations.attendee.name", equalTo(List.of("bo", "cy", "di", "eve", "fay")))
                .body("registrations.waitlistPosition", equalTo(List.of(5, 2, 3, 1, 4)));
        given().header("Authorization", Tokens.organizer()).queryParam("limit", 2)
                .get("/api/events/{e}/roll", eventId).then().statusCode(200)
                .body("registrations.waitlistPosition", equalTo(java.util.Arrays.asList(null, 5)));

        // Refused: beyond the end, below 1, a confirmed registration, someone else's role or organisation.
        move(eventId, di, 6).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("position"))
                .body("detail", org.hamcrest.Matchers.containsString("at most 5"));
        move(eventId, di, 0).statusCode(400).body("errors.field", hasItem("position"));
        move(eventId, di, "first").statusCode(400);
        move(eventId, ada, 1).statusCode(409).body("type", equalTo("https://convene.app/problems/not-waitlisted"));
        given().header("Authorization", Tokens.bearer("attendee", "di-" + eventId + "@example.com"))
                .contentType(ContentType.JSON).body(Map.of("position", 1))
                .put("/api/events/{e}/registrations/{r}/waiting-list-position", eventId, di).then().statusCode(403);
        given().header("Authorization", Tokens.bearer("organizer", "gina@globex.example", "globex"))
                .contentType(ContentType.JSON).body(Map.of("position", 1))
                .put("/api/events/{e}/registrations/{r}/waiting-list-position", eventId, di).then().statusCode(404);

        // Who registers now queues behind everyone; the freed seat goes to the one moved to the front.
        String gus = register(eventId, "gus");
        assertThat(positions(eventId, List.of(eve, cy, di, fay, bo, gus))).containsExactly(1, 2, 3, 4, 5, 6);
        Api.asOrganizer("POST", "/api/events/{e}/registrations/{r}/cancel", eventId, ada).statusCode(200);
        given().header("Authorization", Tokens.organizer()).get("/api/events/{e}/registrations/{r}", eventId, eve)
                .then().body("status", equalTo("CONFIRMED"));
        assertThat(positions(eventId, List.of(cy, di, fay, bo, gus))).containsExactly(1, 2, 3, 4, 5);
        move(eventId, eve, 1).statusCode(409);
    }

    @Test
    void organizersReorderingAtOnceWhilePeopleRegisterLeaveOneGaplessQueue() throws Exception {
        for (int round = 0; round < 3; round++) {
            UUID eventId = Api.scheduleEvent("Busy queue " + round, 1);
            register(eventId, "seated");
            List<String> waiting = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                waiting.add(register(eventId, "w" + i));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Integer>> moves = IntStream.range(4, 8).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> {
                        await(go);
                        return move(eventId, waiting.get(i), 1).extract().statusCode();
                    })).toList();
            int r = round;
            List<CompletableFuture<String>> joins = IntStream.range(0, 2).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> {
                        await(go);
                        return register(eventId, "late" + r + i);
                    })).toList();
            go.countDown();
            for (var move : moves) {
                assertThat(move.get()).as("round " + round).isEqualTo(200);
            }
            List<String> late = new ArrayList<>();
            for (var join : joins) {
                late.add(join.get());
            }
            List<Integer> earlier = positions(eventId, waiting);
            List<Integer> later = positions(eventId, late);
            assertThat(earlier).as("round " + round + ": those waiting before").doesNotHaveDuplicates()
                    .allSatisfy(p -> assertThat(p).isBetween(1, 8));
            assertThat(later).as("round " + round + ": who joined meanwhile").containsExactlyInAnyOrder(9, 10);
            assertThat(positions(eventId, waiting.subList(4, 8))).as("round " + round + ": the four moved")
                    .containsExactlyInAnyOrder(1, 2, 3, 4);
        }
    }

    private static void await(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
