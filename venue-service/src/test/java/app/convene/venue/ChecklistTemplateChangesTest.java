package app.convene.venue;

import static app.convene.venue.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The facility coordinator refines a checklist template after a season of inspections: checklists made before keep
 * what they were made with, those made afterwards take the new items.
 */
@QuarkusTest
class ChecklistTemplateChangesTest {

    private static String template(String name) {
        return as("facility").body(Map.of("name", name, "category", "FIRE_SAFETY", "items", List.of(
                Map.of("description", "Emergency exits clear", "mandatory", true, "dueHoursBeforeStart", 24),
                Map.of("description", "Extinguishers serviced", "mandatory", true, "dueHoursBeforeStart", 48))))
                .post("/api/checklist-templates").then().statusCode(201).extract().path("id");
    }

    private static String bookingFor(String room) {
        Instant start = Api.daysFromNow(35);
        UUID eventId = Api.event(start, start.plus(Duration.ofHours(6)));
        return Api.book(Api.venueWithRoom(room, 100, 0, 90), eventId, start, start.plus(Duration.ofHours(6)), 60,
                60).statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse change(String role, String templateId, Object body) {
        return as(role).body(body).patch("/api/checklist-templates/{t}", templateId).then();
    }

    @Test
    void aTemplateIsRefinedAndOnlyChecklistsMadeAfterwardsTakeTheNewItems() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String fireWalk = template("Fire walk " + tag);
        String other = template("Other walk " + tag);
        String before = as("facility").body(Map.of("templateId", fireWalk))
                .post("/api/bookings/{b}/checklists", bookingFor("Hall A")).then().statusCode(201).extract()
                .path("id");

        change("facility", fireWalk, Map.of("name", "Fire walk (2027) " + tag, "items", List.of(
                Map.of("description", "Emergency exits clear and signed", "mandatory", true, "dueHoursBeforeStart", 24),
                Map.of("description", "Extinguishers serviced", "mandatory", true, "dueHoursBeforeStart", 72),
                Map.of("description", "Evacuation chair in place", "mandatory", false, "dueHoursBeforeStart", 4))))
                .statusCode(200).body("name", equalTo("Fire walk (2027) " + tag))
                .body("category", equalTo("FIRE_SAFETY"))
                .body("items.description", equalTo(List.of("Emergency exits clear and signed",
                        "Extinguishers serviced", "Evacuation chair in place")))
                .body("items.position", equalTo(List.of(0, 1, 2)));
        as("organizer").get("/api/checklist-templates/{t}", fireWalk).then().statusCode(200)
                .body("items.size()", equalTo(3)).body("items[1].dueHoursBeforeStart", equalTo(72));

        // The checklist made before keeps its two items; one made now has the three.
        as("facility").get("/api/checklists/{c}", before).then().statusCode(200)
                .body("items.description", equalTo(List.of("Emergency exits clear", "Extinguishers serviced")));
        as("facility").body(Map.of("templateId", fireWalk)).post("/api/bookings/{b}/checklists", bookingFor("Hall B"))
                .then().statusCode(201).body("items.description", equalTo(List.of("Emergency exits clear and signed",
                        "Extinguishers serviced", "Evacuation chair in place")));

        // A category alone changes only that; every broken rule is named, and nothing of it is kept.
        change("facility", fireWalk, Map.of("category", "ACCESSIBILITY")).statusCode(200)
                .body("category", equalTo("ACCESSIBILITY")).body("items.size()", equalTo(3));
        change("facility", fireWalk, Map.of("name", "Other walk " + tag)).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/template-exists"));
        change("facility", fireWalk, Map.of("items", List.of())).statusCode(400)
                .body("errors[0].field", equalTo("items"));
        change("facility", fireWalk, Map.of("items", List.of(Map.of("description", "No hours", "mandatory", true))))
                .statusCode(400).body("errors[0].field", equalTo("items[0].dueHoursBeforeStart"));
        change("facility", fireWalk, Map.of("category", "PARTY")).statusCode(400)
                .body("errors[0].field", equalTo("category"));
        change("facility", fireWalk, Map.of("name", " ")).statusCode(400).body("errors[0].field", equalTo("name"));
        as("facility").get("/api/checklist-templates/{t}", fireWalk).then()
                .body("name", equalTo("Fire walk (2027) " + tag)).body("items.size()", equalTo(3));
        as("facility").get("/api/checklist-templates/{t}", other).then().body("name", equalTo("Other walk " + tag));

        // Only the organisation's facility staff change it.
        change("organizer", fireWalk, Map.of("name", "Taken over")).statusCode(403);
        RestAssured.given().header("Authorization", Tokens.bearer("facility", "fay@globex.example", "globex"))
                .contentType(ContentType.JSON).body(Map.of("name", "Taken over"))
                .patch("/api/checklist-templates/{t}", fireWalk).then().statusCode(404);
    }
}
