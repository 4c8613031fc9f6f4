package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

@QuarkusTest
class CalendarTest {

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String property(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    @Test
    void anAttendeeGetsAnInvitationThatFollowsItsRegistration() throws Exception {
        UUID eventId = Api.scheduleEvent("Quarterly review", 1);
        String id = Api.register(eventId, "vera@example.com", "Vera").extract().path("id");
        String waiting = Api.register(eventId, "wim@example.com", "Wim").extract().path("id");

        String invite = given().header("Authorization", Tokens.bearer("attendee", "vera@example.com"))
                .get("/api/events/{e}/registrations/{r}/invite.ics", eventId, id).then().statusCode(200)
                .contentType("text/calendar").extract().asString();
        Calendar calendar = parse(invite);
        assertThat(calendar.getProperty("METHOD").map(Property::getValue)).contains("REQUEST");
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(property(event, "SUMMARY")).isEqualTo("Quarterly review");
        assertThat(property(event, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(property(event, "UID")).isEqualTo(id + "@convene.app");
        assertThat(property(event, "ATTENDEE")).isEqualTo("mailto:vera@example.com");

        String tentative = given().header("Authorization", Tokens.bearer("attendee", "wim@example.com"))
                .get("/api/events/{e}/registrations/{r}/invite.ics", eventId, waiting).then().statusCode(200)
                .extract().asString();
        assertThat(property(parse(tentative).<VEvent>getComponent("VEVENT").orElseThrow(), "STATUS"))
                .isEqualTo("TENTATIVE");

        Api.cancel(eventId, id, "vera@example.com").statusCode(200);
        Calendar cancelled = parse(given().header("Authorization", Tokens.bearer("attendee", "vera@example.com"))
                .get("/api/events/{e}/registrations/{r}/invite.ics", eventId, id).then().extract().asString());
        assertThat(cancelled.getProperty("METHOD").map(Property::getValue)).contains("CANCEL");

        given().header("Authorization", Tokens.bearer("attendee", "wim@example.com"))
                .get("/api/events/{e}/registrations/{r}/invite.ics", eventId, id).then().statusCode(404);
    }

    @Test
    void theEventFeedListsTheEventAndItsSessions() throws Exception {
        UUID eventId = Api.scheduleEvent("Feed", 10);
        String startsAt = Api.asOrganizer("GET", "/api/events/{e}", eventId).extract().path("startsAt");
        given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("title", "Opening", "startsAt", startsAt,
                        "endsAt", java.time.Instant.parse(startsAt).plusSeconds(1800).toString(), "capacity", 10))
                .post("/api/events/{e}/sessions", eventId).then().statusCode(201);
        Calendar feed = parse(given().header("Authorization", Tokens.bearer("attendee", "x@example.com"))
                .get("/api/events/{e}/calendar.ics", eventId).then().statusCode(200).extract().asString());
        assertThat(feed.getComponents("VEVENT")).hasSize(2);
        assertThat(feed.getComponents("VEVENT").stream().map(c -> ((VEvent) c).getProperty("SUMMARY")
                .map(Property::getValue).orElse(""))).contains("Feed", "Feed: Opening");
    }
}
