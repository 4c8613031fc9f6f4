package app.convene.backbone.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/** Keeps the spans the sample service finishes, for tests to read (used only when tracing is on). */
@ApplicationScoped
public class SpanExporters {
    @Produces
    @Singleton
    InMemorySpanExporter inMemory() {
        return InMemorySpanExporter.create();
    }
}
