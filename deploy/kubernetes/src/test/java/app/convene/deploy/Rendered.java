package app.convene.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * An overlay rendered by {@code kubectl kustomize} (no cluster needed), as YAML trees, and the strict reading of each
 * object as its model: fabric8's Kubernetes and Prometheus Operator models, Strimzi's API. The models keep unknown
 * fields in an "additional properties" map; here that door is shut, so a misspelt or misplaced field fails.
 */
final class Rendered {
    static final String SKIP = "kubernetes.render.skip";
    /** Fail, rather than skip, when kubectl is not there. */
    static final String REQUIRE = "kubernetes.render.require";
    /** The kubectl to run (a path, or a name on the PATH). */
    static final String KUBECTL = System.getProperty("kubernetes.kubectl", "kubectl");
    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .annotationIntrospector(new NoUnknownProperties())
            .build();
    private static final Map<String, List<JsonNode>> CACHE = new ConcurrentHashMap<>();

    private Rendered() {
    }

    /** The objects of {@code deploy/kubernetes/overlays/<overlay>}, as rendered by kubectl. */
    static List<JsonNode> overlay(String overlay) {
        return CACHE.computeIfAbsent(overlay, o -> parseAll(kustomize(Repository.ROOT.resolve(
                "deploy/kubernetes/overlays/" + o))));
    }

    static String kustomize(Path directory) {
        if (Boolean.getBoolean(SKIP)) {
            Assumptions.abort("-D" + SKIP + "=true: the rendered manifests are not checked");
        }
        Path output;
        try {
            output = Files.createTempFile("kustomize", ".yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Process process = new ProcessBuilder(KUBECTL, "kustomize", directory.toString())
                    .redirectOutput(output.toFile()).redirectErrorStream(false).start();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            Assertions.assertTrue(process.waitFor(120, TimeUnit.SECONDS), "kubectl kustomize did not finish in 120 s");
            Assertions.assertEquals(0, process.exitValue(), "kubectl kustomize " + directory + " failed:\n" + errors);
            return Files.readString(output);
        } catch (IOException e) {
            String message = """
                    %s: kubectl is needed to render the Kustomize overlays (offline, no cluster): install it \
                    (Debian/Ubuntu: apt-get install kubectl; .ci/run does this). (%s)""".formatted(KUBECTL,
                    e.getMessage());
            if (Boolean.getBoolean(REQUIRE)) {
                return Assertions.fail(message + " -D" + REQUIRE + "=true makes this a failure.");
            }
            Assumptions.abort("not checked: " + message);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            output.toFile().delete();
        }
    }

    static List<JsonNode> parseAll(String yaml) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            for (JsonNode document : YAML.readValues(new YAMLFactory().createParser(yaml), JsonNode.class)
                    .readAll()) {
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static Optional<JsonNode> find(List<JsonNode> objects, String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind))
                .filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    static JsonNode get(List<JsonNode> objects, String kind, String name) {
        return find(objects, kind, name).orElseGet(() -> Assertions.fail("no " + kind + " named " + name));
    }

    /** Reads the tree as {@code model}, refusing every field the model does not know. */
    static <T> T strictly(JsonNode object, Class<T> model) {
        try {
            return STRICT.treeToValue(object, model);
        } catch (IOException e) {
            return Assertions.fail(object.path("kind").asText() + " " + object.path("metadata").path("name").asText()
                    + " does not read as " + model.getName() + ": " + e.getMessage());
        }
    }

    /** Jackson without the models' catch-all for unknown fields (their {@code @JsonAnySetter}). */
    private static final class NoUnknownProperties extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }

        @Override
        @SuppressWarnings("deprecation")
        public boolean hasAnySetterAnnotation(AnnotatedMethod method) {
            return false;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
            return super.findPropertyIgnoralByName(config, annotated).withoutIgnoreUnknown();
        }
    }
}
