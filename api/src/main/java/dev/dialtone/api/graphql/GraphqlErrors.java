package dev.dialtone.api.graphql;

import dev.dialtone.api.web.ApiException;
import dev.dialtone.api.web.InvalidRequestException;
import dev.dialtone.domain.ConflictException;
import dev.dialtone.domain.incident.api.IncidentNotFoundException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;

import java.util.Map;

/**
 * GraphQL errors with the same meaning as the REST problems: a classification and a message a client can act on,
 * never a stack trace.
 */
@ControllerAdvice
public class GraphqlErrors {

    @GraphQlExceptionHandler
    public GraphQLError invalid(InvalidRequestException e) {
        return GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(e.getMessage())
                .extensions(Map.of("errors", e.errors())).build();
    }

    @GraphQlExceptionHandler
    public GraphQLError notFound(IncidentNotFoundException e) {
        return GraphqlErrorBuilder.newError().errorType(ErrorType.NOT_FOUND).message(e.getMessage()).build();
    }

    @GraphQlExceptionHandler
    public GraphQLError missing(AggregateNotFoundException e) {
        return GraphqlErrorBuilder.newError().errorType(ErrorType.NOT_FOUND)
                .message("no incident '" + e.getAggregateIdentifier() + "'").build();
    }

    @GraphQlExceptionHandler
    public GraphQLError conflict(ConflictException e) {
        return GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(e.getMessage())
                .extensions(Map.of("code", "CONFLICT")).build();
    }

    @GraphQlExceptionHandler
    public GraphQLError forbidden(AccessDeniedException e) {
        return GraphqlErrorBuilder.newError().errorType(ErrorType.FORBIDDEN).message(e.getMessage()).build();
    }

    @GraphQlExceptionHandler
    public GraphQLError api(ApiException e) {
        return GraphqlErrorBuilder.newError()
                .errorType(e.status().value() == 404 ? ErrorType.NOT_FOUND : ErrorType.BAD_REQUEST)
                .message(e.getMessage()).build();
    }

    @GraphQlExceptionHandler
    public GraphQLError badArgument(IllegalArgumentException e) {
        return GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(e.getMessage()).build();
    }
}
