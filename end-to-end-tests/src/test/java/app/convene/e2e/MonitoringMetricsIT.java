package app.convene.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import app.convene.e2e.Stack.Service;

/**
 * Every metric the dashboards and alert rules of {@code deploy/monitoring} query is one that the packaged services
 * serve on {@code /q/metrics} of their management port; a query that names a service ({@code job="..."}) is checked
 * against that service. The rule group {@code convene-kafka-exporter} reads the Kafka Exporter, not a service.
 */
@ExtendWith(Stack.class)
class MonitoringMetricsIT {
    static final Path MONITORING = Stack.REPOSITORY.resolve("deploy/monitoring");
    static final String EXPORTER_GROUP = "convene-kafka-exporter";
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{([^}]*)\\})?");
    private static final Pattern JOB = Pattern.compile("\\bjob\\s*(=~|=)\\s*\"(\\d+)\"");

    /** One metric a query names, and the services it must come from (empty: any of them). */
    record Use(String where, String metric, Set<String> jobs) {
    }

    @Test
    void everyMetricOfTheDashboardsAndAlertsIsServed() throws IOException {
        List<Use> uses = new ArrayList<>();
        for (Map.Entry<String, String> query : queries().entrySet()) {
            uses.addAll(uses(query.getKey(), query.getValue()));
        }
        assertThat(uses).extracting(Use::metric).contains("outbox_pending", "outbox_oldest_pending_seconds",
                "inbox_consumer_lag", "http_server_requests_seconds_count");

        // HTTP metrics appear with the first answer: every service answers a few requests first.
        for (Service service : Service.values()) {
            Api.as(service, "organizer", Api.ORGANIZER).get("/api/events/" + UUID.randomUUID() + "/audit");
            given().baseUri(service.url()).get("/api/events/" + UUID.randomUUID());
        }
        Api.scheduleEvent("Metrics check", Instant.parse("2031-05-01T08:00:00Z"),
                Instant.parse("2031-05-01T17:00:00Z"), 10);

        Map<Service, Set<String>> served = new EnumMap<>(Service.class);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (Service service : Service.values()) {
                served.put(service, metricNames(given().baseUri(service.managementUrl()).get("/q/metrics").then()
                        .statusCode(200).extract().asString()));
            }
            List<String> missing = new ArrayList<>();
            for (Use use : uses) {
                List<Service> from = Stream.of(Service.values())
                        .filter(s -> use.jobs().isEmpty() || use.jobs().contains(s.module())).toList();
                assertThat(from).as("%s names no known service: %s", use.where(), use.jobs()).isNotEmpty();
                boolean found = use.jobs().isEmpty()
                        ? from.stream().anyMatch(s -> served.get(s).contains(use.metric()))
                        : from.stream().allMatch(s -> served.get(s).contains(use.metric()));
                if (!found) {
                    missing.add(use.where() + ": " + use.metric() + (use.jobs().isEmpty() ? "" : " from "
                            + use.jobs()));
                }
            }
            assertThat(missing).as("metrics the dashboards and alerts query that no service serves").isEmpty();
        });
    }

    /** Every PromQL expression of the dashboards and of the services' alert rules, by where it is. */
    static Map<String, String> queries() throws IOException {
        Map<String, String> queries = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(MONITORING.resolve("dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = json.readTree(file.toFile());
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        queries.put(file.getFileName() + " / " + panel.path("title").asText() + " / "
                                + target.path("refId").asText(), target.path("expr").asText());
                    }
                }
            }
        }
        JsonNode rules = new YAMLMapper().readTree(MONITORING.resolve("alerts.yaml").toFile());
        for (JsonNode group : rules.path("groups")) {
            if (!group.path("name").asText().equals(EXPORTER_GROUP)) {
                for (JsonNode rule : group.path("rules")) {
                    queries.put("alerts.yaml / " + rule.path("alert").asText(), rule.path("expr").asText());
                }
            }
        }
        assertThat(queries).isNotEmpty();
        return queries;
    }

    /** The metrics one PromQL expression selects, each with the jobs its selector names. */
    static List<Use> uses(String where, String expression) {
        List<String> literals = new ArrayList<>();
        Matcher strings = STRING.matcher(expression);
        StringBuilder text = new StringBuilder();
        while (strings.find()) {
            literals.add(strings.group().substring(1, strings.group().length() - 1));
            strings.appendReplacement(text, "\"" + (literals.size() - 1) + "\"");
        }
        strings.appendTail(text);
        String query = GROUPING.matcher(text.toString().replaceAll("\\[[^\\]]*\\]", "[]")).replaceAll(" ");
        List<Use> uses = new ArrayList<>();
        Matcher selector = SELECTOR.matcher(query);
        while (selector.find()) {
            String name = selector.group(1);
            String rest = query.substring(selector.end()).stripLeading();
            boolean function = selector.group(2) == null && rest.startsWith("(");
            boolean number = selector.start() > 0 && Character.isDigit(query.charAt(selector.start() - 1));
            if (function || number || KEYWORDS.contains(name.toLowerCase())) {
                continue;
            }
            Set<String> jobs = new TreeSet<>();
            if (selector.group(3) != null) {
                Matcher job = JOB.matcher(selector.group(3));
                while (job.find()) {
                    String value = literals.get(Integer.parseInt(job.group(2)));
                    jobs.addAll(job.group(1).equals("=~") ? List.of(value.split("\\|")) : List.of(value));
                }
            }
            uses.add(new Use(where, name, jobs));
        }
        return uses;
    }

    /** The metric names of a Prometheus text exposition. */
    static Set<String> metricNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int end = line.indexOf('{');
                names.add((end < 0 ? line.substring(0, line.indexOf(' ')) : line.substring(0, end)).strip());
            }
        }
        return names;
    }

    @Test
    void theQueryReaderFindsMetricsAndTheirServices() {
        assertThat(uses("t", "sum by (job, status) (rate(http_server_requests_seconds_count{job=\"venue-service\","
                + "uri=\"/api/events/{eventId}/readiness\"}[5m])) * 60 / max(outbox_pending) > 0.5"))
                .containsExactly(new Use("t", "http_server_requests_seconds_count", Set.of("venue-service")),
                        new Use("t", "outbox_pending", Set.of()));
        assertThat(uses("t", "topk(10, max by (job) (inbox_consumer_lag{job=~\"a|b\"}))"))
                .containsExactly(new Use("t", "inbox_consumer_lag", Set.of("a", "b")));
    }
}
