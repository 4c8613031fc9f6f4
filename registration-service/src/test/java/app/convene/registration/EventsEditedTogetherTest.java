package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Race;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The organiser and a co-organiser change the same event from two screens. A change that names the ETag it was made
 * from (If-Match) is refused with 412 when the event changed meanwhile, instead of silently undoing the other's
 * change; the tag covers the live counts, so a registration since the read refuses it too (a capacity is decided on
 * them). Without If-Match a change is made as before. The same holds for a meeting's agenda: an item's change or
 * removal names the item's tag, a new order the agenda's.
 */
@QuarkusTest
class EventsEditedTogetherTest {
    private static final String CO_ORGANISER = "cora.coorganiser@example.com";

    @Test
    void aChangeMadeFromAStaleReadIsRefusedAndTheEventKeepsWhatTheOtherChanged() {
        UUID event = Api.scheduleEvent("Partner summit", 20);
        given().header("Authorization", Tokens.organizer())
                .put("/api/events/{e}/co-organizers/{s}", event, CO_ORGANISER).then().statusCode(200);
        String owner = Tokens.organizer();
        String coOrganiser = Tokens.bearer("organizer", CO_ORGANISER);

        // Both read the event: the same strong tag; reading again with it is answered 304 without a body.
        String first = read(owner, event).extract().header("ETag");
        assertThat(first).startsWith("\"");
        assertThat(read(coOrganiser, event).extract().header("ETag")).isEqualTo(first);
        given().header("Authorization", owner).header("If-None-Match", first).get("/api/events/{e}", event).then()
                .statusCode(304).header("ETag", first);

        // The co-organiser renames it first; the owner's capacity change from the older read is refused.
        change(coOrganiser, event, first, Map.of("title", "Partner summit 2027")).statusCode(200)
                .body("title", equalTo("Partner summit 2027"));
        String renamed = read(owner, event).extract().header("ETag");
        assertThat(renamed).isNotEqualTo(first);
        change(owner, event, first, Map.of("title", "Partner summit", "capacity", 40)).statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/precondition-failed"))
                .body("errors[0].field", equalTo("If-Match")).body("detail", containsString(renamed));
        read(owner, event).body("title", equalTo("Partner summit 2027")).body("capacity", equalTo(20));

        // A registration since the read changes the counts, and with them the tag.
        Api.register(event, "amal@example.com", "Amal Haddad").statusCode(201);
        change(owner, event, renamed, Map.of("capacity", 40)).statusCode(412);
        String current = read(owner, event).body("confirmed", equalTo(1)).extract().header("ETag");
        assertThat(current).isNotEqualTo(renamed);

        // From the current read, and with "*", the change is made; a weak form of the tag is no match.
        change(owner, event, "W/" + current, Map.of("capacity", 40)).statusCode(412);
        change(owner, event, current, Map.of("capacity", 40)).statusCode(200).body("capacity", equalTo(40));
        change(owner, event, "*", Map.of("capacity", 45)).statusCode(200).body("capacity", equalTo(45));
        // Without If-Match nothing is checked, as before.
        change(owner, event, null, Map.of("capacity", 50)).statusCode(200).body("capacity", equalTo(50));
    }

    @Test
    void ofManyChangesFromTheSameReadExactlyOneIsMade() throws Exception {
        UUID event = Api.scheduleEvent("Board dinner", 10);
        String owner = Tokens.organizer();
        String read = read(owner, event).extract().header("ETag");

        List<Integer> statuses = Race.statuses(8, writer -> change(owner, event, read,
                Map.of("title", "Board dinner " + writer, "capacity", 11 + writer)).extract().statusCode());

        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        int winner = statuses.indexOf(200);
        read(owner, event).body("title", equalTo("Board dinner " + winner)).body("capacity", equalTo(11 + winner));
    }

