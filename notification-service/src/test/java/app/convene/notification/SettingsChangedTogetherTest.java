package app.convene.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.testing.Race;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Two organizers set the same rules from two screens: the organisation's go/no-go policy, an event's attendee
 * reminder, its briefing schedule and its go/no-go attendance target. Each read carries a strong ETag (the defaults
 * have one too, before anything was set); a change that names the tag it was made from (If-Match) is refused with
 * 412 when someone else changed the setting meanwhile, instead of silently undoing that change. Of several changes
 * from one read exactly one is made. Without If-Match a change is made as before.
 */
@QuarkusTest
class SettingsChangedTogetherTest {
    private static final String CO_ORGANISER = "cora.coorganiser@example.com";
    private static final String SEATS = "checks.find { it.name == 'seats' }.";

    /** One setting as the story needs it: where it is read and changed, and what it holds. */
    private record Setting(String path, Object[] params, String field) {
        ValidatableResponse read(String token) {
            return given().header("Authorization", token).get(path, params).then().statusCode(200);
        }

        ValidatableResponse change(String token, String ifMatch, Object body) {
            var request = given().header("Authorization", token).contentType(ContentType.JSON).body(body);
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            return request.put(path, params).then();
        }
    }

    @Test
    void aPolicyChangedFromAStaleReadIsRefusedAndKeepsWhatTheOtherOrganizerSet() {
        String organisation = "together-" + UUID.randomUUID();
        String olivia = Tokens.bearer("organizer", "olivia@" + organisation + ".example", organisation);
        String cora = Tokens.bearer("organizer", "cora@" + organisation + ".example", organisation);
        Setting policy = new Setting("/api/go-no-go/policy", new Object[0], "decisionDueBefore");

        // Nothing set yet: both read the defaults, with the same strong tag.
        String defaults = policy.read(olivia).body("defaults", equalTo(true)).extract().header("ETag");
        assertThat(defaults).startsWith("\"");
        assertThat(policy.read(cora).extract().header("ETag")).isEqualTo(defaults);
        revalidated(olivia, policy, defaults);

        // Cora sets the first policy from the defaults' tag; Olivia's from the same read is refused.
        policy.change(cora, defaults, policy(48 + 24)).statusCode(200).body("defaults", equalTo(false));
        String set = policy.read(olivia).extract().header("ETag");
        assertThat(set).isNotEqualTo(defaults);
        refused(policy.change(olivia, defaults, policy(12)), set);
        policy.read(olivia).body("decisionDueBefore", equalTo("PT72H")).body("defaults", equalTo(false));

        madeOnlyFromTheCurrentRead(olivia, policy, i -> policy(1 + i));
    }

    @Test
    void ofTwoFirstPoliciesFromTheDefaultsExactlyOneIsSet() throws Exception {
        String organisation = "first-" + UUID.randomUUID();
        String organizer = Tokens.bearer("organizer", "olivia@" + organisation + ".example", organisation);
        Setting policy = new Setting("/api/go-no-go/policy", new Object[0], "decisionDueBefore");
        String defaults = policy.read(organizer).body("defaults", equalTo(true)).extract().header("ETag");

        List<Integer> statuses = Race.statuses(8,
                writer -> policy.change(organizer, defaults, policy(10 + writer)).extract().statusCode());

        exactlyOneMade(statuses);
        policy.read(organizer).body("defaults", equalTo(false))
                .body("decisionDueBefore", equalTo("PT" + (10 + statuses.indexOf(200)) + "H"));
        // And of the changes from the one policy now set, again exactly one is made.
        String set = policy.read(organizer).extract().header("ETag");
        exactlyOneMade(Race.statuses(8,
                writer -> policy.change(organizer, set, policy(30 + writer)).extract().statusCode()));
    }

    @Test
    void anAttendeeReminderChangedFromAStaleReadIsRefused() throws Exception {
        UUID eventId = event("Harbour summit");
        Setting reminder = new Setting("/api/events/{e}/attendee-mail", new Object[] { eventId }, "reminderBefore");
        String olivia = Stories.ORGANIZER;
        String cora = Tokens.bearer("organizer", CO_ORGANISER);

        String first = reminder.read(olivia).body("reminderBefore", equalTo("PT24H")).extract().header("ETag");
        assertThat(first).startsWith("\"");
        assertThat(reminder.read(cora).extract().header("ETag")).isEqualTo(first);
        revalidated(olivia, reminder, first);

        reminder.change(cora, first, Map.of("reminderBefore", "PT48H")).statusCode(200)
                .body("reminderBefore", equalTo("PT48H"));
        String current = reminder.read(olivia).extract().header("ETag");
        refused(reminder.change(olivia, first, Map.of("reminderBefore", "PT2H")), current);
        reminder.read(olivia).body("reminderBefore", equalTo("PT48H"));

        madeOnlyFromTheCurrentRead(olivia, reminder, i -> Map.of("reminderBefore", "PT" + (i + 1) + "H"));
        String read = reminder.read(olivia).extract().header("ETag");
        exactlyOneMade(Race.statuses(8, writer -> reminder.change(olivia, read,
                Map.of("reminderBefore", "PT" + (10 + writer) + "H")).extract().statusCode()));
    }

