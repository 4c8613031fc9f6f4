package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A chief of staff follows up an assistant's action items, a page at a time. The assistant also has items of an
 * executive's confidential board meeting, due earlier than the others: the chief never sees them, and they neither
 * leave her pages short nor hide the items she may see behind them.
 */
@QuarkusTest
class ActionItemPagesTest {
    private static final String CHIEF = "chief.of.staff@example.com";
    private static final String EXECUTIVE = "executive@example.com";

    @Test
    void theActionItemsOfTheMeetingsSheMayReadComeAPageAtATimeByDueDate() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String assistant = "assistant." + tag + "@example.com";
        String chief = Tokens.bearer("organizer", CHIEF);
        String executive = Tokens.bearer("organizer", EXECUTIVE);

        // The executive's confidential board meeting: three items for the assistant, all due before any other.
        UUID board = meeting(executive, "Board " + tag, true);
        minutes(executive, EXECUTIVE, board, List.of(item("Board secret 1 " + tag, "2030-01-01", assistant),
                item("Board secret 2 " + tag, "2030-01-02", assistant),
                item("Board secret 3 " + tag, "2030-01-03", assistant)));
        // The chief's staff meeting: five items for the assistant, two due on the same day.
        UUID staff = meeting(chief, "Staff " + tag, false);
        minutes(chief, CHIEF, staff, List.of(item("Book the offsite " + tag, "2030-02-05", assistant),
                item("Send the agenda " + tag, "2030-02-01", assistant),
                item("Order the badges " + tag, "2030-02-03", assistant),
                item("Brief the speakers " + tag, "2030-02-03", assistant),
                item("Close the budget " + tag, "2030-02-09", assistant)));

        List<String> titles = new ArrayList<>();
        List<String> dueDates = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String after = null;
        do {
            var request = given().header("Authorization", chief).queryParam("owner", assistant)
                    .queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/api/action-items").then().statusCode(200).extract().jsonPath();
            pageSizes.add(page.getList("actionItems").size());
            titles.addAll(page.getList("actionItems.title", String.class));
            dueDates.addAll(page.getList("actionItems.dueDate", String.class));
            after = page.getString("next");
        } while (after != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(titles).containsExactlyInAnyOrder("Send the agenda " + tag, "Order the badges " + tag,
                "Brief the speakers " + tag, "Book the offsite " + tag, "Close the budget " + tag);
        assertThat(dueDates).isSorted();
        assertThat(titles).noneMatch(t -> t.startsWith("Board secret"));

        // The executive, a member of the board meeting, sees its items.
        given().header("Authorization", executive).queryParam("eventId", board).get("/api/action-items").then()
                .statusCode(200).body("actionItems", hasSize(3)).body("next", nullValue());
        // A chief who is not on the board meeting asks for its items by id: none, not an error that tells it exists.
        given().header("Authorization", chief).queryParam("eventId", board).get("/api/action-items").then()
                .statusCode(200).body("actionItems", hasSize(0)).body("next", nullValue());
        // Another organisation's organizer of the same name sees none of them.
        given().header("Authorization", Tokens.bearer("organizer", CHIEF, "other-org")).queryParam("owner", assistant)
                .get("/api/action-items").then().statusCode(200).body("actionItems", hasSize(0));
        // An attendee sees the published staff meeting's items, not the board's.
        given().header("Authorization", Tokens.bearer("attendee", "someone." + tag + "@example.com"))
                .queryParam("eventId", staff).get("/api/action-items").then().statusCode(200)
                .body("actionItems", hasSize(5));
        given().header("Authorization", Tokens.bearer("attendee", "someone." + tag + "@example.com"))
                .queryParam("eventId", board).get("/api/action-items").then().statusCode(200)
                .body("actionItems", hasSize(0));

        // What is not a cursor or a page size is a 400 naming it.
        given().header("Authorization", chief).queryParam("after", "bm90LWEtY3Vyc29y").get("/api/action-items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
        given().header("Authorization", chief).queryParam("limit", 0).get("/api/action-items").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        given().header("Authorization", chief).queryParam("limit", 501).get("/api/action-items").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    private static Map<String, Object> item(String title, String dueDate, String owner) {
        return Map.of("title", title, "owner", owner, "dueDate", dueDate);
    }

    private static UUID meeting(String owner, String title, boolean confidential) {
        String id = given().header("Authorization", owner).contentType(ContentType.JSON)
                .body(Api.eventBody(title, 12, Duration.ofDays(15), Map.of("confidential", confidential)))
                .post("/api/events").then().statusCode(201).extract().path("id");
        UUID eventId = UUID.fromString(id);
        given().header("Authorization", owner).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/events/{e}/publish", eventId).then().statusCode(200);
        return eventId;
    }

    /** Minutes with these action items, submitted and approved by their chair (the owner): the items follow up. */
    private static void minutes(String owner, String chair, UUID eventId, List<Map<String, Object>> items) {
        given().header("Authorization", owner).contentType(ContentType.JSON).body(Map.of("chair", chair,
                "entries", List.of(Map.of("notes", "What was agreed.", "actionItems", items))))
                .put("/api/events/{e}/minutes", eventId).then().statusCode(200);
        given().header("Authorization", owner).post("/api/events/{e}/minutes/submit", eventId).then().statusCode(200);
        given().header("Authorization", owner).post("/api/events/{e}/minutes/approve", eventId).then()
                .statusCode(200);
    }
}