    @Test
    void twoPeoplePreparingOneAgendaDoNotUndoEachOthersChanges() {
        UUID meeting = Api.scheduleEvent("Steering group", 12);
        String owner = Tokens.organizer();
        given().header("Authorization", owner).put("/api/events/{e}/co-organizers/{s}", meeting, CO_ORGANISER)
                .then().statusCode(200);
        String coOrganiser = Tokens.bearer("organizer", CO_ORGANISER);
        String budget = addItem(owner, meeting, "Budget");
        String hiring = addItem(owner, meeting, "Hiring");

        // Both read the item; the co-organiser's change comes first, the owner's from the same read is refused.
        String item = readItem(owner, meeting, budget).extract().header("ETag");
        assertThat(readItem(coOrganiser, meeting, budget).extract().header("ETag")).isEqualTo(item);
        given().header("Authorization", owner).header("If-None-Match", item)
                .get("/api/events/{e}/agenda/items/{i}", meeting, budget).then().statusCode(304);
        changeItem(coOrganiser, meeting, budget, item, Map.of("timeBoxMinutes", 30)).statusCode(200);
        changeItem(owner, meeting, budget, item, Map.of("presenter", "CFO")).statusCode(412)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        given().header("Authorization", owner).header("If-Match", item)
                .delete("/api/events/{e}/agenda/items/{i}", meeting, budget).then().statusCode(412);
        String second = readItem(owner, meeting, budget).body("timeBoxMinutes", equalTo(30))
                .body("presenter", equalTo(null)).extract().header("ETag");

        // The agenda's order: a reorder from an agenda read before an item was added is refused.
        String agenda = given().header("Authorization", owner).get("/api/events/{e}/agenda", meeting).then()
                .statusCode(200).extract().header("ETag");
        String travel = addItem(coOrganiser, meeting, "Travel policy");
        reorder(owner, meeting, agenda, List.of(travel, hiring, budget)).statusCode(412);
        String current = given().header("Authorization", owner).get("/api/events/{e}/agenda", meeting).then()
                .statusCode(200).body("items.title", equalTo(List.of("Budget", "Hiring", "Travel policy")))
                .extract().header("ETag");
        reorder(owner, meeting, current, List.of(travel, hiring, budget)).statusCode(200)
                .body("items.title", equalTo(List.of("Travel policy", "Hiring", "Budget")));
        // The move changed the item's position, so a change from the item's earlier read is refused too.
        changeItem(owner, meeting, budget, second, Map.of("presenter", "CFO")).statusCode(412);
        String moved = readItem(owner, meeting, budget).extract().header("ETag");
        changeItem(owner, meeting, budget, moved, Map.of("presenter", "CFO")).statusCode(200)
                .body("presenter", equalTo("CFO"));
        given().header("Authorization", owner).header("If-Match", readItem(owner, meeting, budget).extract()
                .header("ETag")).delete("/api/events/{e}/agenda/items/{i}", meeting, budget).then().statusCode(204);
    }

    private static String addItem(String token, UUID meeting, String title) {
        return given().header("Authorization", token).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("title", title))
                .post("/api/events/{e}/agenda/items", meeting).then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse readItem(String token, UUID meeting, String item) {
        return given().header("Authorization", token).get("/api/events/{e}/agenda/items/{i}", meeting, item).then()
                .statusCode(200);
    }

    private static ValidatableResponse changeItem(String token, UUID meeting, String item, String ifMatch,
            Map<String, Object> terms) {
        return given().header("Authorization", token).header("If-Match", ifMatch).contentType(ContentType.JSON)
                .body(terms).patch("/api/events/{e}/agenda/items/{i}", meeting, item).then();
    }

    private static ValidatableResponse reorder(String token, UUID meeting, String ifMatch, List<String> order) {
        return given().header("Authorization", token).header("If-Match", ifMatch).contentType(ContentType.JSON)
                .body(Map.of("itemIds", order)).put("/api/events/{e}/agenda/order", meeting).then();
    }

    private static ValidatableResponse read(String token, UUID event) {
        return given().header("Authorization", token).get("/api/events/{e}", event).then().statusCode(200);
    }

    private static ValidatableResponse change(String token, UUID event, String ifMatch, Map<String, Object> terms) {
        var request = given().header("Authorization", token).contentType(ContentType.JSON).body(terms);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch("/api/events/{e}", event).then();
    }
}
