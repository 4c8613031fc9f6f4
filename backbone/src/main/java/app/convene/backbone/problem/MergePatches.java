package app.convene.backbone.problem;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a PATCH body as JSON Merge Patch does (RFC 7396): a field left out keeps its value, and a field sent as
 * {@code null} is cleared where the resource may be without it. Those are the only fields a record of changes cannot
 * tell apart (left out and null both read as null), so the body is read as a tree first: strictly, and validated, as
 * every body is.
 */
@ApplicationScoped
public class MergePatches {
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;

    /** The changes, and which of the fields that may be cleared were sent as null. */
    public record MergePatch<T>(T changes, Set<String> cleared) {
    }

    /**
     * Reads {@code body} as {@code type}; of the fields sent as null, those named in {@code clearable} are
     * {@link MergePatch#cleared()}, the others keep their value (as if left out).
     */
    public <T> MergePatch<T> read(JsonNode body, Class<T> type, Set<String> clearable)
            throws JsonProcessingException {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ProblemException.invalidField("body", "must not be null");
        }
        T changes = json.treeToValue(body, type);
        Set<ConstraintViolation<T>> violations = validator.validate(changes);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Set<String> cleared = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull() && clearable.contains(field.getKey())) {
                cleared.add(field.getKey());
            }
        }
        return new MergePatch<>(changes, Set.copyOf(cleared));
    }
}
