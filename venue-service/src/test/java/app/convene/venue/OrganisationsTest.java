package app.convene.venue;

import static app.convene.venue.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Venues and checklist templates belong to one organisation; they are not shared. */
@QuarkusTest
class OrganisationsTest {
    private static final String GLOBEX_FACILITY = "gus.facility@globex.example";

    @Test
    void twoOrganisationsKeepVenuesAndTemplatesOfTheSameNameApartAndSeeOnlyTheirOwn() {
        String name = "Grand Hall " + UUID.randomUUID();
        Map<String, Object> venue = Map.of("name", name, "address", Map.of("street", "Oudegracht 1",
                "city", "Utrecht", "country", "NL"));
        String acmeVenue = as("facility").body(venue).post("/api/venues").then().statusCode(201).extract().path("id");
        // The same name in the same city is no conflict for another organisation, and tells it nothing.
        String globexVenue = globex().body(venue).post("/api/venues").then().statusCode(201).extract().path("id");
        as("facility").body(venue).post("/api/venues").then().statusCode(409);

        List<String> acmeSees = as("organizer").queryParam("q", name).get("/api/venues").then().statusCode(200)
                .extract().path("venues.id");
        List<String> globexSees = globex().queryParam("q", name).get("/api/venues").then().statusCode(200)
                .extract().path("venues.id");
        assertThat(acmeSees).contains(acmeVenue).doesNotContain(globexVenue);
        assertThat(globexSees).contains(globexVenue).doesNotContain(acmeVenue);
        globex().get("/api/venues/{v}", acmeVenue).then().statusCode(404)
                .body("detail", equalTo("no venue " + acmeVenue + " in your organisation, or not visible to you"));

        String templateName = "Opening walk " + UUID.randomUUID();
        Map<String, Object> template = Map.of("name", templateName, "category", "MAINTENANCE", "items",
                List.of(Map.of("description", "Lights", "mandatory", true, "dueHoursBeforeStart", 1)));
        String acmeTemplate = as("facility").body(template).post("/api/checklist-templates").then().statusCode(201)
                .extract().path("id");
        String globexTemplate = globex().body(template).post("/api/checklist-templates").then().statusCode(201)
                .extract().path("id");
        assertThat(as("organizer").queryParam("limit", 500).get("/api/checklist-templates").then().extract()
                .<List<String>>path("templates.id")).contains(acmeTemplate).doesNotContain(globexTemplate);
        assertThat(globex().queryParam("limit", 500).get("/api/checklist-templates").then().extract()
                .<List<String>>path("templates.id")).contains(globexTemplate).doesNotContain(acmeTemplate);

        // Globex's own booking cannot use acme's template.
        String globexRoom = globex().body(Map.of("name", "Hall", "seatedCapacity", 50, "standingCapacity", 50,
                "safeOccupancy", 50)).post("/api/venues/{v}/rooms", globexVenue).then().statusCode(201)
                .extract().path("id");
        Instant start = Api.daysFromNow(185);
        Instant end = start.plus(Duration.ofHours(2));
        UUID globexEvent = Api.event(start, end, new EventAccess("globex", "gina.organizer@globex.example", false,
                List.of(), List.of()));
        String booking = globex().body(Map.of("roomId", globexRoom, "eventId", globexEvent, "startsAt",
                start.toString(), "endsAt", end.toString())).post("/api/bookings").then().statusCode(201)
                .extract().path("id");
        globex().body(Map.of("templateId", acmeTemplate)).post("/api/bookings/{b}/checklists", booking).then()
                .statusCode(400).body("errors[0].field", equalTo("templateId"));
        globex().body(Map.of("templateId", globexTemplate)).post("/api/bookings/{b}/checklists", booking).then()
                .statusCode(201);
        // Acme books neither globex's room nor for globex's event.
        Api.book(UUID.fromString(globexRoom), globexEvent, start, end, 0, 0).statusCode(404);
        UUID acmeRoom = Api.venueWithRoom("Acme room", 50, 50, 50);
        Api.book(acmeRoom, globexEvent, start, end, 0, 0).statusCode(404);
    }

    private static RequestSpecification globex() {
        return given().header("Authorization", Tokens.bearer("facility", GLOBEX_FACILITY, "globex"))
                .contentType(ContentType.JSON);
    }
}
