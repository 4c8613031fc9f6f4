package app.convene.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import app.convene.backbone.event.EventType;
import app.convene.backbone.event.Topics;
import app.convene.backbone.inbox.DeadLetters;

/**
 * What the code says a deployment must provide, read from the repository: each service's configuration, the topics it
 * announces on and reads, its consumer groups and dead-letter topics, and the environment variables it reads.
 */
final class Repository {
    static final Path ROOT = Path.of(System.getProperty("repository.root", "../..")).toAbsolutePath().normalize();
    static final List<String> SERVICES =
            List.of("registration-service", "budget-service", "venue-service", "notification-service");

    /**
     * Settings given only in the dev profile that a production deployment rightly leaves at their defaults: the mock
     * mailer is off, and no private webhook receivers are allowed.
     */
    private static final Set<String> DEV_ONLY =
            Set.of("quarkus.mailer.mock", "notification.webhooks.allowed-private");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern INBOX_NAME =
            Pattern.compile("static final String (?:[A-Z_]+_)?(?:CONSUMER|INBOX_NAME) = \"([a-z.-]+)\";");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.(topic|group\\.id)");

    private Repository() {
    }

    /** One incoming channel of a service: the topic it reads and its consumer group. */
    record Incoming(String channel, String topic, String group) {
    }

    static Map<String, String> properties(Path file) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : lines(file)) {
            String trimmed = line.strip();
            int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 0) {
                continue;
            }
            properties.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
        }
        return properties;
    }

    static Map<String, String> serviceProperties(String service) {
        return properties(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
    }

    static Map<String, String> backboneProperties() {
        return properties(ROOT.resolve("backbone/src/main/resources/META-INF/microprofile-config.properties"));
    }

    static List<Incoming> incoming(String service) {
        Map<String, String> properties = serviceProperties(service);
        Map<String, String[]> channels = new TreeMap<>();
        properties.forEach((key, value) -> {
            Matcher matcher = INCOMING.matcher(key);
            if (matcher.matches()) {
                String[] pair = channels.computeIfAbsent(matcher.group(1), c -> new String[2]);
                pair[matcher.group(2).equals("topic") ? 0 : 1] = value;
            }
        });
        List<Incoming> incoming = new ArrayList<>();
        channels.forEach((channel, pair) -> incoming.add(new Incoming(channel, pair[0], pair[1])));
        return incoming;
    }

    /** The CloudEvents source a service announces as ({@code backbone.source}). */
    static String source(String service) {
        return serviceProperties(service).get("backbone.source");
    }

    /** Every event type of every family, from the backbone's {@code *Events} classes. */
    static List<EventType<?>> eventTypes() {
        List<EventType<?>> types = new ArrayList<>();
        Path events = ROOT.resolve("backbone/src/main/java/app/convene/backbone/event");
        try (Stream<Path> files = Files.list(events)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Events.java")).toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                Class<?> family = Class.forName("app.convene.backbone.event." + name);
                for (Field field : family.getFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && field.getType() == EventType.class) {
                        types.add((EventType<?>) field.get(null));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }

    /** The topics a service announces on: every family whose owner (Topics.ownerOf) is the service. */
    static Set<String> announcedTopics(String service) {
        Set<String> topics = new TreeSet<>();
        for (EventType<?> type : eventTypes()) {
            if (Topics.ownerOf(type.topic()).filter(source(service)::equals).isPresent()) {
                topics.add(type.topic());
            }
        }
        return topics;
    }

    /** The inbox names of a service's consumers, read from its messaging package. */
    static Set<String> consumerNames(String service) {
        Set<String> names = new TreeSet<>();
        Path messaging = ROOT.resolve(service).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(messaging)) {
            for (Path file : files.filter(f -> f.toString().contains("/messaging/") && f.toString().endsWith(".java"))
                    .toList()) {
                Matcher matcher = INBOX_NAME.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static Set<String> deadLetterTopics(String service) {
        Set<String> topics = new TreeSet<>();
        consumerNames(service).forEach(name -> topics.add(DeadLetters.topicFor(name)));
        return topics;
    }

    /** Every topic the code announces on or reads, dead-letter topics included. */
    static Set<String> allTopics() {
        Set<String> topics = new TreeSet<>();
        eventTypes().forEach(type -> topics.add(type.topic()));
        for (String service : SERVICES) {
            incoming(service).forEach(in -> topics.add(in.topic()));
            topics.addAll(deadLetterTopics(service));
        }
        return topics;
    }

    /**
     * The environment variables a packaged service needs set: those of the README's environment table, every
     * {@code ${VAR}} its configuration (and the backbone's) refers to, and the environment form of every setting that
     * has a value only in the dev profile (such as the database user or the webhook secrets key).
     */
    static Set<String> requiredEnvironment(String service) {
        Set<String> names = new TreeSet<>(readmeEnvironment());
        for (Map<String, String> properties : List.of(backboneProperties(), serviceProperties(service))) {
            properties.forEach((key, value) -> {
                if (!key.startsWith("%")) {
                    Matcher matcher = REFERENCE.matcher(value);
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                }
            });
            properties.keySet().stream().filter(key -> key.startsWith("%dev.")).map(key -> key.substring(5))
                    .filter(key -> !properties.containsKey(key) && !properties.containsKey("%prod." + key))
                    .filter(key -> !DEV_ONLY.contains(key))
                    .forEach(key -> names.add(environmentName(key)));
        }
        return names;
    }

    /** The variables named in the first column of the README's table of "Running against a real Kafka...". */
    static Set<String> readmeEnvironment() {
        Set<String> names = new TreeSet<>();
        boolean inSection = false;
        for (String line : lines(ROOT.resolve("README.md"))) {
            if (line.startsWith("## ")) {
                inSection = line.startsWith("## Running against a real Kafka and PostgreSQL");
            } else if (inSection && line.startsWith("| `")) {
                Matcher matcher = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(line.split("\\|")[1]);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("README.md has no environment table under 'Running against a real Kafka'");
        }
        return names;
    }

    /** The environment variable that sets a configuration property (MicroProfile Config's rule). */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
