package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Race;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The organiser's assistant and a co-organiser write the same draft minutes from two screens. Each change names the
 * ETag it was made from (If-Match): the one that comes second is refused with 412 instead of silently replacing the
 * first, re-reads and merges; the chair approves exactly the revision they read.
 */
@QuarkusTest
class MinutesEditedTogetherTest {
    private static final String OWNER = "olivia.organizer@example.com";
    private static final String CO_ORGANISER = "cora.coorganiser@example.com";
    private static final String CHAIR = "chris.chair@example.com";
    private static final String CHAIR_TOKEN = Tokens.bearer("organizer", CHAIR);

    @Test
    void aChangeMadeFromAStaleReadIsRefusedAndTheDraftKeepsWhatTheOtherWrote() {
        UUID meeting = Api.scheduleEvent("Leadership offsite", 20);
        given().header("Authorization", Tokens.organizer())
                .put("/api/events/{e}/co-organizers/{s}", meeting, CO_ORGANISER).then().statusCode(200);
        String owner = Tokens.organizer();
        String coOrganiser = Tokens.bearer("organizer", CO_ORGANISER);

        // No minutes yet: a write naming a state is refused, one naming none creates the first revision.
        write(owner, meeting, "\"made-up\"", "First draft").statusCode(412)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        write(owner, meeting, null, "First draft").statusCode(200).header("ETag", nullValue());

        // Both read the draft: the same tag; reading again with it is answered 304.
        String first = read(owner, meeting).header("ETag");
        String ownersRead = first;
        String coOrganisersRead = read(coOrganiser, meeting).header("ETag");
        assertThat(ownersRead).isEqualTo(first).isEqualTo(coOrganisersRead);
        given().header("Authorization", owner).header("If-None-Match", first).get("/api/events/{e}/minutes", meeting)
                .then().statusCode(304).header("ETag", first);

        // The co-organiser saves first; the owner's save from the older read is refused and changes nothing.
        write(coOrganiser, meeting, coOrganisersRead, "Cora's notes").statusCode(200)
                .body("entries[0].notes", equalTo("Cora's notes"));
        String second = read(coOrganiser, meeting).header("ETag");
        assertThat(second).isNotEqualTo(first);
        write(owner, meeting, ownersRead, "Olivia's notes").statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://convene.app/problems/precondition-failed"))
                .body("errors[0].field", equalTo("If-Match"))
                .body("detail", org.hamcrest.Matchers.containsString(second));
        ExtractableResponse<Response> now = read(owner, meeting);
        assertThat(now.header("ETag")).isEqualTo(second);
        assertThat(now.jsonPath().getString("entries[0].notes")).isEqualTo("Cora's notes");

        // A weak form of the current tag is no match for a change (RFC 9110: If-Match compares strongly); the
        // current tag is, and so is "*".
        write(owner, meeting, "W/" + second, "Olivia's notes").statusCode(412);
        write(owner, meeting, second, "Cora's notes. Olivia's notes").statusCode(200);
        String third = read(owner, meeting).header("ETag");
        write(owner, meeting, "*", "Cora's notes. Olivia's notes, again").statusCode(200);
        String fourth = read(owner, meeting).header("ETag");
        assertThat(List.of(first, second, third, fourth)).doesNotHaveDuplicates();

        // The chair does not see a draft; once it is submitted to them, they read it.
        given().header("Authorization", CHAIR_TOKEN).get("/api/events/{e}/minutes", meeting).then().statusCode(404);

        // Submitted from a stale read: refused; from the current one: submitted, with a new tag.
        given().header("Authorization", coOrganiser).header("If-Match", third)
                .post("/api/events/{e}/minutes/submit", meeting).then().statusCode(412);
        given().header("Authorization", coOrganiser).header("If-Match", fourth)
                .post("/api/events/{e}/minutes/submit", meeting).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        String submitted = read(CHAIR_TOKEN, meeting).header("ETag");
        assertThat(submitted).isNotEqualTo(fourth);

        // The chair approves what they read.
        String chair = CHAIR_TOKEN;
        given().header("Authorization", chair).header("If-Match", fourth)
                .post("/api/events/{e}/minutes/approve", meeting).then().statusCode(412);
        given().header("Authorization", chair).header("If-Match", submitted)
                .post("/api/events/{e}/minutes/approve", meeting).then().statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void ofManyWritesFromTheSameReadExactlyOneIsMade() throws Exception {
        UUID meeting = Api.scheduleEvent("Quarterly review", 20);
        String owner = Tokens.organizer();
        write(owner, meeting, null, "Agreed so far").statusCode(200);
        String read = read(owner, meeting).header("ETag");

        List<Integer> statuses = Race.statuses(8, writer -> write(owner, meeting, read, "Writer " + writer)
                .extract().statusCode());
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        String saved = read(owner, meeting).jsonPath().getString("entries[0].notes");
        assertThat(saved).startsWith("Writer ");
    }

    private static io.restassured.response.ValidatableResponse write(String token, UUID meeting, String ifMatch,
            String notes) {
        var request = given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("chair", CHAIR, "entries", List.of(Map.of("notes", notes))));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/events/{e}/minutes", meeting).then();
    }

    private static ExtractableResponse<Response> read(String token, UUID meeting) {
        return given().header("Authorization", token).get("/api/events/{e}/minutes", meeting).then().statusCode(200)
                .header("ETag", startsWith("\"")).extract();
    }
}
