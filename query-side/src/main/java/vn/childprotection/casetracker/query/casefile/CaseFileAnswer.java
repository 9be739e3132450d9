package vn.childprotection.casetracker.query.casefile;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code GET /cases/{caseId}} answers, depending on who asks (<i>cần biết</i>): the case file in full or with
 * its personal fields redacted ({@link CaseFileView}), or an assigned agency's limited view
 * ({@link AgencyCaseFileView}).
 */
@Schema(oneOf = {CaseFileView.class, AgencyCaseFileView.class})
public sealed interface CaseFileAnswer permits CaseFileView, AgencyCaseFileView {

    long version();
}
