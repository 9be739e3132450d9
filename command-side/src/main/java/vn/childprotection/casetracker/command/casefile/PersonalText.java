package vn.childprotection.casetracker.command.casefile;

/**
 * Personal data in plain text on its way into an event, where it will be sealed with the child's key. Its
 * {@code toString} never shows the value, so a logged command cannot leak it.
 */
public record PersonalText(String value) {

    public static PersonalText of(String value) {
        return value == null || value.isBlank() ? null : new PersonalText(value);
    }

    @Override
    public String toString() {
        return "PersonalText[***]";
    }
}
