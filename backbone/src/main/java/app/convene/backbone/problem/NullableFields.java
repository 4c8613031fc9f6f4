package app.convene.backbone.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Says in the OpenAPI documents what the answers do: an object's properties are written whether or not they have a
 * value, so one that is not required may be {@code null} ("null on the last page", "null until decided"). Without
 * this, a property documented as {@code type: string} came as {@code null}, and a client generated from the document
 * typed it as a string that is never null. Every property a schema does not list as required is made nullable:
 * {@code type} gains {@code "null"}, and a reference becomes {@code anyOf} the reference or {@code null}. A request may
 * likewise send such a property as null.
 * <p>
 * A record component of a primitive type ({@code int confirmed}, {@code boolean confidential}) always has a value,
 * so its property is required, and stays non-null: the schema's record is found in the application's index by the
 * schema's name (among records that share a name, by its properties). Runs when the document is built, so the
 * stored document that clients are generated from says it too.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class NullableFields implements OASFilter {
    private static final DotName SCHEMA = DotName
            .createSimple("org.eclipse.microprofile.openapi.annotations.media.Schema");
    private static final DotName JSON_PROPERTY = DotName
            .createSimple("com.fasterxml.jackson.annotation.JsonProperty");

    private final IndexView index;

    public NullableFields(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Map<DotName, ClassInfo>> records = recordsBySchemaName();
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            ClassInfo record = recordOf(name, schema, records);
            if (record != null) {
                requirePrimitives(record, schema);
            }
        });
        for (Schema schema : openAPI.getComponents().getSchemas().values()) {
            visit(schema, 0);
        }
    }

    /**
     * The application's records by the name their schema has: their simple name unless {@code @Schema} renames them.
     * A name two records share names neither (the index may also list one class twice).
     */
    private Map<String, Map<DotName, ClassInfo>> recordsBySchemaName() {
        Map<String, Map<DotName, ClassInfo>> records = new HashMap<>();
        if (index == null) {
            return records;
        }
        for (ClassInfo type : index.getKnownClasses()) {
            if (type.isRecord()) {
                AnnotationInstance schema = type.declaredAnnotation(SCHEMA);
                AnnotationValue renamed = schema == null ? null : schema.value("name");
                String name = renamed == null || renamed.asString().isBlank() ? type.simpleName() : renamed.asString();
                records.computeIfAbsent(name, n -> new HashMap<>()).put(type.name(), type);
            }
        }
        return records;
    }

    /**
     * The record a schema was made from: the one record of its name; when records share a name (the document then
     * calls them {@code Entry}, {@code Entry1}, …), the one of them whose properties are exactly the schema's. Null when
     * that is not one record.
     */
    private static ClassInfo recordOf(String name, Schema schema, Map<String, Map<DotName, ClassInfo>> records) {
        Map<DotName, ClassInfo> named = records.getOrDefault(name, Map.of());
        if (named.size() == 1) {
            return named.values().iterator().next();
        }
        String base = named.isEmpty() ? name.replaceFirst("\\d+$", "") : name;
        Map<DotName, ClassInfo> candidates = records.getOrDefault(base, Map.of());
        if (candidates.size() < 2 || schema.getProperties() == null) {
            return null;
        }
        ClassInfo found = null;
        for (ClassInfo candidate : candidates.values()) {
            if (propertiesOf(candidate).equals(schema.getProperties().keySet())) {
                if (found != null) {
                    return null;
                }
                found = candidate;
            }
        }
        return found;
    }

    private static Set<String> propertiesOf(ClassInfo record) {
        Set<String> names = new HashSet<>();
        for (RecordComponentInfo component : record.recordComponents()) {
            names.add(propertyOf(component));
        }
        return names;
    }

    private static String propertyOf(RecordComponentInfo component) {
        AnnotationInstance renamed = component.declaredAnnotation(JSON_PROPERTY);
        return renamed != null && renamed.value() != null && !renamed.value().asString().isBlank()
                ? renamed.value().asString() : component.name();
    }

    private static void requirePrimitives(ClassInfo record, Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        for (RecordComponentInfo component : record.recordComponents()) {
            if (component.type().kind() != Type.Kind.PRIMITIVE) {
                continue;
            }
            String property = propertyOf(component);
            if (properties.containsKey(property)
                    && (schema.getRequired() == null || !schema.getRequired().contains(property))) {
                schema.addRequired(property);
            }
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
