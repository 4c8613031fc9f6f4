package app.convene.backbone.sample;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import app.convene.backbone.testing.KafkaBroker;

/** What a topic holds for one record key, and the headers of a record as text. */
public final class Records {
    private Records() {
    }

    /**
     * The records of one key the topic holds now. On a loaded machine a read may come back short: call it inside an
     * await, and assert on the list the await settled on.
     */
    public static List<ConsumerRecord<String, String>> withKey(String topic, Object key) {
        return KafkaBroker.records(topic, Duration.ofSeconds(10)).stream()
                .filter(r -> String.valueOf(key).equals(r.key())).toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
