package vn.childprotection.casetracker.query.indicators;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How an endpoint whose JSON answer is counted from the indicators' facts documents its answers in the API document,
 * once: 200 with the answer (its schema from the method's return type) and, when it was given from an earlier count
 * ({@link MaxStale}), the {@code Age} header ({@link AnswerAge}); 503 while the facts are being rebuilt
 * ({@link IndicatorsRebuildingExceptionHandler}). springdoc reads it as merged annotations on the method.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponses({
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
            headers = @Header(name = AnswerAge.HEADER, description = AnswerAge.OPENAPI_DESCRIPTION,
                    schema = @Schema(type = "integer", minimum = "0"))),
    @ApiResponse(responseCode = "503", description = IndicatorsRebuildingExceptionHandler.OPENAPI_DESCRIPTION,
            content = @Content(mediaType = "application/problem+json"))})
public @interface CountedAnswerResponses {
}
