package app.convene.backbone.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Says in the OpenAPI documents what the answers do: an object's properties are written whether or not they have a
 * value, so one that is not required may be {@code null} ("null on the last page", "null until decided"). Without
 * this, a property documented as {@code type: string} came as {@code null}, and a client generated from the document
 * typed it as a string that is never null. Every property a schema does not list as required is made nullable:
 * {@code type} gains {@code "null"}, and a reference becomes {@code anyOf} the reference or {@code null}. A request may
 * likewise send such a property as null. Runs when the document is built, so the stored document that clients are
 * generated from says it too.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class NullableFields implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema schema : openAPI.getComponents().getSchemas().values()) {
            visit(schema, 0);
        }
    }

    private static void visit(Schema schema, int depth) {
        if (schema == null || depth > 20) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            Set<String> required = schema.getRequired() == null ? Set.of() : new HashSet<>(schema.getRequired());
            for (Map.Entry<String, Schema> property : properties.entrySet()) {
                visit(property.getValue(), depth + 1);
                if (!required.contains(property.getKey())) {
                    nullable(property.getValue());
                }
            }
        }
        visit(schema.getItems(), depth + 1);
        visit(schema.getAdditionalPropertiesSchema(), depth + 1);
        for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (parts != null) {
                parts.forEach(part -> visit(part, depth + 1));
            }
        }
    }

    private static void nullable(Schema property) {
        if (property == null) {
            return;
        }
        if (property.getRef() != null) {
            // the reference's own schema forbids null: either it or null
            Schema reference = OASFactory.createSchema().ref(property.getRef());
            property.setRef(null);
            property.setType(null);
            property.setFormat(null);
            property.setAnyOf(List.of(reference, OASFactory.createSchema().addType(SchemaType.NULL)));
        } else if (property.getType() != null && !property.getType().isEmpty()
                && !property.getType().contains(SchemaType.NULL)) {
            List<SchemaType> types = new ArrayList<>(property.getType());
            types.add(SchemaType.NULL);
            property.setType(types);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(property.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        }
    }
}
