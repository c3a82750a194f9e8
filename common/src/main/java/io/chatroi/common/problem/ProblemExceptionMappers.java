package io.chatroi.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem response, so clients handle one error shape.
 * Priorities sit above the defaults that Quarkus REST and its Jackson and validator integrations register.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);
    private static final int PRIORITY = jakarta.ws.rs.Priorities.USER - 100;

    @ServerExceptionMapper(priority = PRIORITY)
    public Response problem(ProblemException exception, UriInfo uriInfo) {
        return respond(exception.toProblem(path(uriInfo)));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response constraintViolation(ConstraintViolationException exception, UriInfo uriInfo) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(ProblemException.invalid(errors).toProblem(path(uriInfo)));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response malformedJson(JsonProcessingException exception, UriInfo uriInfo) {
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            String message = mappingMessage(mapping);
            return respond(ProblemException.invalid(field, message).toProblem(path(uriInfo)));
        }
        String location = exception.getLocation() == null ? ""
                : " at line " + exception.getLocation().getLineNr() + ", column " + exception.getLocation().getColumnNr();
        return respond(new Problem(ProblemType.MALFORMED_BODY.uri(), ProblemType.MALFORMED_BODY.title(), 400,
                "The request body is not valid JSON" + location, path(uriInfo), null, null));
    }

    // Quarkus registers mappers for these Jackson subtypes; the most specific type wins, so name them here too.
    @ServerExceptionMapper(priority = PRIORITY)
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException exception,
                                    UriInfo uriInfo) {
        return malformedJson(exception, uriInfo);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unrecognizedProperty(UnrecognizedPropertyException exception, UriInfo uriInfo) {
        return malformedJson(exception, uriInfo);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response invalidFormat(InvalidFormatException exception, UriInfo uriInfo) {
        return malformedJson(exception, uriInfo);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response jsonParse(com.fasterxml.jackson.core.JsonParseException exception, UriInfo uriInfo) {
        return malformedJson(exception, uriInfo);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unsupportedMediaType(NotSupportedException exception, UriInfo uriInfo) {
        return respond(problemFor(exception.getResponse().getStatus(), exception.getMessage(), uriInfo));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response webApplication(WebApplicationException exception, UriInfo uriInfo) {
        int status = exception.getResponse().getStatus();
        if (exception.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uriInfo);
        }
        return respond(problemFor(status, exception.getMessage(), uriInfo));
    }

    @ServerExceptionMapper(priority = PRIORITY + 1)
    public Response unexpected(Throwable exception, UriInfo uriInfo) {
        if (exception.getCause() instanceof ProblemException problem) {
            return problem(problem, uriInfo);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected failure, incident %s", incident);
        return respond(new Problem(ProblemType.INTERNAL.uri(), ProblemType.INTERNAL.title(), 500,
                "An unexpected error occurred; quote incident " + incident + " when reporting it",
                path(uriInfo), null, Map.of("incident", incident)));
    }

    private static Problem problemFor(int status, String detail, UriInfo uriInfo) {
        ProblemType type = ProblemType.forStatus(status);
        return new Problem(type.uri(), type.title(), status, detail, path(uriInfo), null, null);
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(MediaType.valueOf(Problem.MEDIA_TYPE))
                .entity(problem)
                .build();
    }

    private static String path(UriInfo uriInfo) {
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // method.arg0.field -> field; method.paramName -> paramName
        String[] parts = path.split("\\.");
        return parts.length <= 2 ? parts[parts.length - 1]
                : Arrays.stream(parts).skip(2).collect(Collectors.joining("."));
    }

    private static String jsonPath(JsonMappingException exception) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String mappingMessage(JsonMappingException exception) {
        if (exception instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (exception instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
                return "'" + format.getValue() + "' is not one of: " + allowed;
            }
            return "'" + format.getValue() + "' is not a valid "
                    + (target == null ? "value" : target.getSimpleName());
        }
        return "has the wrong type or shape";
    }
}
