package app.convene.backbone.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.SampleService;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * An answer writes every property, with null where there is no value; the OpenAPI document says so, so that a client
 * or a validating proxy built from it does not take a null it is given for a broken promise.
 */
@QuarkusTest
@TestProfile(SampleService.class)
class NullableFieldsTest {
    @Test
    void aPropertyAnAnswerMayLeaveWithoutValueIsDocumentedAsNullable() {
        // a memo written without a slug answers "slug": null
        JsonPath memo = given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("text", "Bring the badges")).post("/api/memos").then().statusCode(201).extract()
                .jsonPath();
        assertThat(memo.getMap("")).containsEntry("slug", null);

        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> response = doc.getMap("components.schemas.MemoResponse.properties");
        assertThat(response.get("slug")).isEqualTo(Map.of("type", List.of("string", "null")));
        // a reference: either what it names or null
        assertThat(doc.getList("components.schemas.MemoResponse.properties.id.anyOf")).containsExactly(
                Map.of("$ref", "#/components/schemas/UUID"), Map.of("type", "null"));
        // a primitive always has a value: required, and never null
        assertThat(memo.getInt("copies")).isEqualTo(1);
        assertThat(doc.getList("components.schemas.MemoResponse.required")).contains("copies");
        assertThat(doc.getString("components.schemas.MemoResponse.properties.copies.type")).isEqualTo("integer");
        assertThat(doc.getList("components.schemas.MemoResponse.required")).doesNotContain("slug", "id");
        // nested objects and items of lists too
        assertThat(doc.getList("components.schemas.Placement.properties.room.type")).containsExactly("string", "null");

        // what a request must give stays as it is: it is never null
        assertThat(doc.getList("components.schemas.MemoRequest.required")).contains("text");
        assertThat(doc.getString("components.schemas.MemoRequest.properties.text.type")).isEqualTo("string");
        assertThat(doc.getString("components.schemas.Seat.properties.number.type")).isEqualTo("integer");
        // an optional property of a request may be sent as null
        assertThat(doc.getList("components.schemas.MemoRequest.properties.slug.type")).containsExactly("string", "null");
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordsThatShareANameHaveTheirPrimitivesRequiredToo() {
        String id = given().header("Authorization", Tokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("text", "Print the agenda", "copies", 3)).post("/api/memos").then().statusCode(201)
                .extract().path("id");
        given().header("Authorization", Tokens.organizer()).get("/api/memos/{id}/history", id).then()
                .statusCode(200);

        // The document names the three records called Entry (the audit's, a printing's, a reading's) Entry, Entry1
        // and Entry2, in an order of its own: each is found by its properties.
        Map<String, Map<String, Object>> schemas = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("components.schemas");
        Map<String, Object> printing = entryWith(schemas, "printer");
        Map<String, Object> reading = entryWith(schemas, "reader");
        assertThat((List<Object>) printing.get("required")).containsExactly("copies");
        assertThat((List<Object>) reading.get("required")).containsExactlyInAnyOrder("times", "aloud");
        assertThat(((Map<?, ?>) ((Map<?, ?>) reading.get("properties")).get("aloud")).get("type")).isEqualTo("boolean");
        assertThat(((Map<?, ?>) ((Map<?, ?>) printing.get("properties")).get("printer")).get("type"))
                .isEqualTo(List.of("string", "null"));
    }

    private static Map<String, Object> entryWith(Map<String, Map<String, Object>> schemas, String property) {
        List<Map<String, Object>> found = schemas.entrySet().stream()
                .filter(e -> e.getKey().matches("Entry\\d*"))
                .map(Map.Entry::getValue)
                .filter(schema -> ((Map<?, ?>) schema.get("properties")).containsKey(property)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
