package app.convene.backbone.event;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;

/**
 * How the backbone's own Kafka clients (the outbox relay's producer, the dead-letter producer) reach the broker: the
 * same {@code kafka.*} settings the SmallRye channels take, i.e. {@code kafka.bootstrap.servers} and every
 * {@code kafka.security.protocol}, {@code kafka.sasl.*} and {@code kafka.ssl.*} (also from the environment, e.g.
 * {@code KAFKA_SECURITY_PROTOCOL=SASL_SSL}, {@code KAFKA_SASL_JAAS_CONFIG}).
 */
public final class KafkaConnection {
    static final String PREFIX = "kafka.";
    /** Settings looked up by name too, since the environment does not list them under their dotted names. */
    static final List<String> KNOWN = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "sasl.client.callback.handler.class", "sasl.login.callback.handler.class", "sasl.login.class",
            "sasl.kerberos.service.name", "sasl.oauthbearer.token.endpoint.url", "sasl.oauthbearer.scope.claim.name",
            "ssl.protocol", "ssl.enabled.protocols", "ssl.endpoint.identification.algorithm",
            "ssl.truststore.type", "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.certificates",
            "ssl.keystore.type", "ssl.keystore.location", "ssl.keystore.password", "ssl.keystore.key",
            "ssl.keystore.certificate.chain", "ssl.key.password");

    private KafkaConnection() {
    }

    /** {@code bootstrap.servers} (default {@code localhost:9092}) and the security settings, from configuration. */
    public static Properties properties(Config config) {
        return properties(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class));
    }

    static Properties properties(Iterable<String> names, Function<String, Optional<String>> value) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", value.apply(PREFIX + "bootstrap.servers").orElse("localhost:9092"));
        for (String setting : KNOWN) {
            value.apply(PREFIX + setting).ifPresent(v -> properties.put(setting, v));
        }
        for (String name : names) {
            if (name.startsWith(PREFIX) && isSecurity(name.substring(PREFIX.length()))) {
                value.apply(name).ifPresent(v -> properties.put(name.substring(PREFIX.length()), v));
            }
        }
        return properties;
    }

    private static boolean isSecurity(String setting) {
        return setting.equals("security.protocol") || setting.startsWith("sasl.") || setting.startsWith("ssl.");
    }
}
