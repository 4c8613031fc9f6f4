package app.convene.backbone.testing;

import java.util.Map;

import io.restassured.path.json.JsonPath;

/** An operation's documented answer, followed to components.responses where the document shares it. */
public final class DocumentedAnswers {
    private DocumentedAnswers() {
    }

    /** The answer {@code operation} (e.g. {@code '/api/events'.post}) documents for {@code status}, or null. */
    public static Map<String, Object> of(JsonPath document, String operation, String status) {
        Map<String, Object> answer = document.getMap("paths." + operation + ".responses.'" + status + "'");
        if (answer != null && answer.get("$ref") instanceof String ref) {
            return document.getMap("components.responses." + ref.substring(ref.lastIndexOf('/') + 1));
        }
        return answer;
    }

    /** The content of that answer, by media type. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> content(JsonPath document, String operation, String status) {
        Map<String, Object> answer = of(document, operation, status);
        return answer == null ? null : (Map<String, Object>) answer.get("content");
    }
}
