package vn.childprotection.casetracker.query.casefile;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code GET /cases/{caseId}} answers, depending on who asks (<i>cần biết</i>): the case file in full or with
 * its personal fields redacted ({@link CaseFileView}), or an assigned agency's limited view
 * ({@link AgencyCaseFileView}). Its {@code shape} member names which, so a client can tell them apart without
 * guessing from the fields present.
 */
@Schema(oneOf = {CaseFileView.class, AgencyCaseFileView.class}, discriminatorProperty = "shape",
        discriminatorMapping = {@DiscriminatorMapping(value = CaseFileView.SHAPE, schema = CaseFileView.class),
                @DiscriminatorMapping(value = AgencyCaseFileView.SHAPE, schema = AgencyCaseFileView.class)})
public sealed interface CaseFileAnswer permits CaseFileView, AgencyCaseFileView {

    long version();

    /**
     * @return {@code CaseFile} for the full (or redacted) case file, {@code AgencyCaseFile} for an agency's view
     */
    @JsonProperty("shape")
    String shape();
}
