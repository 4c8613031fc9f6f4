package app.convene.venue;

import static app.convene.venue.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.convene.backbone.event.VenueEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class InspectionStoryTest {
    private static final String COMPLETE = "checks.find { it.name == 'checklists complete' }";
    private static final String SIGNED_OFF = "checks.find { it.name == 'inspection signed off' }";

    @Test
    void aFailedFireSafetyItemIsAnnouncedAndBlocksReadinessUntilItsActionIsClosedAndTheFacilitySignsOff() {
        var created = as("facility").body(Map.of("name", "Fire safety " + UUID.randomUUID(),
                "category", "FIRE_SAFETY", "items", List.of(
                        Map.of("description", "Emergency exits clear", "mandatory", true, "dueHoursBeforeStart", 24),
                        Map.of("description", "Extinguishers serviced", "mandatory", true, "dueHoursBeforeStart", 48),
                        Map.of("description", "Spare bulbs in store", "mandatory", false, "dueHoursBeforeStart", 2))))
                .post("/api/checklist-templates").then().statusCode(201).extract();
        String templateId = created.path("id");
        // The Location is the template, with its items, as the 201 gave it.
        assertThat(as("organizer").get(created.header("Location")).then().statusCode(200).extract().jsonPath()
                .getMap("$")).isEqualTo(created.jsonPath().getMap("$"));
        Instant start = Api.daysFromNow(30);
        UUID eventId = Api.event(start, start.plus(Duration.ofHours(8)));
        String bookingId = Api.book(Api.venueWithRoom("Auditorium", 300, 0, 280), eventId, start,
                start.plus(Duration.ofHours(8)), 120, 60).statusCode(201).extract().path("id");

        JsonPath checklist = as("facility").body(Map.of("templateId", templateId))
                .post("/api/bookings/{b}/checklists", bookingId).then().statusCode(201)
                .body("items", hasSize(3))
                .body("items[0].dueAt", equalTo(start.minus(Duration.ofHours(24)).toString()))
                .extract().jsonPath();
        String checklistId = checklist.getString("id");
        String exits = checklist.getString("items[0].id");
        String extinguishers = checklist.getString("items[1].id");
        String bulbs = checklist.getString("items[2].id");
        Api.readiness(eventId).statusCode(200).body(COMPLETE + ".status", equalTo("NOT_MET"))
                .body(COMPLETE + ".reason", containsString("'Emergency exits clear' is not inspected yet"));

        // A mandatory item cannot be waved through, and a failure needs someone to fix it.
        as("facility").body(Map.of("results", List.of(Map.of("itemId", exits, "outcome", "NOT_APPLICABLE"))))
                .post("/api/checklists/{c}/inspections", checklistId).then().statusCode(400)
                .body("errors[0].field", equalTo("results[0].outcome"));
        as("facility").body(Map.of("results", List.of(Map.of("itemId", exits, "outcome", "FAILED"))))
                .post("/api/checklists/{c}/inspections", checklistId).then().statusCode(400)
                .body("errors[0].field", equalTo("results[0].action"));

        Instant due = start.minus(Duration.ofDays(3));
        String actionId = as("facility").body(Map.of("results", List.of(
                Map.of("itemId", exits, "outcome", "FAILED", "note", "pallets stacked at exit B",
                        "action", Map.of("owner", "Bob (maintenance)", "dueAt", due.toString())),
                Map.of("itemId", extinguishers, "outcome", "PASSED"),
                Map.of("itemId", bulbs, "outcome", "NOT_APPLICABLE", "note", "LED fittings"))))
                .post("/api/checklists/{c}/inspections", checklistId).then().statusCode(201)
                .body("openedActions", hasSize(1)).body("openedActions[0].owner", equalTo("Bob (maintenance)"))
                .body("openedActions[0].status", equalTo("OPEN"))
                .extract().path("openedActions[0].id");

        Api.readiness(eventId).body("ready", equalTo(false)).body(COMPLETE + ".status", equalTo("NOT_MET"))
                .body(COMPLETE + ".reason", containsString("'Emergency exits clear' failed; action " + actionId));

        // The failure is announced at once: what failed, what the inspector saw, and who fixes it by when.
        JsonPath failed = JsonPath.from(await().atMost(Duration.ofSeconds(20)).until(
                () -> Api.announced(eventId, VenueEvents.INSPECTION_FAILED.name()), r -> r.size() == 1).get(0).value());
        assertThat(failed.getString("checklistId")).isEqualTo(checklistId);
        assertThat(failed.getString("category")).isEqualTo("FIRE_SAFETY");
        assertThat(failed.getString("checklistName")).startsWith("Fire safety ");
        assertThat(failed.getString("inspector")).isEqualTo(Api.FACILITY);
        assertThat(failed.getString("inspectedAt")).isNotBlank();
        assertThat(failed.getList("failedItems")).hasSize(1);
        assertThat(failed.getString("failedItems[0].itemId")).isEqualTo(exits);
        assertThat(failed.getString("failedItems[0].description")).isEqualTo("Emergency exits clear");
        assertThat(failed.getBoolean("failedItems[0].mandatory")).isTrue();
        assertThat(failed.getString("failedItems[0].note")).isEqualTo("pallets stacked at exit B");
        assertThat(failed.getString("failedItems[0].action.actionId")).isEqualTo(actionId);
        assertThat(failed.getString("failedItems[0].action.owner")).isEqualTo("Bob (maintenance)");
        assertThat(Instant.parse(failed.getString("failedItems[0].action.dueAt"))).isEqualTo(due);

        // Walked again before the fix: failed again, announced again with the action already open (none opened).
        String again = as("facility").body(Map.of("results", List.of(
                Map.of("itemId", exits, "outcome", "FAILED", "note", "pallets still at exit B"),
                Map.of("itemId", extinguishers, "outcome", "PASSED"))))
                .post("/api/checklists/{c}/inspections", checklistId).then().statusCode(201)
                .body("openedActions", hasSize(0)).extract().path("id");
        List<ConsumerRecord<String, String>> announced = await().atMost(Duration.ofSeconds(20)).until(
                () -> Api.announced(eventId, VenueEvents.INSPECTION_FAILED.name()), r -> r.size() == 2);
        JsonPath second = JsonPath.from(announced.get(1).value());
        assertThat(second.getString("inspectionId")).isEqualTo(again);
        assertThat(second.getString("failedItems[0].note")).isEqualTo("pallets still at exit B");
        assertThat(second.getString("failedItems[0].action.actionId")).isEqualTo(actionId);
        as("organizer").post("/api/checklists/{c}/sign-off", checklistId).then().statusCode(403)
                .contentType("application/problem+json");
        as("facility").post("/api/checklists/{c}/sign-off", checklistId).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/checklist-incomplete"))
                .body("detail", containsString(actionId));

        as("facility").body(Map.of("resolution", "pallets removed, exit B clear")).post("/api/actions/{a}/closure",
                actionId).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedBy", equalTo(Api.FACILITY));
        as("facility").body(Map.of("resolution", "again")).post("/api/actions/{a}/closure", actionId).then()
                .statusCode(409);
        Api.readiness(eventId).body(COMPLETE + ".status", equalTo("MET"))
                .body(SIGNED_OFF + ".status", equalTo("NOT_MET"));

        // Walked once more after the fix: everything passed, nothing more is announced.
        as("facility").body(Map.of("results", List.of(Map.of("itemId", exits, "outcome", "PASSED"))))
                .post("/api/checklists/{c}/inspections", checklistId).then().statusCode(201);
        as("facility").post("/api/checklists/{c}/sign-off", checklistId).then().statusCode(200)
                .body("signedOffBy", equalTo(Api.FACILITY));
        Api.readiness(eventId).body(SIGNED_OFF + ".status", equalTo("MET"));
        as("facility").body(Map.of("results", List.of(Map.of("itemId", exits, "outcome", "PASSED"))))
                .post("/api/checklists/{c}/inspections", checklistId).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/checklist-signed-off"));
        as("organizer").get("/api/events/{e}/actions", eventId).then().statusCode(200)
                .body("status", equalTo(List.of("CLOSED")));
        as("organizer").get("/api/events/{e}/checklists", eventId).then().statusCode(200)
                .body("signedOffBy", equalTo(List.of(Api.FACILITY)));

        // A second checklist on the booking: the event's list shows each checklist with its own items, each item
        // with its latest action and what still blocks it, as each checklist read on its own does.
        String catering = as("facility").body(Map.of("name", "Catering " + UUID.randomUUID(),
                "category", "CATERING_SETUP", "items", List.of(Map.of("description", "Allergen list posted",
                        "mandatory", true, "dueHoursBeforeStart", 4))))
                .post("/api/checklist-templates").then().statusCode(201).extract().path("id");
        String cateringChecklist = as("facility").body(Map.of("templateId", catering))
                .post("/api/bookings/{b}/checklists", bookingId).then().statusCode(201).extract().path("id");
        JsonPath listed = as("organizer").get("/api/events/{e}/checklists", eventId).then().statusCode(200)
                .body("id", equalTo(List.of(checklistId, cateringChecklist))).extract().jsonPath();
        assertThat(listed.getList("[0].items.description", String.class)).containsExactly("Emergency exits clear",
                "Extinguishers serviced", "Spare bulbs in store");
        assertThat(listed.getString("[0].items[0].latestAction.id")).isEqualTo(actionId);
        assertThat(listed.getString("[0].items[0].latestAction.status")).isEqualTo("CLOSED");
        assertThat(listed.getString("[0].items[0].blocking")).isNull();
        assertThat(listed.getString("[0].items[1].latestAction")).isNull();
        assertThat(listed.getList("[1].items.description", String.class)).containsExactly("Allergen list posted");
        assertThat(listed.getString("[1].items[0].blocking")).contains("'Allergen list posted' is not inspected yet");
        for (int i = 0; i < 2; i++) {
            assertThat(listed.getMap("[" + i + "]")).isEqualTo(as("organizer")
                    .get("/api/checklists/{c}", listed.getString("[" + i + "].id")).then().statusCode(200).extract()
                    .jsonPath().getMap("$"));
        }
        assertThat(Api.announced(eventId, VenueEvents.INSPECTION_FAILED.name())).hasSize(2);

        // Every inspection is announced with its outcome, passed or not, and the closure of the action too.
        List<ConsumerRecord<String, String>> recorded = await().atMost(Duration.ofSeconds(20)).until(
                () -> Api.announced(eventId, VenueEvents.INSPECTION_RECORDED.name()), r -> r.size() == 3);
        JsonPath first = JsonPath.from(recorded.get(0).value());
        assertThat(first.getString("checklistId")).isEqualTo(checklistId);
        assertThat(first.getInt("passed")).isEqualTo(1);
        assertThat(first.getInt("failed")).isEqualTo(1);
        assertThat(first.getInt("notApplicable")).isEqualTo(1);
        assertThat(JsonPath.from(recorded.get(2).value()).getInt("passed")).isEqualTo(1);
        assertThat(JsonPath.from(recorded.get(2).value()).getInt("failed")).isZero();
        JsonPath closed = JsonPath.from(await().atMost(Duration.ofSeconds(20)).until(
                () -> Api.announced(eventId, VenueEvents.CORRECTIVE_ACTION_CLOSED.name()), r -> r.size() == 1)
                .get(0).value());
        assertThat(closed.getString("actionId")).isEqualTo(actionId);
        assertThat(closed.getString("itemId")).isEqualTo(exits);
    }
}
