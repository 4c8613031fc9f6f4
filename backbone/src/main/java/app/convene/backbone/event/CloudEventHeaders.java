package app.convene.backbone.event;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes are {@code ce_}-prefixed headers and the
 * record value is the JSON payload. {@code ce_eventversion} is our extension attribute carrying the payload version.
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "1.0";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPECVERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String EVENT_VERSION = "ce_eventversion";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
