package app.convene.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Renders the dev and prod overlays with {@code kubectl kustomize} and checks them against the code: every object
 * reads strictly as its model, every variable a service reads is set, every topic has its KafkaTopic, and every
 * service's KafkaUser may do exactly what the service does on Kafka.
 */
class KubernetesManifestsTest {
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));
    /** CloudNativePG has no Java model: the fields its Cluster may use here, checked by name. */
    static final Map<String, Set<String>> CNPG_FIELDS = Map.of(
            "spec", Set.of("instances", "imageName", "primaryUpdateStrategy", "postgresql", "bootstrap", "storage",
                    "resources", "monitoring", "affinity", "backup"),
            "spec.postgresql", Set.of("parameters", "synchronous", "pg_hba"),
            "spec.postgresql.synchronous", Set.of("method", "number"),
            "spec.bootstrap", Set.of("initdb"),
            "spec.bootstrap.initdb", Set.of("database", "owner", "secret"),
            "spec.storage", Set.of("size", "storageClass"));
    /** Created by hand before the first apply (deploy/README.md, "Secrets to set"), never rendered in prod. */
    static final Set<String> SET_BY_OPERATORS_OF_THE_CLUSTER = Set.of("convene-jwt", "notification-secrets",
            "notification-smtp");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectReadsStrictlyAsItsModel(String overlay) {
        for (JsonNode object : Rendered.overlay(overlay)) {
            String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
            if (type.equals("postgresql.cnpg.io/v1/Cluster")) {
                checkCloudNativePg(object);
                continue;
            }
            assertThat(MODELS).as("a model for %s", type).containsKey(type);
            Rendered.strictly(object, MODELS.get(type));
        }
    }

    @Test
    void aMisspeltFieldIsRefused() {
        JsonNode deployment = Rendered.get(Rendered.parseAll(GeneratedManifestsTest.read(
                GeneratedManifestsTest.copy("budget-service"))), "Deployment", "budget-service").deepCopy();
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
                .put("livenesProbe", "typo");
        assertThatThrownBy(() -> Rendered.strictly(deployment, Deployment.class))
                .hasMessageContaining("livenesProbe");
        JsonNode topic = Rendered.parse(Repository.ROOT.resolve("deploy/kubernetes/base/kafka/topics.yaml"))
                .deepCopy();
        ((ObjectNode) topic.path("spec")).put("partition", 3);
        assertThatThrownBy(() -> Rendered.strictly(topic, KafkaTopic.class)).hasMessageContaining("partition");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceGetsEveryVariableItReads(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        for (String service : Repository.SERVICES) {
            Map<String, String> environment = environment(objects, service);
            assertThat(environment.keySet()).as("%s (%s): variables set", service, overlay)
                    .containsAll(Repository.requiredEnvironment(service));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void portsAndProbesAreTheServicesOwn(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        assertThat(Repository.backboneProperties()).containsEntry("%prod.quarkus.management.enabled", "true");
        for (String service : Repository.SERVICES) {
            assertThat(Repository.serviceProperties(service)).containsKey("quarkus.management.port");
            Map<String, String> environment = environment(objects, service);
            JsonNode container = container(objects, service);
            Map<String, Integer> ports = new HashMap<>();
            container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
            assertThat(ports).as(service).containsEntry("http",
                    Integer.parseInt(environment.get("QUARKUS_HTTP_PORT")));
            assertThat(ports).as(service).containsEntry("management",
                    Integer.parseInt(environment.get("QUARKUS_MANAGEMENT_PORT")));
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertThat(portNumber(ports, container.path(probe).at("/httpGet/port"))).as("%s %s port", service,
                        probe).isEqualTo(ports.get("management"));
            }
            assertThat(container.at("/resources/requests/cpu").isMissingNode()).isFalse();
            assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();

            JsonNode kubernetesService = Rendered.get(objects, "Service", service);
            Set<Integer> servicePorts = new HashSet<>();
            kubernetesService.at("/spec/ports").forEach(p -> servicePorts.add(portNumber(ports, p.path("targetPort"))));
            assertThat(servicePorts).as("%s Service's target ports", service)
                    .contains(ports.get("http"), ports.get("management"));
            JsonNode monitor = Rendered.get(objects, "ServiceMonitor", service);
            assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("management");
            assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
            assertThat(monitor.at("/spec/selector/matchLabels")).isEqualTo(kubernetesService.at("/spec/selector"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void mountedFilesAreReadableByTheServicesOwnUser(String overlay) {
        podsByService(overlay).forEach((service, pod) -> {
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as("%s runs as non-root", service).isTrue();
            assertThat(pod.at("/securityContext/fsGroup").isMissingNode()).isTrue();
            for (JsonNode volume : pod.path("volumes")) {
                JsonNode source = volume.has("secret") ? volume.path("secret") : volume.path("configMap");
                if (source.isMissingNode()) {
                    continue;
                }
                // Files of a volume belong to root: without an fsGroup, the service's user reads them as "others".
                int mode = source.path("defaultMode").asInt(0644);
                assertThat(mode & 04).as("%s volume %s mode %s readable by others", service,
                        volume.path("name").asText(), Integer.toOctalString(mode)).isEqualTo(04);
            }
        });
    }

    /** Each service's pod template ({@code spec.template.spec} of its Deployment) in the overlay, by service. */
    private static Map<String, JsonNode> podsByService(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        Map<String, JsonNode> pods = new java.util.LinkedHashMap<>();
        for (String service : Repository.SERVICES) {
            pods.put(service, Rendered.get(objects, "Deployment", service).at("/spec/template/spec"));
        }
        return pods;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void aStoppingPodLeavesItsServiceFirstAndHasTimeToFinish(String overlay) {
        podsByService(overlay).forEach((service, pod) -> {
            int beforeSigterm = pod.at("/containers/0/lifecycle/preStop/sleep/seconds").asInt();
            assertThat(beforeSigterm).as("%s waits before SIGTERM", service).isPositive();
            // Then: requests served for up to 10 s (quarkus.shutdown.timeout), and a mail being sent for up to its
            // 30 s timeout and a second (notification-service's senders), before the consumers and relay stop.
            assertThat(pod.at("/terminationGracePeriodSeconds").asInt()).as("%s time to stop", service)
                    .isGreaterThan(beforeSigterm + 10 + 31);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasItsBudgetsAutoscalerAndNetworkPolicy(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        for (String service : Repository.SERVICES) {
            JsonNode podLabels = Rendered.get(objects, "Deployment", service).at("/spec/template/metadata/labels");
            JsonNode budget = Rendered.get(objects, "PodDisruptionBudget", service);
            assertThat(matches(budget.at("/spec/selector/matchLabels"), podLabels)).as("%s PDB", service).isTrue();
            JsonNode autoscaler = Rendered.get(objects, "HorizontalPodAutoscaler", service);
            assertThat(autoscaler.at("/spec/scaleTargetRef/name").asText()).isEqualTo(service);
            assertThat(autoscaler.at("/spec/maxReplicas").asInt())
                    .isGreaterThanOrEqualTo(autoscaler.at("/spec/minReplicas").asInt());
            JsonNode policy = Rendered.get(objects, "NetworkPolicy", service);
            assertThat(matches(policy.at("/spec/podSelector/matchLabels"), podLabels)).as("%s policy", service)
                    .isTrue();
            String egress = policy.at("/spec/egress").toString();
            String database = databaseCluster(objects, service).path("metadata").path("name").asText();
            assertThat(egress).as("%s may reach its database", service).contains("\"cnpg.io/cluster\":\"" + database)
                    .contains("\"port\":5432").contains("\"port\":9093").contains("\"port\":53");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void secretsAndConfigMapsComeFromTheOperatorsOrAreDocumented(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        Set<String> operatorMade = new TreeSet<>();
        Rendered.ofKind(objects, "Cluster").forEach(c -> operatorMade.add(c.at("/metadata/name").asText() + "-app"));
        Rendered.ofKind(objects, "KafkaUser").forEach(u -> operatorMade.add(u.at("/metadata/name").asText()));
        Rendered.ofKind(objects, "Kafka").forEach(k -> operatorMade.add(k.at("/metadata/name").asText()
                + "-cluster-ca-cert"));
        String readme = Repository.read(Repository.ROOT.resolve("deploy/README.md"));
        for (String service : Repository.SERVICES) {
            JsonNode pod = Rendered.get(objects, "Deployment", service).at("/spec/template/spec");
            Set<String> referenced = new TreeSet<>();
            pod.findValues("secretKeyRef").forEach(r -> referenced.add(r.path("name").asText()));
            pod.findValues("configMapKeyRef").forEach(r -> referenced.add(r.path("name").asText()));
            pod.findValues("configMapRef").forEach(r -> referenced.add(r.path("name").asText()));
            pod.path("volumes").forEach(v -> {
                if (v.has("secret")) {
                    referenced.add(v.at("/secret/secretName").asText());
                }
                if (v.has("configMap")) {
                    referenced.add(v.at("/configMap/name").asText());
                }
            });
            for (String name : referenced) {
                boolean rendered = Rendered.find(objects, "Secret", name).isPresent()
                        || Rendered.find(objects, "ConfigMap", name).isPresent();
                if (!rendered && !operatorMade.contains(name)) {
                    assertThat(SET_BY_OPERATORS_OF_THE_CLUSTER).as("%s (%s) refers to %s, which nothing renders or "
                            + "creates", service, overlay, name).contains(name);
                    assertThat(readme).as("deploy/README.md says how to create %s", name).contains("`" + name + "`");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceUsesItsOwnDatabase(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        Set<String> clusters = new HashSet<>();
        for (String service : Repository.SERVICES) {
            JsonNode cluster = databaseCluster(objects, service);
            String name = cluster.at("/metadata/name").asText();
            assertThat(clusters.add(name)).as("%s shares database cluster %s", service, name).isTrue();
            String database = cluster.at("/spec/bootstrap/initdb/database").asText();
            assertThat(environment(objects, service).get("QUARKUS_DATASOURCE_JDBC_URL"))
                    .isEqualTo("jdbc:postgresql://" + name + "-rw:5432/" + database);
            JsonNode container = container(objects, service);
            assertThat(secretRef(container, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo(name + "-app/username");
            assertThat(secretRef(container, "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(name + "-app/password");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicInTheCodeHasItsKafkaTopic(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        Map<String, JsonNode> declared = new TreeMap<>();
        for (JsonNode topic : Rendered.ofKind(objects, "KafkaTopic")) {
            String name = topic.at("/spec/topicName").asText(topic.at("/metadata/name").asText());
            declared.put(name, topic);
            int replicas = topic.at("/spec/replicas").asInt();
            int minInSync = topic.at("/spec/config/min.insync.replicas").asInt();
            assertThat(topic.at("/spec/partitions").asInt()).as(name).isGreaterThanOrEqualTo(3);
            assertThat(topic.at("/spec/config/retention.ms").asLong()).as(name + " retention").isPositive();
            assertThat(minInSync).as(name + " min.insync.replicas").isBetween(1, Math.max(1, replicas - 1));
        }
        assertThat(declared.keySet()).as("KafkaTopics (%s)", overlay).isEqualTo(Repository.allTopics());
        JsonNode kafka = Rendered.ofKind(objects, "Kafka").get(0);
        assertThat(kafka.at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyKafkaUserMayDoExactlyWhatItsServiceDoes(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        JsonNode kafka = Rendered.ofKind(objects, "Kafka").get(0);
        String cluster = kafka.at("/metadata/name").asText();
        JsonNode listener = kafka.at("/spec/kafka/listeners/0");
        assertThat(listener.at("/authentication/type").asText()).isEqualTo("scram-sha-512");
        assertThat(kafka.at("/spec/kafka/authorization/type").asText()).isEqualTo("simple");
        assertThat(Rendered.ofKind(objects, "KafkaUser")).hasSize(Repository.SERVICES.size());
        for (String service : Repository.SERVICES) {
            Map<String, Set<String>> expected = new TreeMap<>();
            Repository.announcedTopics(service).forEach(t -> expected.put("topic " + t, Set.of("Write", "Describe")));
            Repository.deadLetterTopics(service).forEach(t -> expected.put("topic " + t, Set.of("Write", "Describe")));
            for (Repository.Incoming in : Repository.incoming(service)) {
                expected.put("topic " + in.topic(), Set.of("Read", "Describe"));
                expected.put("group " + in.group(), Set.of("Read"));
            }
            JsonNode user = Rendered.get(objects, "KafkaUser", service);
            assertThat(user.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(cluster);
            assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
            Map<String, Set<String>> actual = new TreeMap<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                assertThat(acl.at("/resource/patternType").asText("literal")).isEqualTo("literal");
                Set<String> operations = new TreeSet<>();
                acl.path("operations").forEach(o -> operations.add(o.asText()));
                String key = acl.at("/resource/type").asText() + " " + acl.at("/resource/name").asText();
                assertThat(actual.put(key, operations)).as("%s: one ACL per resource, %s twice", service, key)
                        .isNull();
            }
            assertThat(actual).as("ACLs of KafkaUser %s (%s)", service, overlay).isEqualTo(expected);

            Map<String, String> environment = environment(objects, service);
            assertThat(environment.get("KAFKA_BOOTSTRAP_SERVERS"))
                    .isEqualTo(cluster + "-kafka-bootstrap:" + listener.path("port").asInt());
            assertThat(environment).containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", listener.path("tls").asBoolean() ? "SASL_SSL"
                            : "SASL_PLAINTEXT");
            assertThat(secretRef(container(objects, service), "KAFKA_SASL_JAAS_CONFIG"))
                    .isEqualTo(service + "/sasl.jaas.config");
        }
    }

    @Test
    void theDevelopmentKeyIsTheBackbonesOwn() {
        assertThat(Repository.read(Repository.ROOT.resolve("deploy/kubernetes/overlays/dev/jwt-public.pem")))
                .isEqualTo(Repository.read(Repository.ROOT.resolve(
                        "backbone/src/test/resources/dev-keys/jwt-public.pem")));
    }

    @Test
    void prodSetsNoDevelopmentShortcuts() {
        List<JsonNode> objects = Rendered.overlay("prod");
        for (String service : Repository.SERVICES) {
            assertThat(environment(objects, service)).containsEntry("CONVENE_LOCAL_STACK", "false");
            assertThat(container(objects, service).path("image").asText()).doesNotEndWith(":latest");
        }
        assertThat(Rendered.ofKind(objects, "Secret")).as("prod renders no secret").isEmpty();
        for (JsonNode pool : Rendered.ofKind(objects, "KafkaNodePool")) {
            assertThat(pool.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(3);
        }
        for (JsonNode cluster : Rendered.ofKind(objects, "Cluster")) {
            assertThat(cluster.at("/spec/instances").asInt()).isGreaterThanOrEqualTo(3);
        }
    }

    /** Every variable a service's container gets: its own env and every key of the ConfigMaps it takes whole. */
    static Map<String, String> environment(List<JsonNode> objects, String service) {
        JsonNode container = container(objects, service);
        Map<String, String> environment = new TreeMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String name = from.at("/configMapRef/name").asText();
            Rendered.get(objects, "ConfigMap", name).path("data")
                    .fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode variable : container.path("env")) {
            environment.put(variable.path("name").asText(),
                    variable.has("value") ? variable.path("value").asText() : "(from " + variable.path("valueFrom")
                            + ")");
        }
        return environment;
    }

    /** A port given by its number or by the name of one of the container's ports. */
    static Integer portNumber(Map<String, Integer> containerPorts, JsonNode port) {
        return port.isInt() ? Integer.valueOf(port.asInt()) : containerPorts.get(port.asText());
    }

    /** {@code secret/key} of the Secret a variable is read from. */
    static String secretRef(JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(variable)) {
                JsonNode ref = env.at("/valueFrom/secretKeyRef");
                return ref.path("name").asText() + "/" + ref.path("key").asText();
            }
        }
        throw new AssertionError(container.path("name").asText() + " does not set " + variable);
    }

    static JsonNode container(List<JsonNode> objects, String service) {
        for (JsonNode container : Rendered.get(objects, "Deployment", service).at("/spec/template/spec/containers")) {
            if (container.path("name").asText().equals(service)) {
                return container;
            }
        }
        throw new AssertionError("Deployment " + service + " has no container named " + service);
    }

    static JsonNode databaseCluster(List<JsonNode> objects, String service) {
        String url = environment(objects, service).get("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(url).as("%s JDBC URL", service).startsWith("jdbc:postgresql://");
        String host = url.substring("jdbc:postgresql://".length()).split("[:/]")[0];
        assertThat(host).as("%s database host: a CloudNativePG read-write service", service).endsWith("-rw");
        return Rendered.get(objects, "Cluster", host.substring(0, host.length() - 3));
    }

    static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        var fields = selector.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().asText().equals(labels.path(field.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    static void checkCloudNativePg(JsonNode cluster) {
        String name = cluster.at("/metadata/name").asText();
        CNPG_FIELDS.forEach((path, allowed) -> {
            JsonNode node = cluster.at("/" + path.replace('.', '/'));
            node.fieldNames().forEachRemaining(field -> assertThat(allowed)
                    .as("Cluster %s: field %s.%s is not one this check knows", name, path, field).contains(field));
        });
        assertThat(cluster.at("/spec/instances").isInt()).as("Cluster %s instances", name).isTrue();
        assertThat(cluster.at("/spec/bootstrap/initdb/database").asText()).isNotBlank();
        assertThat(cluster.at("/spec/bootstrap/initdb/owner").asText()).isNotBlank();
        assertThat(cluster.at("/spec/storage/size").asText()).matches("[0-9]+[MGT]i");
        if (cluster.at("/spec/postgresql/synchronous").isObject()) {
            assertThat(cluster.at("/spec/postgresql/synchronous/number").asInt())
                    .isLessThan(cluster.at("/spec/instances").asInt());
        }
    }
}
