package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.ArrayList;
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
 * An organisation's meeting series, which only grow over the years, are listed a page at a time by first date; a
 * confidential series is in its owner's pages only.
 */
@QuarkusTest
class MeetingSeriesPagesTest {
    private static final String ORGANISATION = "series-pages-" + UUID.randomUUID();
    private static final String ASSISTANT = "ada.assistant@example.com";
    private static final String EXECUTIVE = "eve.executive@example.com";
    private static final String COLLEAGUE = "colin.colleague@example.com";

    @Test
    void anAssistantPagesThroughTheSeriesAndNeverSeesTheExecutivesConfidentialOne() {
        int year = LocalDate.now().getYear() + 2;
        List<String> shared = new ArrayList<>();
        String confidential = null;
        for (int month = 1; month <= 5; month++) {
            String firstDate = LocalDate.of(year, month, 1).toString();
            if (month == 3) {
                confidential = schedule(EXECUTIVE, "Board " + month, firstDate, true);
            } else {
                shared.add(schedule(ASSISTANT, "Team meeting " + month, firstDate, false));
            }
        }

        assertThat(pages(ASSISTANT, 2)).containsExactly(shared.subList(0, 2), shared.subList(2, 4));
        List<String> all = new ArrayList<>(shared);
        all.add(2, confidential);
        assertThat(pages(EXECUTIVE, 3)).containsExactly(all.subList(0, 3), all.subList(3, 5));
        given().header("Authorization", token(ASSISTANT)).get("/api/meeting-series").then().statusCode(200)
                .body("series.id", equalTo(shared)).body("next", equalTo(null))
                .body("series[0].title", equalTo("Team meeting 1"));

        // A series made confidential between two pages neither breaks a colleague's walk nor stays in it.
        JsonPath first = given().header("Authorization", token(COLLEAGUE)).queryParam("limit", 2)
                .get("/api/meeting-series").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("series.id", String.class)).isEqualTo(shared.subList(0, 2));
        given().header("Authorization", token(ASSISTANT)).contentType(ContentType.JSON)
                .body(Map.of("confidential", true)).patch("/api/meeting-series/{s}", shared.get(1)).then()
                .statusCode(200);
        given().header("Authorization", token(COLLEAGUE)).queryParam("limit", 2)
                .queryParam("after", first.getString("next")).get("/api/meeting-series").then().statusCode(200)
                .body("series.id", equalTo(shared.subList(2, 4))).body("next", equalTo(null));

        for (String after : List.of(confidential, "nonsense")) {
            given().header("Authorization", token(ASSISTANT)).queryParam("after", after).get("/api/meeting-series")
                    .then().statusCode(400).contentType(containsString("application/problem+json"))
                    .body("errors[0].field", equalTo("after"))
                    .body("errors[0].message", containsString("cursor"));
        }
        for (String limit : List.of("0", "501", "all")) {
            given().header("Authorization", token(ASSISTANT)).queryParam("limit", limit).get("/api/meeting-series")
                    .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        }
        // Another organisation's organizer lists none of them, even from a cursor of this organisation's list.
        String outsider = Tokens.bearer("organizer", "olaf@other.example", "other-" + UUID.randomUUID());
        given().header("Authorization", outsider).get("/api/meeting-series").then().statusCode(200)
                .body("series", equalTo(List.of()));
        given().header("Authorization", outsider).queryParam("after", first.getString("next"))
                .get("/api/meeting-series").then().statusCode(200).body("series", equalTo(List.of()));
    }

    private static List<List<String>> pages(String who, int limit) {
        List<List<String>> pages = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> query = new HashMap<>(Map.of("limit", limit));
            if (after != null) {
                query.put("after", after);
            }
            JsonPath page = given().header("Authorization", token(who)).queryParams(query)
                    .get("/api/meeting-series").then().statusCode(200).extract().jsonPath();
            pages.add(page.getList("series.id", String.class));
            after = page.getString("next");
            assertThat(pages).hasSizeLessThan(10);
        } while (after != null);
        return pages;
    }

    private static String schedule(String owner, String title, String firstDate, boolean confidential) {
        return given().header("Authorization", token(owner)).contentType(ContentType.JSON)
                .body(Map.of("title", title, "firstDate", firstDate, "startTime", "10:00", "durationMinutes", 60,
                        "timeZone", "Europe/Stockholm", "recurrence", "FREQ=DAILY;COUNT=2", "capacity", 10,
                        "confidential", confidential))
                .post("/api/meeting-series").then().statusCode(201).extract().path("id");
    }

    private static String token(String subject) {
        return Tokens.bearer("organizer", subject, ORGANISATION);
    }
}