    @Test
    void aBriefingScheduleChangedFromAStaleReadIsRefused() throws Exception {
        UUID eventId = event("Partner offsite");
        Setting schedule = new Setting("/api/events/{e}/briefing-schedule", new Object[] { eventId },
                "postEventOffset");
        String olivia = Stories.ORGANIZER;
        String cora = Tokens.bearer("organizer", CO_ORGANISER);

        String first = schedule.read(olivia).body("defaults", equalTo(true)).extract().header("ETag");
        assertThat(first).startsWith("\"");
        assertThat(schedule.read(cora).extract().header("ETag")).isEqualTo(first);
        revalidated(olivia, schedule, first);

        schedule.change(cora, first, schedule(2)).statusCode(200).body("postEventOffset", equalTo("PT48H"));
        String current = schedule.read(olivia).body("defaults", equalTo(false)).extract().header("ETag");
        refused(schedule.change(olivia, first, schedule(5)), current);
        schedule.read(olivia).body("postEventOffset", equalTo("PT48H")).body("preEventOffsets",
                equalTo(List.of("PT72H")));

        madeOnlyFromTheCurrentRead(olivia, schedule, i -> schedule(6 + i));
        String read = schedule.read(olivia).extract().header("ETag");
        exactlyOneMade(Race.statuses(8,
                writer -> schedule.change(olivia, read, schedule(10 + writer)).extract().statusCode()));
    }

    @Test
    void anAttendanceTargetChangedFromAStaleReadIsRefusedAndKeepsTheFirstChange() throws Exception {
        UUID eventId = event("Board dinner");
        Setting target = target(eventId);
        String olivia = Stories.ORGANIZER;
        String cora = Tokens.bearer("organizer", CO_ORGANISER);

        // No target set yet: both read its 0, with the same strong tag; so does facility staff who see the event.
        String first = target.read(olivia).body("eventId", equalTo(eventId.toString()))
                .body("minimumAttendance", equalTo(0)).extract().header("ETag");
        assertThat(first).startsWith("\"");
        assertThat(target.read(cora).extract().header("ETag")).isEqualTo(first);
        assertThat(target.read(Tokens.bearer("facility", "frida@example.com")).extract().header("ETag"))
                .isEqualTo(first);
        revalidated(olivia, target, first);

        // Cora sets 50 from that read (the answer is still the gate); Olivia's 80 from the same read is refused.
        target.change(cora, first, Map.of("minimumAttendance", 50)).statusCode(200)
                .body("eventId", equalTo(eventId.toString()))
                .body(SEATS + "reason", containsString("minimum of 50"));
        String current = target.read(olivia).body("minimumAttendance", equalTo(50)).extract().header("ETag");
        assertThat(current).startsWith("\"").isNotEqualTo(first);
        refused(target.change(olivia, first, Map.of("minimumAttendance", 80)), current);
        target.read(olivia).body("minimumAttendance", equalTo(50)).header("ETag", current);
        given().header("Authorization", olivia).get("/api/events/{e}/go-no-go", eventId).then().statusCode(200)
                .body(SEATS + "reason", containsString("minimum of 50"));
        // The 304 follows the change: the older tag is no longer current.
        given().header("Authorization", olivia).header("If-None-Match", first).get(target.path(), target.params())
                .then().statusCode(200).header("ETag", current).body("minimumAttendance", equalTo(50));

        madeOnlyFromTheCurrentRead(olivia, target, i -> Map.of("minimumAttendance", 60 + i));
        String read = target.read(olivia).extract().header("ETag");
        List<Integer> statuses = Race.statuses(8, writer -> target.change(olivia, read,
                Map.of("minimumAttendance", 100 + writer)).extract().statusCode());
        exactlyOneMade(statuses);
        target.read(olivia).body("minimumAttendance", equalTo(100 + statuses.indexOf(200)));
    }

