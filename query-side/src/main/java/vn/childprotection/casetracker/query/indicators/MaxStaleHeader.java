package vn.childprotection.casetracker.query.indicators;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents the {@code Cache-Control} request header ({@code max-stale}) of an endpoint answered through the
 * indicators' counts in the OpenAPI document ({@link MaxStaleDirective}).
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Parameter(in = ParameterIn.HEADER, name = MaxStaleDirective.HEADER,
        description = MaxStaleDirective.OPENAPI_DESCRIPTION, example = "max-stale=60",
        schema = @Schema(type = "string"))
public @interface MaxStaleHeader {
}
