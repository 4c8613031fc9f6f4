package app.convene.venue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A facility team's lists of its organisation: each venue with its own rooms and partner contacts, each checklist
 * template with its own items, however the rooms, contacts and items of all of them are read.
 */
@QuarkusTest
class VenueListTest {
    @Test
    void eachVenueInTheListHasItsOwnRoomsAndPartnerContactsByName() {
        String organisation = "venue-list-" + UUID.randomUUID().toString().substring(0, 8);
        String harbour = venue(organisation, "Harbour House");
        String mill = venue(organisation, "Old Mill");
        String empty = venue(organisation, "Annex");
        room(organisation, harbour, "Wharf Room");
        room(organisation, mill, "Granary");
        room(organisation, harbour, "Boardroom");
        room(organisation, mill, "Loft");
        contact(organisation, mill, "Wim", "wim@mill.example");
        contact(organisation, harbour, "Hana", "hana@harbour.example");
        contact(organisation, mill, "Ada", "ada@mill.example");

        JsonPath list = as(organisation).get("/api/venues").then().statusCode(200).body("next", equalTo(null))
                .extract().jsonPath().setRootPath("venues");
        assertThat(list.getList("name", String.class)).containsExactly("Annex", "Harbour House", "Old Mill");
        assertThat(list.getList("find { it.id == '" + harbour + "' }.rooms.name", String.class))
                .containsExactly("Boardroom", "Wharf Room");
        assertThat(list.getList("find { it.id == '" + mill + "' }.rooms.name", String.class))
                .containsExactly("Granary", "Loft");
        assertThat(list.getList("find { it.id == '" + empty + "' }.rooms", Object.class)).isEmpty();
        assertThat(list.getList("find { it.id == '" + mill + "' }.partnerContacts.email", String.class))
                .containsExactly("ada@mill.example", "wim@mill.example");
        assertThat(list.getList("find { it.id == '" + harbour + "' }.partnerContacts.name", String.class))
                .containsExactly("Hana");
        assertThat(list.getList("find { it.id == '" + empty + "' }.partnerContacts", Object.class)).isEmpty();
        // The list tells the same as each venue read on its own.
        for (String venueId : List.of(harbour, mill, empty)) {
            Map<String, Object> one = as(organisation).get("/api/venues/{v}", venueId).then().statusCode(200)
                    .extract().jsonPath().getMap("$");
            assertThat(list.getMap("find { it.id == '" + venueId + "' }")).isEqualTo(one);
        }

        // A page at a time, by name; a picker's text narrows it by name or city, ignoring case.
        JsonPath first = as(organisation).queryParam("limit", 2).get("/api/venues").then().statusCode(200).extract()
                .jsonPath();
        assertThat(first.getList("venues.name", String.class)).containsExactly("Annex", "Harbour House");
        as(organisation).queryParam("limit", 2).queryParam("after", first.getString("next")).get("/api/venues").then()
                .statusCode(200).body("venues.name", contains("Old Mill")).body("next", equalTo(null));
        as(organisation).queryParam("q", "MILL").get("/api/venues").then().statusCode(200)
                .body("venues.name", contains("Old Mill"));
        as(organisation).queryParam("q", "zwol").queryParam("limit", 1).get("/api/venues").then()
                .statusCode(200).body("venues.name", contains("Annex")).body("next", equalTo(empty));
        as(organisation).queryParam("q", "50%_off").get("/api/venues").then().statusCode(200)
                .body("venues", hasSize(0));
        // What is not a cursor of this organisation, a blank text or a size out of range is refused, naming it.
        as("venue-list-other").queryParam("after", harbour).get("/api/venues").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("after"));
        as(organisation).queryParam("q", "  ").get("/api/venues").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
        as(organisation).queryParam("limit", 0).get("/api/venues").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }
    @Test
    void eachChecklistTemplateInTheListHasItsOwnItemsInOrder() {
        String organisation = "template-list-" + UUID.randomUUID().toString().substring(0, 8);
        String av = template(organisation, "AV check", "AV", List.of("Microphones", "Projector", "Clicker"));
        String fire = template(organisation, "Fire walk", "FIRE_SAFETY", List.of("Exits", "Extinguishers"));
        String stage = template(organisation, "Stage build", "AV", List.of("Risers"));
        JsonPath list = as(organisation).get("/api/checklist-templates").then().statusCode(200)
                .body("next", equalTo(null)).extract().jsonPath().setRootPath("templates");
        assertThat(list.getList("name", String.class)).containsExactly("AV check", "Fire walk", "Stage build");
        assertThat(list.getList("find { it.id == '" + av + "' }.items.description", String.class))
                .containsExactly("Microphones", "Projector", "Clicker");
        assertThat(list.getList("find { it.id == '" + fire + "' }.items.description", String.class))
                .containsExactly("Exits", "Extinguishers");
        assertThat(list.getList("find { it.id == '" + fire + "' }.items.position", Integer.class)).isSorted();

        // A page at a time, by name.
        as(organisation).queryParam("limit", 2).get("/api/checklist-templates").then().statusCode(200)
                .body("templates.id", contains(av, fire)).body("next", equalTo(fire));
        as(organisation).queryParam("limit", 2).queryParam("after", fire).get("/api/checklist-templates").then()
                .statusCode(200).body("templates.id", contains(stage)).body("templates[0].items.description",
                        contains("Risers")).body("next", equalTo(null));
        as("template-list-other").queryParam("after", av).get("/api/checklist-templates").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("after"));
        as(organisation).queryParam("limit", 501).get("/api/checklist-templates").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    private static String template(String organisation, String name, String category, List<String> items) {
        return as(organisation).body(Map.of("name", name, "category", category, "items", items.stream()
                .map(d -> Map.of("description", d, "mandatory", true, "dueHoursBeforeStart", 24)).toList()))
                .post("/api/checklist-templates").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String organisation) {
        return given().header("Authorization", Tokens.bearer("facility", "fay@example.com", organisation))
                .contentType(ContentType.JSON);
    }

    private static String venue(String organisation, String name) {
        return as(organisation).body(Map.of("name", name, "address", Map.of("street", "Kade 1", "city", "Zwolle",
                "country", "NL"))).post("/api/venues").then().statusCode(201).extract().path("id");
    }

    private static void room(String organisation, String venueId, String name) {
        as(organisation).body(Map.of("name", name, "seatedCapacity", 20, "standingCapacity", 30,
                "safeOccupancy", 30)).post("/api/venues/{v}/rooms", venueId).then().statusCode(201);
    }

    private static void contact(String organisation, String venueId, String name, String email) {
        as(organisation).body(Map.of("name", name, "role", "catering", "email", email))
                .post("/api/venues/{v}/partner-contacts", venueId).then().statusCode(201);
    }
}