    /**
     * As the policy's defaults: the 0 of an event without a target has a tag, and that tag (or "*") is current; of
     * eight first targets from it exactly one is set. Another organisation finds neither the target nor its tag.
     */
    @Test
    void ofEightFirstTargetsFromTheZerosTagExactlyOneIsSetAndAnotherOrganisationFindsNone() throws Exception {
        UUID eventId = event("First target");
        Setting target = target(eventId);
        String olivia = Stories.ORGANIZER;
        String zero = target.read(olivia).body("minimumAttendance", equalTo(0)).extract().header("ETag");

        String gina = Tokens.bearer("organizer", "gina@globex.example", "globex");
        given().header("Authorization", gina).get(target.path(), target.params()).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", gina).header("If-None-Match", zero).get(target.path(), target.params())
                .then().statusCode(404);
        // Refused as unseen before the tag is looked at: a 404, not a 412 that would tell the tag is stale.
        target.change(gina, "\"stale\"", Map.of("minimumAttendance", 7)).statusCode(404);
        target.change(gina, zero, Map.of("minimumAttendance", 7)).statusCode(404);
        target.change(Tokens.bearer("attendee", "ann.attendee@example.com"), null, Map.of("minimumAttendance", 7))
                .statusCode(403);
        given().header("Authorization", Tokens.bearer("attendee", "ann.attendee@example.com"))
                .get(target.path(), target.params()).then().statusCode(403);
        target.change(olivia, "W/" + zero, Map.of("minimumAttendance", 7)).statusCode(412);
        target.read(olivia).body("minimumAttendance", equalTo(0)).header("ETag", zero);

        List<Integer> statuses = Race.statuses(8, writer -> target.change(olivia, zero,
                Map.of("minimumAttendance", 10 + writer)).extract().statusCode());
        exactlyOneMade(statuses);
        target.read(olivia).body("minimumAttendance", equalTo(10 + statuses.indexOf(200)));

        // "*" matches a target never set, as it matches the policy's defaults (an organisation without a policy).
        UUID another = event("Never set");
        target(another).change(olivia, "*", Map.of("minimumAttendance", 30)).statusCode(200);
        target(another).read(olivia).body("minimumAttendance", equalTo(30));
        String organisation = "star-" + UUID.randomUUID();
        Setting policy = new Setting("/api/go-no-go/policy", new Object[0], "decisionDueBefore");
        String organizer = Tokens.bearer("organizer", "olivia@" + organisation + ".example", organisation);
        policy.read(organizer).body("defaults", equalTo(true));
        policy.change(organizer, "*", policy(30)).statusCode(200).body("defaults", equalTo(false));
    }

    /**
     * From the current read, and with "*", the change is made; a weak form of the current tag is no match; without
     * If-Match nothing is checked. {@code value} gives each change its own content.
     */
    private static void madeOnlyFromTheCurrentRead(String token, Setting setting, IntFunction<Object> value) {
        String current = setting.read(token).extract().header("ETag");
        String before = setting.read(token).extract().path(setting.field()).toString();
        setting.change(token, "W/" + current, value.apply(0)).statusCode(412);
        assertThat(setting.read(token).extract().path(setting.field()).toString()).isEqualTo(before);
        setting.change(token, current, value.apply(1)).statusCode(200);
        String afterCurrent = setting.read(token).extract().path(setting.field()).toString();
        assertThat(afterCurrent).isNotEqualTo(before);
        setting.change(token, "*", value.apply(2)).statusCode(200);
        String afterAny = setting.read(token).extract().path(setting.field()).toString();
        assertThat(afterAny).isNotEqualTo(afterCurrent);
        setting.change(token, null, value.apply(3)).statusCode(200);
        assertThat(setting.read(token).extract().path(setting.field()).toString()).isNotEqualTo(afterAny);
    }

    private static void revalidated(String token, Setting setting, String tag) {
        given().header("Authorization", token).header("If-None-Match", tag).get(setting.path(), setting.params())
                .then().statusCode(304).header("ETag", tag);
    }

    private static void refused(ValidatableResponse answer, String current) {
        answer.statusCode(412).contentType("application/problem+json")
                .body("type", endsWith("precondition-failed"))
                .body("errors[0].field", equalTo("If-Match")).body("detail", containsString(current));
    }

    private static void exactlyOneMade(List<Integer> statuses) {
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    }

    private static Map<String, Object> policy(int hoursBefore) {
        return Map.of("requiredChecks", List.of("seats"), "decisionDueBefore", "PT" + hoursBefore + "H",
                "acknowledgingAudiences", List.of("ORGANIZERS"));
    }

    private static Setting target(UUID eventId) {
        return new Setting("/api/events/{e}/go-no-go/target", new Object[] { eventId }, "minimumAttendance");
    }

    private static Map<String, Object> schedule(int daysAfter) {
        return Map.of("preEventOffsets", List.of("P3D"), "postEventOffset", "P" + daysAfter + "D");
    }

    /** An event of acme owned by Olivia, with Cora as its co-organizer, once notification knows it. */
    private static UUID event(String title) {
        UUID eventId = UUID.randomUUID();
        Instant start = TestClock.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MINUTES);
        Stories.schedule(eventId, title, start, start.plus(Duration.ofHours(8)), "Europe/Stockholm", 50,
                new EventAccess(Tokens.ORGANISATION, Stories.OWNER, false, List.of(CO_ORGANISER), List.of()));
        Stories.known(eventId);
        return eventId;
    }
}
