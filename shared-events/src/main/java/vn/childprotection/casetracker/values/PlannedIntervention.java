package vn.childprotection.casetracker.values;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One intervention of a support plan (Mẫu 04): a measure, the agency responsible for it and its due date.
 *
 * @param interventionId stable id of the intervention, kept across plan versions when it is carried over
 * @param measure        the measure (Luật Trẻ em Art 49, 50)
 * @param agencyCode     org unit code of the responsible agency
 * @param dueDate        the date by which it must be done
 * @param description    what is to be done, encrypted (it may describe the child)
 */
public record PlannedIntervention(String interventionId, InterventionMeasure measure, String agencyCode,
                                  LocalDate dueDate, EncryptedText description) {

    public PlannedIntervention {
        Objects.requireNonNull(interventionId, "interventionId");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}
