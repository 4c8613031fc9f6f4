package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A series' description, location and department, and an agenda item's presenter, come off when a PATCH sends them
 * as null (JSON Merge Patch): before, null was read as "leave it", and once given they could never be taken away.
 */
@QuarkusTest
class TermsClearedTest {
    private static final String OWNER = "terms.cleared@example.com";

    private static String owner() {
        return Tokens.bearer("organizer", OWNER);
    }

    private static Map<String, Object> nulls(String... fields) {
        Map<String, Object> body = new HashMap<>();
        for (String field : fields) {
            body.put(field, null);
        }
        return body;
    }

    @Test
    void aSeriesLosesItsDescriptionLocationAndDepartmentAndSoDoItsOccurrencesToCome() {
        LocalDate firstDate = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        UUID seriesId = UUID.fromString(given().header("Authorization", owner()).contentType(ContentType.JSON)
                .body(Map.of("title", "Weekly planning", "description", "Bring the numbers", "location", "Room 4",
                        "department", "Finance", "firstDate", firstDate.toString(), "startTime", "09:00",
                        "durationMinutes", 30, "timeZone", "Europe/Stockholm", "recurrence", "FREQ=WEEKLY;COUNT=3",
                        "capacity", 6))
                .post("/api/meeting-series").then().statusCode(201).extract().path("id"));
        JsonPath series = given().header("Authorization", owner()).get("/api/meeting-series/{s}", seriesId).then()
                .statusCode(200).extract().jsonPath();
        List<String> occurrences = series.getList("occurrences.eventId", String.class);
        assertThat(occurrences).hasSize(3);
        given().header("Authorization", owner()).get("/api/events/{e}", occurrences.get(0)).then()
                .body("description", equalTo("Bring the numbers")).body("department", equalTo("Finance"));

        Map<String, Object> body = nulls("description", "location", "department", "title", "capacity");
        given().header("Authorization", owner()).contentType(ContentType.JSON).body(body)
                .patch("/api/meeting-series/{s}", seriesId).then().statusCode(200)
                .body("description", equalTo(null)).body("location", equalTo(null)).body("department", equalTo(null))
                .body("title", equalTo("Weekly planning")).body("capacity", equalTo(6));
        for (String occurrence : occurrences) {
            given().header("Authorization", owner()).get("/api/events/{e}", occurrence).then().statusCode(200)
                    .body("description", equalTo(null)).body("department", equalTo(null))
                    .body("title", equalTo("Weekly planning"));
        }
        // Left out, a term keeps its value.
        given().header("Authorization", owner()).contentType(ContentType.JSON).body(Map.of("location", "Room 5"))
                .patch("/api/meeting-series/{s}", seriesId).then().statusCode(200).body("location", equalTo("Room 5"))
                .body("description", equalTo(null));
    }

    @Test
    void anAgendaItemLosesItsPresenter() {
        UUID meeting = UUID.fromString(Api.postEvent(Api.eventBody("Steering group", 8,
                java.time.Duration.ofDays(30), Map.of())).statusCode(201).extract().path("id"));
        String item = given().header("Authorization", Tokens.organizer())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of("title", "Hiring plan", "presenter", "CFO", "timeBoxMinutes", 20))
                .post("/api/events/{e}/agenda/items", meeting).then().statusCode(201).extract().path("id");

        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(nulls("presenter", "title", "timeBoxMinutes"))
                .patch("/api/events/{e}/agenda/items/{i}", meeting, item).then().statusCode(200)
                .body("presenter", equalTo(null)).body("title", equalTo("Hiring plan"))
                .body("timeBoxMinutes", equalTo(20));
        given().header("Authorization", Tokens.organizer()).get("/api/events/{e}/agenda/items/{i}", meeting, item)
                .then().statusCode(200).body("presenter", equalTo(null));
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("presenter", "CEO")).patch("/api/events/{e}/agenda/items/{i}", meeting, item).then()
                .statusCode(200).body("presenter", equalTo("CEO")).body("title", equalTo("Hiring plan"));
    }
}
