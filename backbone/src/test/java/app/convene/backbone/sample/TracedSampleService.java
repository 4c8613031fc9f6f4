package app.convene.backbone.sample;

import java.util.HashMap;
import java.util.Map;

/**
 * The sample service with tracing on: spans go to an in-memory exporter ({@link SpanExporters}) as each one ends,
 * and nothing is sent over OTLP.
 */
public class TracedSampleService extends SampleService {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("quarkus.otel.sdk.disabled", "false");
        overrides.put("quarkus.otel.exporter.otlp.enabled", "false");
        overrides.put("quarkus.otel.simple", "true");
        return overrides;
    }
}
