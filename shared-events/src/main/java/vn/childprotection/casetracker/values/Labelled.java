package vn.childprotection.casetracker.values;

/**
 * A value with a user-facing label: Vietnamese first (the language of the people using it), English available.
 */
public interface Labelled {

    String labelVi();

    String labelEn();
}
