package app.convene.backbone.event;

/**
 * A versioned event contract: {@code <family>.<fact>.v<version>}, e.g. {@code registration.confirmed.v1}.
 * Producer and consumer compile against the same instance, so the name and the payload type cannot drift apart.
 *
 * @param family the producing service family; its events go to the topic {@code <family>.events}
 * @param fact the past-tense fact, e.g. {@code confirmed}
 * @param version the payload version; a consumer that meets an unknown version dead-letters the record
 * @param payloadType the payload record
 */
public record EventType<P>(String family, String fact, int version, Class<P> payloadType) {

    public String name() {
        return family + "." + fact + ".v" + version;
    }

    public String topic() {
        return Topics.of(family);
    }

    /** The name without its version, to recognise a known fact announced in a version we do not read. */
    public String unversionedName() {
        return family + "." + fact;
    }

    @Override
    public String toString() {
        return name();
    }
}
