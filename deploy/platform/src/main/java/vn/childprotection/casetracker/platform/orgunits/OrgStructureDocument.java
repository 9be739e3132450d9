package vn.childprotection.casetracker.platform.orgunits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry.OrgUnitFile;

/**
 * The documented file format of a list of org units ({@code org-units.json}, and the {@code document} of each
 * {@code OrgStructureChanged}): {@code {"source": …, "orgUnits": [OrgUnit…], "reportingGroups": [ReportingGroup…]}},
 * dates {@code YYYY-MM-DD}. Written and read with one fixed mapper, so a recorded document reads back the same
 * whatever the web layer's settings become. Fields it does not know are ignored here and a missing
 * {@code confirmed} reads as false (an entry not marked confirmed is treated as an inference); a list an
 * administrator loads passes the web layer's strict reading first. See {@code docs/org-units.md}.
 */
public final class OrgStructureDocument {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private OrgStructureDocument() {
    }

    /**
     * @param json a document in the file format (UTF-8 text)
     * @return its contents, not yet validated
     * @throws tools.jackson.core.JacksonException when it is not a document of that format
     */
    public static OrgUnitFile read(byte[] json) {
        return MAPPER.readValue(json, OrgUnitFile.class);
    }

    /** The document of these contents, as recorded. */
    public static String write(OrgUnitFile file) {
        return MAPPER.writeValueAsString(file);
    }

    /** Hex SHA-256 of these bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Hex SHA-256 of this text as UTF-8. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
