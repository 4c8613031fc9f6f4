package app.convene.backbone.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one set of exception mappers every service uses: every error leaves as {@code application/problem+json}.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client should wait before retrying while the database is unavailable. */
    static final int RETRY_AFTER_SECONDS = 5;
    /** Seconds a client should wait before sending again a request the database rolled back against another. */
    static final int CONCURRENT_CHANGE_RETRY_AFTER_SECONDS = 1;

    @jakarta.inject.Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response businessRule(ProblemException e, UriInfo uri) {
        return respond(new Problem(type(e.slug()), e.title(), e.status(), e.getMessage(), instance(uri), e.errors()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("request is not valid");
        return respond(new Problem(type("validation"), "Request is not valid", 400, detail, instance(uri), errors));
    }

    // Declared one by one, ahead of the JSON provider's own mappers, which answer in plain application/json.
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e, uri));
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e, uri));
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response malformedJson(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri) {
        return respond(jsonProblem(e, uri));
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unmappableJson(JsonMappingException e, UriInfo uri) {
        return respond(jsonProblem(e, uri));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(type("forbidden"), "Forbidden", 403,
                "your role does not allow this operation", instance(uri), null));
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return respond(jsonProblem(json, uri));
        }
        if (cause instanceof ProblemException parameter) {
            // A query parameter not in its form (StrictQueryParameters), which the framework wraps in a 404.
            return businessRule(parameter, uri);
        }
        int status = e.getResponse().getStatus();
        Response retryLater = status >= 500 ? retryLater(e, uri) : null;
        if (retryLater != null) {
            return retryLater;
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response.StatusType info = e.getResponse().getStatusInfo();
        // A problem always has a title: a status without a reason phrase is named by its number.
        String title = info.getReasonPhrase() == null || info.getReasonPhrase().isBlank() ? "HTTP " + status
                : info.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "this resource does not accept that method";
            case 406 -> "no representation matches the Accept header; use application/json";
            case 413 -> "the request body is too large";
            case 415 -> "send the body as application/json";
            default -> e.getMessage() == null || e.getMessage().isBlank() ? title : e.getMessage();
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type(slugOf(status)), title, status, detail, instance(uri), null));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow == null && status == 405) {
            allow = String.join(", ", allowedMethods.at(uri.getPath()));
        }
        if (allow != null && !allow.isEmpty()) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        IllegalArgumentException badHeader = causeOf(e, IllegalArgumentException.class);
        if (badHeader != null && e.getClass().getName().contains("resteasy")) {
            return respond(new Problem(type("bad-request"), "Bad Request", 400, badHeader.getMessage(),
                    instance(uri), null));
        }
        Problem refusedByDatabase = constraintProblem(e, uri);
        if (refusedByDatabase != null) {
            // A rule the database enforces caught what the service's own checks did not (usually a race).
            LOG.infof("Database constraint refused the request: %s", refusedByDatabase.detail());
            return respond(refusedByDatabase);
        }
        if (sqlState(e, "22021", "22P05") != null) {
            // Text PostgreSQL cannot hold (NUL, a character outside the encoding) that no earlier check caught.
            return respond(new Problem(type("bad-request"), "Bad Request", 400,
                    "a value holds a character that cannot be stored, such as NUL; nothing was changed",
                    instance(uri), null));
        }
        // The transaction was rolled back before this answer is written (the interceptor ends it first).
        Response retryLater = retryLater(e, uri);
        if (retryLater != null) {
            return retryLater;
        }
        LOG.error("Unexpected failure", e);
        return respond(new Problem(type("internal"), "Internal Server Error", 500,
                "the request could not be completed; nothing was changed", instance(uri), null));
    }

    /**
     * A 503 when the failure is the database's and a later retry will do (it is away, or it rolled the transaction
     * back against a concurrent one); null otherwise.
     */
    private static Response retryLater(Throwable e, UriInfo uri) {
        if (DatabaseOutage.isCauseOf(e)) {
            return databaseUnavailable(e, uri);
        }
        if (DatabaseOutage.isConcurrentChange(e)) {
            return concurrentChange(e, uri);
        }
        return null;
    }

    /**
     * The database cannot be reached (down, restarting, connection lost) or has no connection free in time: the
     * client is told to come back, not that something is broken.
     */
    private static Response databaseUnavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Database unavailable; answering 503: %s", rootMessage(e));
        return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .entity(new Problem(type("database-unavailable"), "Service Unavailable", 503,
                        "the database is unavailable for the moment; nothing was changed, retry after "
                                + RETRY_AFTER_SECONDS + " seconds",
                        instance(uri), null))
                .build();
    }

    /**
     * The database rolled the request's transaction back to end a deadlock (or a serialization failure) with a
     * concurrent transaction: nothing was kept, and the request sent again goes through once the other has finished.
     */
    private static Response concurrentChange(Throwable e, UriInfo uri) {
        LOG.warnf("Concurrent change; answering 503: %s", rootMessage(e));
        return Response.status(503).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, CONCURRENT_CHANGE_RETRY_AFTER_SECONDS)
                .entity(new Problem(type("concurrent-change"), "Service Unavailable", 503,
                        "the request met a concurrent change of the same records and was rolled back; nothing was "
                                + "changed, send it again after " + CONCURRENT_CHANGE_RETRY_AFTER_SECONDS + " second",
                        instance(uri), null))
                .build();
    }

    /** The innermost cause of a failure, as "class: message", for a log line. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }

    /** Unique, exclusion, foreign-key and check violations become 409/422 problems naming the constraint. */
    private static Problem constraintProblem(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                String named = Constraints.violated(t).map(constraint -> " (" + constraint + ")").orElse("");
                return switch (sql.getSQLState()) {
                    case "23505", "23P01" -> new Problem(type("conflict"), "Conflict", 409,
                            "the request conflicts with an existing record" + named + "; nothing was changed",
                            instance(uri), null);
                    default -> new Problem(type("constraint-violated"), "Unprocessable Content", 422,
                            "the request breaks a rule of the stored data" + named + "; nothing was changed",
                            instance(uri), null);
                };
            }
        }
        return null;
    }

    private Response unauthenticated(UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Problem(type("unauthorized"), "Unauthorized", 401,
                        "a valid bearer token is required", instance(uri), null))
                .build();
    }

    private static Problem jsonProblem(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : null;
        String message;
        StreamReadException twice = duplicateField(e);
        if (twice != null) {
            field = fieldOf(twice.getProcessor().getParsingContext());
            message = "must be given once; give each field once";
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            field = pathOf(unknown);
            message = "unknown property";
        } else if (e instanceof InvalidFormatException invalid) {
            if (invalid.getTargetType() == String.class) {
                // A number or true/false where text belongs is refused, not coerced: said in JSON's words.
                message = invalid.getValue() instanceof String ? invalid.getOriginalMessage() : "expected a string";
            } else {
                message = "cannot read " + describe(invalid.getValue()) + " as " + simpleName(invalid.getTargetType());
            }
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "expected " + simpleName(mismatch.getTargetType());
        } else if (e instanceof JsonMappingException mapping && mapping.getCause() != null
                && mapping.getCause().getMessage() != null) {
            message = mapping.getCause().getMessage();
        } else {
            message = e.getOriginalMessage();
        }
        if (field == null || field.isEmpty()) {
            return new Problem(type("malformed-json"), "Malformed JSON", 400, "the body is not valid JSON: " + message,
                    instance(uri), null);
        }
        return new Problem(type("validation"), "Request is not valid", 400, field + ": " + message, instance(uri),
                List.of(new Problem.FieldError(field, message)));
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The parser's refusal of a field given twice, as thrown or wrapped by the reading of a nested object. */
    private static StreamReadException duplicateField(Throwable e) {
        for (Throwable at = e; at != null; at = at.getCause()) {
            if (at instanceof StreamReadException read && read.getProcessor() != null
                    && read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate field '")) {
                return read;
            }
        }
        return null;
    }

    /** Where the parser stands, as a field path: attendees[2].email. */
    private static String fieldOf(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.add("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            } else if (at.getCurrentName() != null) {
                parts.add(at.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            String part = parts.get(i);
            if (!path.isEmpty() && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }

    /** "register.request.attendee.email" becomes "attendee.email": the method and parameter are not the user's. */
    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            // A node's index or key is its position in the container named by the node before it:
            // seats[1].number, not seats.number[1].
            if (node.isInIterable() && !field.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    field.append('[').append(position).append(']');
                }
            }
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        if (field.isEmpty()) {
            for (Path.Node node : path) {
                if (node.getKind() == ElementKind.PARAMETER) {
                    return "body".equals(node.getName()) || "request".equals(node.getName()) ? "body" : node.getName();
                }
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String describe(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant such as 2027-01-10T09:00:00Z";
        }
        if (type == java.time.LocalDate.class) {
            return "an ISO-8601 date such as 2027-01-10";
        }
        if (type == java.time.Duration.class) {
            return "an ISO-8601 duration such as PT2H";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        // In JSON's words, not Java's: a client sees a list where "ArrayList" was written, an object for a record.
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == java.util.UUID.class) {
            return "an id (a UUID)";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return type.getSimpleName();
    }

    private static String slugOf(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }

    private static String sqlState(Throwable e, String... states) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && List.of(states).contains(sql.getSQLState())) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static URI type(String slug) {
        return URI.create(Problem.TYPE_BASE + slug);
    }

    private static URI instance(UriInfo uri) {
        try {
            return URI.create(uri.getPath());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
