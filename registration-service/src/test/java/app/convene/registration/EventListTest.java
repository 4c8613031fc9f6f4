package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** "My events" and "my registrations", as a front-end lists them. */
@QuarkusTest
class EventListTest {
    private final String tag = "list" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant base = Instant.now().plus(Duration.ofDays(300)).truncatedTo(ChronoUnit.DAYS);

    private static final String LENA = Tokens.bearer("organizer", "lena@example.com");
    private static final String OTTO = Tokens.bearer("organizer", "otto@example.com");

    private UUID schedule(String token, String title, int day, Map<String, Object> extra) {
        Instant start = base.plus(Duration.ofDays(day));
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title + " " + tag, "startsAt",
                start.toString(), "endsAt", start.plus(Duration.ofHours(4)).toString(), "timeZone", "Europe/Oslo",
                "capacity", 20));
        body.putAll(extra);
        return UUID.fromString(given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/events").then().statusCode(201).extract().path("id"));
    }

    private static JsonPath list(String token, String query) {
        return given().header("Authorization", token).urlEncodingEnabled(false).get("/api/events?" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Every page of a listing, following `next`. */
    private static List<String> allTitles(String token, String query) {
        List<String> titles = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = list(token, query + (after == null ? "" : "&after=" + after));
            titles.addAll(page.getList("events.title"));
            after = page.getString("next");
        } while (after != null);
        return titles;
    }

    @Test
    void staffSeeTheirOrganisationsEventsButNeitherAnotherOrganisationsNorSomeoneElsesConfidentialOnes() {
        UUID kickoff = schedule(LENA, "Kick-off", 1, Map.of());
        schedule(LENA, "Planning", 2, Map.of("status", "DRAFT"));
        schedule(OTTO, "Otto's offsite", 3, Map.of());
        schedule(OTTO, "Otto's board meeting", 4, Map.of("confidential", true));
        schedule(LENA, "Lena's board meeting", 5, Map.of("confidential", true));
        schedule(Tokens.bearer("organizer", "lena@example.com", "globex"), "Globex kick-off", 1, Map.of());

        // Two per page, in start order; the last page says there is no next.
        JsonPath first = list(LENA, "q=" + tag + "&limit=2");
        assertThat(first.getList("events.title")).containsExactly("Kick-off " + tag, "Planning " + tag);
        assertThat(first.getString("next")).isNotNull();
        assertThat(first.getString("events[0].access.owner")).isEqualTo("lena@example.com");
        assertThat(first.getString("events[0].id")).isEqualTo(kickoff.toString());
        assertThat(allTitles(LENA, "q=" + tag + "&limit=2")).containsExactly("Kick-off " + tag, "Planning " + tag,
                "Otto's offsite " + tag, "Lena's board meeting " + tag);

        // Otto's confidential meeting is Otto's; Lena's is Lena's; finance sees neither among the events.
        assertThat(allTitles(OTTO, "q=" + tag)).containsExactly("Kick-off " + tag, "Planning " + tag,
                "Otto's offsite " + tag, "Otto's board meeting " + tag);
        assertThat(allTitles(Tokens.bearer("finance", "fay@example.com"), "q=" + tag)).containsExactly(
                "Kick-off " + tag, "Planning " + tag, "Otto's offsite " + tag);
        assertThat(allTitles(Tokens.bearer("organizer", "lena@example.com", "globex"), "q=" + tag))
                .containsExactly("Globex kick-off " + tag);

        // Filters: text in any case, start window (from inclusive, to exclusive), status, own events.
        assertThat(allTitles(LENA, "q=BOARD%20MEETING%20" + tag)).containsExactly("Lena's board meeting " + tag);
        assertThat(allTitles(LENA, "q=" + tag + "&from=" + base.plus(Duration.ofDays(2)) + "&to="
                + base.plus(Duration.ofDays(5)))).containsExactly("Planning " + tag, "Otto's offsite " + tag);
        assertThat(allTitles(LENA, "q=" + tag + "&status=DRAFT")).containsExactly("Planning " + tag);
        assertThat(allTitles(LENA, "q=" + tag + "&owner=me")).containsExactly("Kick-off " + tag,
                "Planning " + tag, "Lena's board meeting " + tag);
    }

    @Test
    void attendeesSeePublishedOpenEventsAndThoseTheyAreRegisteredFor() {
        schedule(LENA, "Open day", 1, Map.of());
        schedule(LENA, "Draft day", 2, Map.of("status", "DRAFT"));
        UUID board = schedule(LENA, "Board day", 3, Map.of("confidential", true));
        UUID cancelled = schedule(LENA, "Called-off day", 4, Map.of());
        given().header("Authorization", LENA).post("/api/events/{e}/cancel", cancelled).then().statusCode(200);
        String mia = Tokens.bearer("attendee", "mia." + tag + "@example.com");

        assertThat(allTitles(mia, "q=" + tag)).containsExactly("Open day " + tag, "Called-off day " + tag);
        given().header("Authorization", LENA).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", "mia." + tag + "@example.com", "name", "Mia")))
                .post("/api/events/{e}/registrations", board).then().statusCode(201);
        // Registered by an organizer for the confidential meeting, she now sees it (but not who runs it).
        assertThat(allTitles(mia, "q=" + tag)).containsExactly("Open day " + tag, "Board day " + tag,
                "Called-off day " + tag);
        JsonPath page = list(mia, "q=" + tag);
        assertThat(page.getList("events.access")).containsOnlyNulls();
        assertThat(page.getList("events.confidential")).containsExactly(false, true, false);
        assertThat(allTitles(mia, "q=" + tag + "&status=DRAFT")).isEmpty();
    }

    @Test
    void badFiltersAreRefusedWithAProblem() {
        for (String query : List.of("limit=201", "limit=0", "status=POSTPONED", "owner=otto", "after=not-a-cursor",
                "from=yesterday")) {
            given().header("Authorization", LENA).get("/api/events?" + query).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", LENA).get("/api/events?limit=200&q=" + tag).then().statusCode(200)
                .body("events.size()", equalTo(0)).body("next", nullValue());
    }

    @Test
    void anAttendeeListsTheirOwnRegistrationsNewestFirstAcrossEventsOfTheirOrganisation() {
        String email = "noor." + tag + "@example.com";
        String noor = Tokens.bearer("attendee", email);
        UUID first = schedule(LENA, "First", 1, Map.of());
        UUID second = schedule(OTTO, "Second", 2, Map.of());
        UUID board = schedule(OTTO, "Board", 3, Map.of("confidential", true));
        String one = Api.register(first, email, "Noor").statusCode(201).extract().path("id");
        Api.register(second, email, "Noor").statusCode(201);
        given().header("Authorization", OTTO).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", email, "name", "Noor")))
                .post("/api/events/{e}/registrations", board).then().statusCode(201);
        Api.register(second, "someone." + tag + "@example.com", "Someone").statusCode(201);
        Api.cancel(first, one, email).statusCode(200);
        // The same address in another organisation is another person's account.
        UUID globex = schedule(Tokens.bearer("organizer", "gus@globex.example", "globex"), "Globex day", 1,
                Map.of());
        given().header("Authorization", Tokens.bearer("attendee", email, "globex")).contentType(ContentType.JSON)
                .body(Map.of("attendee", Map.of("email", email, "name", "Noor at Globex")))
                .post("/api/events/{e}/registrations", globex).then().statusCode(201);

        JsonPath page = given().header("Authorization", noor).get("/api/me/registrations?limit=2").then()
                .statusCode(200).extract().jsonPath();
        assertThat(page.getList("registrations.event.title")).containsExactly("Board " + tag, "Second " + tag);
        assertThat(page.getList("registrations.registration.attendee.email")).containsOnly(email);
        JsonPath rest = given().header("Authorization", noor)
                .get("/api/me/registrations?limit=2&after=" + page.getString("next")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(rest.getList("registrations.event.title")).containsExactly("First " + tag);
        assertThat(rest.getString("registrations[0].registration.status")).isEqualTo("CANCELLED");
        assertThat(rest.getString("next")).isNull();

        assertThat(given().header("Authorization", Tokens.bearer("attendee", email, "globex"))
                .get("/api/me/registrations").then().statusCode(200).extract().jsonPath()
                .getList("registrations.event.title")).containsExactly("Globex day " + tag);
        given().header("Authorization", noor).get("/api/me/registrations?limit=500").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
