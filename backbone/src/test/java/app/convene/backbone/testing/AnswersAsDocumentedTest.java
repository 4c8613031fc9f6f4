package app.convene.backbone.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.SampleService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The check every service's tests run their answers through catches an answer its document denies, and only that. */
@QuarkusTest
@TestProfile(SampleService.class)
class AnswersAsDocumentedTest {
    private final AnswersAsDocumented check = new AnswersAsDocumented();

    @Test
    void anAnswerThatBreaksItsDocumentFailsTheTestNamingTheOperationAndWhatDiffers() {
        String memo = given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("text", "Check the answers")).post("/api/memos").then().statusCode(201).extract()
                .path("id");

        // as documented: passes, nulls included (the memo has no slug)
        checked().get("/api/memos/{id}/status-as-asked?answer=documented", memo).then().statusCode(200);
        checked().get("/api/memos/{id}", memo).then().statusCode(200);
        assertThat(checked().get("/api/memos/{id}", memo).jsonPath().getMap("")).containsEntry("slug", null);
        // a problem answer is documented for every operation
        checked().get("/api/memos/{id}", java.util.UUID.randomUUID()).then().statusCode(404);

        assertThatThrownBy(() -> checked().get("/api/memos/{id}/status-as-asked?answer=wrong-type", memo))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/memos/" + memo + "/status-as-asked answered 200 against its OpenAPI "
                        + "document")
                .hasMessageContaining("$.copies");
        assertThatThrownBy(() -> checked().get("/api/memos/{id}/status-as-asked?answer=undocumented-status", memo))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("status 202 is not documented for GET /api/memos/{id}/status-as-asked");
    }

    private RequestSpecification checked() {
        return given().filter(check).header("Authorization", Tokens.organizer());
    }
}
