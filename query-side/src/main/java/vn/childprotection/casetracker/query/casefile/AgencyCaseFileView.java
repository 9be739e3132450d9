package vn.childprotection.casetracker.query.casefile;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.childprotection.casetracker.values.CaseStatus;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.Sex;

/**
 * The case file as an org unit assigned an intervention reads it (<i>cần biết</i>): only what its work needs. The
 * case's id, commune, status and version; the child's id, name, sex and age (not the birth date, address or
 * ethnicity); its own interventions with their descriptions, and its own deadlines. Not the report, the reporter,
 * the assessments, emergency measures, reviews, plan goals, transfers, nor other agencies' interventions. The name
 * and the descriptions are opened for this response only.
 */
@Schema(name = "AgencyCaseFile", description = "What an assigned agency needs of a case (hồ sơ vụ việc, phần cơ quan "
        + "được giao)")
public record AgencyCaseFileView(
        String caseId,
        @Schema(description = "Org unit code of the commune that runs the case") String communeCode,
        CaseStatus status,
        @Schema(description = "Number of events of the case (ETag)") long version,
        @Schema(description = "The org unit this view is limited to: the reader's") String limitedToOrgUnit,
        @Schema(description = "True when the child's identity was erased: the name can no longer be read")
        boolean personalDataErased,
        @Schema(description = "True when, without an erasure, the name cannot be opened (its key is missing or does "
                + "not open it): an integrity error; the name is null")
        boolean personalDataUnreadable,
        Child child,
        @Schema(description = "The interventions of the current plan assigned to this org unit")
        List<Intervention> interventions,
        @Schema(description = "The INTERVENTION_DUE time limits this org unit must meet, whatever their state")
        List<CaseFileView.Deadline> deadlines) implements CaseFileAnswer {

    /** The discriminator value of this shape. */
    public static final String SHAPE = "AgencyCaseFile";

    @Override
    @JsonProperty("shape")
    @Schema(description = "Which shape of case file this is (discriminator): An assigned agency's limited view",
            allowableValues = SHAPE, requiredMode = Schema.RequiredMode.REQUIRED)
    public String shape() {
        return SHAPE;
    }

    public AgencyCaseFileView {
        interventions = interventions == null ? List.of() : interventions;
        deadlines = deadlines == null ? List.of() : deadlines;
    }

    @Schema(name = "AgencyCaseFileChild", description = "The child, as much as the agency needs")
    public record Child(String childId, @Schema(description = "Personal data") String name, Sex sex, int ageYears,
                        boolean ageEstimated) {
    }

    @Schema(name = "AgencyCaseFileIntervention", description = "An intervention assigned to the agency")
    public record Intervention(String interventionId, InterventionMeasure measure, LocalDate dueDate,
                               InterventionStatus status, Instant statusChangedAt,
                               @Schema(description = "Personal data") String description) {
    }
}
