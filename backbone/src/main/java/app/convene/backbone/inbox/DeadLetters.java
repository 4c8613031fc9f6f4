package app.convene.backbone.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

import app.convene.backbone.event.KafkaConnection;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Sets aside a record that can never be processed: it is copied, headers and all, to {@code <consumer>.dead-letter}
 * with the reason ({@code dead-letter-reason}, {@code dead-letter-cause}) and where it came from
 * ({@code dead-letter-topic}, {@code -partition}, {@code -offset}), and the broker's acknowledgement is awaited
 * before the consumer moves on.
 */
@ApplicationScoped
public class DeadLetters {
    @Inject
    Config settings;

    private volatile KafkaProducer<String, String> producer;

    public static String topicFor(String consumer) {
        return consumer + ".dead-letter";
    }

    public void send(String consumer, ConsumerRecord<String, String> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        add(headers, "dead-letter-reason", String.valueOf(reason.getMessage()));
        add(headers, "dead-letter-cause", reason.getClass().getName());
        add(headers, "dead-letter-topic", record.topic());
        add(headers, "dead-letter-partition", Integer.toString(record.partition()));
        add(headers, "dead-letter-offset", Long.toString(record.offset()));
        try {
            producer().send(new ProducerRecord<>(topicFor(consumer), null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (Exception e) {
            // Not acknowledged: the record is not acknowledged either, so it will be delivered again.
            throw new IllegalStateException("could not write to " + topicFor(consumer), e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerProperties(KafkaConnection.properties(settings)));
                }
            }
        }
        return producer;
    }

    /** The dead-letter producer's settings: the broker and its security settings from configuration, then its own. */
    public static Properties producerProperties(Properties connection) {
        Properties properties = new Properties();
        properties.putAll(connection);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return properties;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
