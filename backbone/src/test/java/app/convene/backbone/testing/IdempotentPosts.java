package app.convene.backbone.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/**
 * The POST operations of the service under test's OpenAPI document, sorted by how a retry is safe: those that
 * declare the {@code Idempotency-Key} header and its 422, those idempotent by nature ({@code x-idempotent: true},
 * e.g. a link clicked from mail, which cannot send a header), and those with neither.
 */
public record IdempotentPosts(List<String> posts, List<String> idempotentByNature, List<String> withoutKey) {

    public static IdempotentPosts survey() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> posts = new ArrayList<>();
        List<String> byNature = new ArrayList<>();
        List<String> without = new ArrayList<>();
        paths.forEach((path, methods) -> {
            if (!path.startsWith("/api/") || !methods.containsKey("post")) {
                return;
            }
            String operation = "paths.'" + path + "'.post";
            posts.add(path);
            if (Boolean.TRUE.equals(doc.get(operation + ".x-idempotent"))) {
                byNature.add(path);
                return;
            }
            List<Map<String, Object>> parameters = doc.getList(operation + ".parameters");
            boolean declared = parameters != null && parameters.stream().anyMatch(
                    p -> "Idempotency-Key".equals(p.get("name")) && "header".equals(p.get("in")));
            if (!declared || doc.getMap(operation + ".responses.'422'") == null) {
                without.add("POST " + path);
            }
        });
        return new IdempotentPosts(posts, byNature, without);
    }
}
