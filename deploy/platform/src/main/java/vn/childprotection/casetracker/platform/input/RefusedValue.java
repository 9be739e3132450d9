package vn.childprotection.casetracker.platform.input;

/**
 * A value refused by one of the input rules ({@link TextRule}, {@link TimeRule}). Its message says what is wrong
 * without quoting the value; the field is added by whoever knows it.
 */
public class RefusedValue extends IllegalArgumentException {

    public RefusedValue(String problem) {
        super(problem, null);
    }

    /**
     * @return what is wrong, e.g. "contains a control character (U+0000); only tab and line feed are allowed"
     */
    public String problem() {
        return getMessage();
    }
}
