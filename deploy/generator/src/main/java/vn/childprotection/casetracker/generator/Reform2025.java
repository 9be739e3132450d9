package vn.childprotection.casetracker.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Lão before and after the 2025 reform, as the generator uses it: which communes and agencies exist on a day,
 * which new commune took an old one's cases, and which demo user answers for an agency. A copy of what the service's
 * {@code org-units.json} says (Nghị quyết 1669/NQ-UBTVQH15, Điều 1 khoản 17, 46–50: the new communes from 1/7/2025,
 * directly under Thành phố Hải Phòng; the district police ended on 1/3/2025), kept small and checked against that
 * file by a test of the all-in-one.
 */
public final class Reform2025 {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The first day of the new communes (Điều 2.2 of the resolution); the old ones ended the day before. */
    public static final LocalDate FIRST_NEW_DAY = LocalDate.of(2025, 7, 1);

    /** 00:00 of {@link #FIRST_NEW_DAY} in Vietnam, 2025-06-30T17:00:00Z: a fact before it is in an old unit. */
    public static final Instant BOUNDARY = FIRST_NEW_DAY.atStartOfDay(VIETNAM).toInstant();

    /** The district police's last day (Công an huyện, ended 1/3/2025 per a secondary source). */
    public static final LocalDate LAST_DISTRICT_POLICE_DAY = LocalDate.of(2025, 2, 28);

    /** The coordinator who chooses the successor commune of a split commune's case (Sở Y tế Hải Phòng). */
    public static final String CITY_COORDINATOR = "coordinator.haiphong";

    /** An Lão's 17 commune-level units until 30/6/2025, with uneven weights: the two towns are larger. */
    static final Weights<String> OLD_COMMUNES = new Weights<String>()
            .add("313-tt-an-lao", 10).add("313-tt-truong-son", 8).add("313-an-thai", 5).add("313-an-thang", 6)
            .add("313-an-tho", 5).add("313-an-tien", 6).add("313-bat-trang", 5).add("313-chien-thang", 5)
            .add("313-my-duc", 6).add("313-quang-hung", 4).add("313-quang-trung", 5).add("313-quoc-tuan", 6)
            .add("313-tan-dan", 5).add("313-tan-vien", 5).add("313-thai-son", 6).add("313-truong-thanh", 5)
            .add("313-truong-tho", 6);

    /**
     * The communes from 1/7/2025, weighted by the old units they took (Xã An Lão took five and a half); Phường Phù
     * Liễn took land of Trường Sơn only, and few cases.
     */
    static final Weights<String> NEW_COMMUNES = new Weights<String>()
            .add("31-xa-an-lao", 38).add("31-xa-an-truong", 16).add("31-xa-an-quang", 15)
            .add("31-xa-an-khanh", 14).add("31-xa-an-hung", 15).add("31-phuong-phu-lien", 2);

    /**
     * For each old commune, the new communes that took its people: one for a unit merged whole (the service moves
     * its open cases by itself), two or one for a split unit (a person chooses; Trường Sơn's people most likely all
     * went to Xã An Lão, its land partly to Phù Liễn).
     */
    public static final Map<String, List<String>> SUCCESSORS = Map.ofEntries(
            Map.entry("313-tt-an-lao", List.of("31-xa-an-lao")),
            Map.entry("313-an-tien", List.of("31-xa-an-lao")),
            Map.entry("313-an-thang", List.of("31-xa-an-lao")),
            Map.entry("313-tan-dan", List.of("31-xa-an-lao")),
            Map.entry("313-bat-trang", List.of("31-xa-an-truong")),
            Map.entry("313-truong-tho", List.of("31-xa-an-truong")),
            Map.entry("313-truong-thanh", List.of("31-xa-an-truong")),
            Map.entry("313-quang-hung", List.of("31-xa-an-quang")),
            Map.entry("313-quang-trung", List.of("31-xa-an-quang")),
            Map.entry("313-quoc-tuan", List.of("31-xa-an-quang")),
            Map.entry("313-tan-vien", List.of("31-xa-an-khanh")),
            Map.entry("313-my-duc", List.of("31-xa-an-khanh")),
            Map.entry("313-chien-thang", List.of("31-xa-an-hung")),
            Map.entry("313-an-tho", List.of("31-xa-an-hung")),
            Map.entry("313-an-thai", List.of("31-xa-an-hung")),
            Map.entry("313-tt-truong-son", List.of("31-xa-an-lao")),
            Map.entry("313-thai-son", List.of("31-xa-an-khanh", "31-xa-an-lao")));

    /** The split units: a case of theirs open on 1/7/2025 waits until a person chooses its new commune. */
    public static final Set<String> SPLIT = Set.of("313-tt-truong-son", "313-thai-son");

    /** The demo users of the agencies that answer for their interventions (the others' stay unanswered). */
    private static final Map<String, String> AGENCY_USERS = Map.of(
            "313-police", "police",
            "313-health-centre", "health",
            "31-xa-an-lao-police", "police.xaanlao",
            "31-xa-an-lao-health-station", "health.xaanlao");

    private Reform2025() {
    }

    /** @return whether {@code commune} is one of the units that ended on 30/6/2025 */
    public static boolean isOld(String commune) {
        return commune.startsWith("313-");
    }

    /** @return whether an old commune's open cases move to its single successor without anyone choosing */
    public static boolean mergedWhole(String commune) {
        return isOld(commune) && !SPLIT.contains(commune);
    }

    /** @return the communes a case reported at {@code at} is placed in: the old ones before 1/7/2025, else the new */
    static Weights<String> communesAt(Instant at) {
        return at.isBefore(BOUNDARY) ? OLD_COMMUNES : NEW_COMMUNES;
    }

    /** @return the police unit that takes interventions on {@code day}, for a case run by {@code commune} */
    static String policeOn(LocalDate day, String commune) {
        if (!day.isAfter(LAST_DISTRICT_POLICE_DAY)) {
            return "313-police";
        }
        return day.isBefore(FIRST_NEW_DAY) ? "31-police" : commune + "-police";
    }

    /** @return the health unit that takes interventions on {@code day}: the district centre, then the station */
    static String healthOn(LocalDate day, String commune) {
        return day.isBefore(FIRST_NEW_DAY) ? "313-health-centre" : commune + "-health-station";
    }

    /** @return the last day of {@code unit} (a commune or an agency of the generator), or null when it has not ended */
    static LocalDate lastDay(String unit) {
        if (unit.equals("313-police")) {
            return LAST_DISTRICT_POLICE_DAY;
        }
        return unit.startsWith("313") ? FIRST_NEW_DAY.minusDays(1) : null;
    }

    /**
     * @return the demo user who reports on an intervention assigned to {@code agency}: the commune's worker for one
     * the commune runs itself, the agency's demo user, or null when no demo user answers for it
     */
    static String answeringUser(String agency) {
        if (SUCCESSORS.containsKey(agency) || NEW_COMMUNES.values().contains(agency)) {
            return "worker." + agency;
        }
        return AGENCY_USERS.get(agency);
    }
}
