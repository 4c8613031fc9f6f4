package app.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The files that need no kubectl: the compose file (no Docker here, so its shape), the Grafana dashboards and the
 * alert rules, and the PrometheusRule that must carry the same rules.
 */
class DeployFilesTest {
    static final Path COMPOSE = Repository.ROOT.resolve("deploy/compose");
    static final Path MONITORING = Repository.ROOT.resolve("deploy/monitoring");

    @Test
    void composeRunsEveryPartAndGivesEachServiceEveryVariableItReads() {
        JsonNode compose = Rendered.parse(COMPOSE.resolve("compose.yaml"));
        Set<String> services = new HashSet<>();
        compose.path("services").fieldNames().forEachRemaining(services::add);
        assertThat(services).containsAll(Repository.SERVICES)
                .contains("kafka", "postgres", "mailcatcher", "prometheus", "grafana");
        JsonNode prometheus = Rendered.parse(COMPOSE.resolve("prometheus.yml"));
        for (String service : Repository.SERVICES) {
            JsonNode definition = compose.path("services").path(service);
            Map<String, String> environment = new TreeMap<>();
            for (JsonNode file : definition.path("env_file")) {
                for (String line : Repository.lines(COMPOSE.resolve(file.asText()))) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        environment.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                    }
                }
            }
            definition.path("environment").fields()
                    .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
            assertThat(environment.keySet()).as("%s in compose.yaml: variables set", service)
                    .containsAll(Repository.requiredEnvironment(service));
            assertThat(definition.path("volumes").toString()).contains("../../" + service + "/target/quarkus-app:/app");
            String management = environment.get("QUARKUS_MANAGEMENT_PORT");
            assertThat(definition.path("healthcheck").toString()).contains(":" + management + "/q/health/ready");
            assertThat(prometheus.path("scrape_configs").toString()).as("Prometheus scrapes %s", service)
                    .contains("\"job_name\":\"" + service + "\"").contains(service + ":" + management);
        }
        for (JsonNode definition : compose.path("services")) {
            for (JsonNode volume : definition.path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".") && !source.contains("/target/")) {
                    assertThat(COMPOSE.resolve(source).normalize()).as("compose mounts %s", source).exists();
                }
            }
        }
    }

    @Test
    void everyDashboardPanelQueriesPrometheus() throws Exception {
        Set<String> uids = new HashSet<>();
        List<Path> dashboards;
        try (var files = Files.list(MONITORING.resolve("dashboards"))) {
            dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards).hasSize(5);
        String kustomization = Repository.read(MONITORING.resolve("kustomization.yaml"));
        for (Path file : dashboards) {
            JsonNode dashboard = Rendered.YAML.readTree(file.toFile());
            assertThat(uids.add(dashboard.path("uid").asText())).as("%s: a uid of its own", file).isTrue();
            assertThat(dashboard.path("title").asText()).isNotBlank();
            assertThat(dashboard.path("panels")).isNotEmpty();
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(panel.path("targets")).as("%s: %s", file, panel.path("title")).isNotEmpty();
                panel.path("targets").forEach(t -> assertThat(t.path("expr").asText()).isNotBlank());
            }
            assertThat(kustomization).as("the dashboards ConfigMap holds %s", file.getFileName())
                    .contains("dashboards/" + file.getFileName());
        }
    }

    @Test
    void thePrometheusRuleCarriesTheAlertRules() {
        JsonNode rules = Rendered.parse(MONITORING.resolve("alerts.yaml"));
        JsonNode resource = Rendered.parse(MONITORING.resolve("prometheus-rule.yaml"));
        assertThat(resource.path("spec").path("groups"))
                .as("prometheus-rule.yaml's spec.groups is alerts.yaml's groups (copy them again)")
                .isEqualTo(rules.path("groups"));
        Set<String> alerts = new HashSet<>();
        rules.path("groups").forEach(g -> g.path("rules").forEach(r -> alerts.add(r.path("alert").asText())));
        assertThat(alerts).contains("ConveneOutboxStuck", "ConveneConsumerLag", "ConveneDeadLettersArriving",
                "ConveneServerErrors");
    }
}
