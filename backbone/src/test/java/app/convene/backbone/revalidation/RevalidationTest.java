package app.convene.backbone.revalidation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.SampleService;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A dashboard polls a read: the first answer carries a tag, and while nothing changes the same question with that tag
 * is answered 304 without a body; once something changes it gets the new answer and a new tag. A calendar feed's
 * tag does not change with the moment the feed was written.
 */
@QuarkusTest
@TestProfile(SampleService.class)
class RevalidationTest {

    @Test
    void aPolledReadIsAnswered304WhileItIsUnchangedAndAgainInFullOnceItChanged() {
        UUID memo = write("Catering headcount");
        Response first = read(memo, null);
        first.then().statusCode(200);
        String tag = first.header("ETag");
        assertThat(tag).matches("W/\"[A-Za-z0-9_-]{22}\"");
        assertThat(first.header("Cache-Control")).isEqualTo("private, no-cache");
        assertThat(first.jsonPath().getInt("copies")).isEqualTo(1);

        Response unchanged = read(memo, tag);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.asByteArray()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(tag);
        // a list that names it, the strong form of it, or any tag at all
        assertThat(read(memo, "W/\"older\", " + tag).statusCode()).isEqualTo(304);
        assertThat(read(memo, tag.substring(2)).statusCode()).isEqualTo(304);
        assertThat(read(memo, "*").statusCode()).isEqualTo(304);
        assertThat(read(memo, "W/\"older\"").statusCode()).isEqualTo(200);

        given().header("Authorization", Tokens.organizer())
                .post("/api/memos/" + memo + "/copies-with/" + memo).then().statusCode(204);
        Response changed = read(memo, tag);
        changed.then().statusCode(200);
        assertThat(changed.jsonPath().getInt("copies")).isEqualTo(3);
        assertThat(changed.header("ETag")).isNotEqualTo(tag);
        assertThat(read(memo, changed.header("ETag")).statusCode()).isEqualTo(304);
    }

    @Test
    void twoReadsThatSayDifferentThingsHaveDifferentTagsAndAFailedReadHasNone() {
        String one = read(write("Venue walk-through"), null).header("ETag");
        String other = read(write("Venue walk-through, revised"), null).header("ETag");
        assertThat(one).isNotEqualTo(other);

        Response missing = read(UUID.randomUUID(), one);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.header("ETag")).isNull();
    }

    @Test
    void aCalendarsTagLeavesOutTheMomentItWasWritten() {
        UUID memo = write("Run of show");
        Response first = reminder(memo, null);
        Response second = reminder(memo, null);
        first.then().statusCode(200);
        second.then().statusCode(200);
        assertThat(first.asString()).contains("DTSTAMP:").isNotEqualTo(second.asString());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(reminder(memo, first.header("ETag")).statusCode()).isEqualTo(304);

        given().header("Authorization", Tokens.organizer())
                .post("/api/memos/" + memo + "/copies-with/" + memo).then().statusCode(204);
        Response changed = reminder(memo, first.header("ETag"));
        changed.then().statusCode(200);
        assertThat(changed.asString()).contains("Run of show (3)");
        assertThat(changed.header("ETag")).isNotEqualTo(first.header("ETag"));
    }

    @Test
    void aFieldThatTellsTheMomentOfAskingIsLeftOutOfTheTag() throws Exception {
        UUID memo = write("Badge printing");
        Response first = status(memo, null);
        Thread.sleep(5);
        Response second = status(memo, null);
        assertThat(second.jsonPath().getString("asOf")).isNotEqualTo(first.jsonPath().getString("asOf"));
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(status(memo, first.header("ETag")).statusCode()).isEqualTo(304);

        given().header("Authorization", Tokens.organizer())
                .post("/api/memos/" + memo + "/copies-with/" + memo).then().statusCode(204);
        Response changed = status(memo, first.header("ETag"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.jsonPath().getInt("copies")).isEqualTo(3);
        assertThat(changed.header("ETag")).isNotEqualTo(first.header("ETag"));
    }

    @Test
    void theOpenApiDocumentNamesTheHeaderTheTagAndThe304() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> read = doc.getMap("paths.'/api/memos/{id}'.get");
        assertThat(doc.getList("paths.'/api/memos/{id}'.get.parameters.name")).contains("If-None-Match");
        assertThat(doc.getMap("paths.'/api/memos/{id}'.get.responses.'304'.headers")).containsKey("ETag");
        assertThat(doc.getMap("paths.'/api/memos/{id}'.get.responses.'200'.headers")).containsKey("ETag");
        assertThat(read).isNotNull();
        // a read without a 304 is left as it was
        assertThat(doc.getList("paths.'/api/memos/{id}/reminder.ics'.get.parameters.name"))
                .doesNotContain("If-None-Match");
    }

    private static UUID write(String text) {
        return UUID.fromString(given().header("Authorization", Tokens.organizer())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("text", text)).post("/api/memos").then().statusCode(201).extract().path("id"));
    }

    private static Response read(UUID memo, String ifNoneMatch) {
        return get("/api/memos/" + memo, ifNoneMatch);
    }

    private static Response status(UUID memo, String ifNoneMatch) {
        return get("/api/memos/" + memo + "/status", ifNoneMatch);
    }

    private static Response reminder(UUID memo, String ifNoneMatch) {
        return get("/api/memos/" + memo + "/reminder.ics", ifNoneMatch);
    }

    private static Response get(String path, String ifNoneMatch) {
        var request = given().header("Authorization", Tokens.organizer());
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.get(path);
    }
}
