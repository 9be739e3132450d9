package vn.childprotection.casetracker.platform.orgunits;

/**
 * Kinds of org unit. Their names, parents and validity are data with effective dates, never code: since
 * 1/7/2025 districts no longer exist and communes were merged (Law 72/2025/QH15).
 */
public enum OrgUnitType {
    PROVINCE,
    DISTRICT,
    COMMUNE,
    AGENCY
}
