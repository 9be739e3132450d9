package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents the {@code If-Match} header of a command in the OpenAPI document.
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "Apply only if the case is at this version "
        + "(the version answered by the previous command), e.g. \"3\"; otherwise 409",
        schema = @Schema(type = "string", pattern = "^(W/)?\"?[0-9]+\"?$"))
@interface IfMatchHeader {
}
