package app.convene.backbone.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the service's AsyncAPI 3.0 document ({@value #RESOURCE} on its classpath, kept in the repository and
 * checked against the code by the service's drift test) at {@code /q/asyncapi}, where {@code /q/openapi} is: on the
 * management interface when it is enabled (a packaged service: port 9081-9084), else on the main port (dev and test).
 * YAML by default; JSON for {@code ?format=json} or {@code Accept: application/json}.
 */
@ApplicationScoped
public class AsyncApiEndpoint {
    public static final String RESOURCE = "asyncapi.yaml";
    static final String YAML = "application/yaml";
    static final String JSON = "application/json";

    @ConfigProperty(name = "quarkus.management.enabled", defaultValue = "false")
    boolean managementEnabled;
    @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q")
    String nonApplicationRoot;

    private volatile Documents documents;

    void onManagementInterface(@Observes ManagementInterface management) {
        register(management.router());
    }

    void onMainRouter(@Observes Router router) {
        if (!managementEnabled) {
            register(router);
        }
    }

    private void register(Router router) {
        documents();
        String root = nonApplicationRoot.startsWith("/") ? nonApplicationRoot : "/" + nonApplicationRoot;
        router.get((root.endsWith("/") ? root : root + "/") + "asyncapi").handler(this::serve);
    }

    private void serve(RoutingContext context) {
        Documents served = documents();
        if (served == null) {
            context.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .end("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                            + "\"detail\":\"this service has no AsyncAPI document\"}");
            return;
        }
        boolean json = "json".equalsIgnoreCase(context.request().getParam("format"))
                || (context.request().getParam("format") == null && prefersJson(context));
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, (json ? JSON : YAML) + ";charset=UTF-8")
                .end(json ? served.json() : served.yaml());
    }

    private static boolean prefersJson(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(JSON) && !accept.contains("yaml");
    }

    private Documents documents() {
        if (documents == null) {
            documents = Documents.load();
        }
        return documents == Documents.NONE ? null : documents;
    }

    /** The document as kept (YAML) and as JSON, read once. */
    private record Documents(String yaml, String json) {
        static final Documents NONE = new Documents("", "");

        static Documents load() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    return NONE;
                }
                String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String json = new ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(new YAMLMapper().readTree(yaml));
                return new Documents(yaml, json);
            } catch (IOException e) {
                throw new UncheckedIOException("the AsyncAPI document " + RESOURCE + " cannot be read", e);
            }
        }
    }
}
