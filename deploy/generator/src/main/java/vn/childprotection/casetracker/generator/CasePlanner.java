package vn.childprotection.casetracker.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.EmergencyMeasure;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;

/**
 * Plans synthetic cases: plausible distributions over An Lão's communes, categories, channels and the child's
 * statistical fields, and a walk through part of the procedure (Decree 56/2017/NĐ-CP Chapter III) with domain times
 * in the past, each step after the previous one.
 * <p>
 * Every report and step names units valid on its day ({@link Reform2025}): reports before 1/7/2025 fall in the 17
 * old communes, later ones in the new communes; interventions go to the police and health units of the plan's day
 * (Công an huyện until 28/2/2025, then the city police; the district health centre until 30/6/2025, then the new
 * commune's police and health station, its Culture and Social Affairs office, the city's Department of Health).
 * A case of an old commune still open on 1/7/2025 goes on in its new commune: steps dated from then on are sent by
 * the new commune's users (the service moves a case of a commune merged whole by itself); before the first of them,
 * a case of a split commune gets its new commune chosen by the city's coordinator
 * ({@code POST /cases/{id}/successor-commune}). An agency answers only while it exists, and only when it has a
 * demo user. With {@code acrossReform} false, no step of an old commune's case is planned from 1/7/2025 on.
 * <p>
 * Deterministic: case {@code i} depends only on the seed, {@code i}, the date range and the planning instant
 * {@code now} (steps after {@code now} are cut, so a range that ends well before {@code now} gives the same plan on
 * every run). Each case draws from its own random stream, so the first {@code n} cases of a larger run are the same
 * as those of a run of {@code n}.
 * <p>
 * Whether an abused child was helped in time is decided here, with margins wide enough that the record is an oracle
 * for the service's statistics whatever its working-day calendar says (its rule: emergency measures within 12 h of
 * the report; otherwise plan approved within 5 + 2 working days of the detailed assessment):
 * <ul>
 *     <li>emergency, in time: measures at most {@link #EMERGENCY_IN_TIME} after the report; late: at least
 *     {@link #EMERGENCY_LATE} after it;</li>
 *     <li>no emergency, in time: plan drafted at most {@link #DRAFT_IN_TIME} after the detailed assessment and
 *     approved at most {@link #APPROVAL_IN_TIME} after the draft; late: drafted at least {@link #DRAFT_LATE} after
 *     the detailed assessment (then approved).</li>
 * </ul>
 */
public final class CasePlanner {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public static final Duration EMERGENCY_IN_TIME = Duration.ofHours(3);
    public static final Duration EMERGENCY_LATE = Duration.ofHours(30);
    public static final Duration DRAFT_IN_TIME = Duration.ofDays(1);
    public static final Duration APPROVAL_IN_TIME = Duration.ofHours(1);
    public static final Duration DRAFT_LATE = Duration.ofDays(20);

    /** The commune-level units reports may fall in: An Lão's 17 until 30/6/2025, then the six new ones. */
    public static final List<String> COMMUNE_CODES = java.util.stream.Stream.concat(
            Reform2025.OLD_COMMUNES.values().stream(), Reform2025.NEW_COMMUNES.values().stream()).toList();

    private static final Weights<CaseCategory> CATEGORIES = new Weights<CaseCategory>()
            .add(CaseCategory.ABUSED, 40).add(CaseCategory.AT_RISK, 40).add(CaseCategory.SPECIAL_CIRCUMSTANCES, 20);

    private static final Weights<ReportChannel> CHANNELS = new Weights<ReportChannel>()
            .add(ReportChannel.HOTLINE_111, 20).add(ReportChannel.SOCIAL_WORK_HOTLINE, 7)
            .add(ReportChannel.LABOUR_OFFICE, 5).add(ReportChannel.POLICE, 12)
            .add(ReportChannel.COMMUNE_PEOPLES_COMMITTEE, 20).add(ReportChannel.SCHOOL, 15)
            .add(ReportChannel.HEALTH_FACILITY, 8).add(ReportChannel.DIRECT_REPORT, 10).add(ReportChannel.OTHER, 3);

    private static final Weights<Sex> SEXES = new Weights<Sex>()
            .add(Sex.MALE, 48).add(Sex.FEMALE, 48).add(Sex.UNKNOWN, 4);

    private static final Weights<String> ETHNICITIES = new Weights<String>()
            .add("Kinh", 92).add("Mường", 1).add("Tày", 1).add("Hoa", 1).add("Nùng", 1).add(null, 4);

    private static final Weights<AbuseForm> ABUSE_FORMS = new Weights<AbuseForm>()
            .add(AbuseForm.VIOLENCE, 35).add(AbuseForm.SEXUAL_ABUSE, 20).add(AbuseForm.NEGLECT, 15)
            .add(AbuseForm.EXPLOITATION, 8).add(AbuseForm.ABANDONMENT, 7).add(AbuseForm.TRAFFICKING, 2)
            .add(AbuseForm.OTHER_HARM, 5);

    private static final Weights<AbuseSetting> SETTINGS = new Weights<AbuseSetting>()
            .add(AbuseSetting.FAMILY, 45).add(AbuseSetting.SCHOOL, 15).add(AbuseSetting.COMMUNITY, 20)
            .add(AbuseSetting.ONLINE, 12).add(AbuseSetting.WORKPLACE, 3).add(AbuseSetting.CARE_FACILITY, 2)
            .add(AbuseSetting.OTHER, 3);

    private static final Weights<SpecialCircumstanceGroup> GROUPS = new Weights<SpecialCircumstanceGroup>()
            .add(SpecialCircumstanceGroup.A_ORPHANED, 8).add(SpecialCircumstanceGroup.B_ABANDONED, 3)
            .add(SpecialCircumstanceGroup.C_NO_CAREGIVER, 5).add(SpecialCircumstanceGroup.D_DISABILITY, 20)
            .add(SpecialCircumstanceGroup.DD_HIV, 2).add(SpecialCircumstanceGroup.E_CONFLICT_WITH_LAW, 6)
            .add(SpecialCircumstanceGroup.G_DRUG_ADDICTED, 2).add(SpecialCircumstanceGroup.H_LEFT_SCHOOL_TO_WORK, 8)
            .add(SpecialCircumstanceGroup.I_HARMED_BY_VIOLENCE, 5).add(SpecialCircumstanceGroup.K_EXPLOITED, 4)
            .add(SpecialCircumstanceGroup.L_SEXUALLY_ABUSED, 4).add(SpecialCircumstanceGroup.M_TRAFFICKED, 1)
            .add(SpecialCircumstanceGroup.N_SERIOUSLY_ILL_POOR, 15)
            .add(SpecialCircumstanceGroup.O_MIGRANT_UNACCOMPANIED, 1);

    private static final Map<AbuseForm, SpecialCircumstanceGroup> GROUP_OF_FORM = Map.of(
            AbuseForm.VIOLENCE, SpecialCircumstanceGroup.I_HARMED_BY_VIOLENCE,
            AbuseForm.SEXUAL_ABUSE, SpecialCircumstanceGroup.L_SEXUALLY_ABUSED,
            AbuseForm.EXPLOITATION, SpecialCircumstanceGroup.K_EXPLOITED,
            AbuseForm.TRAFFICKING, SpecialCircumstanceGroup.M_TRAFFICKED,
            AbuseForm.ABANDONMENT, SpecialCircumstanceGroup.B_ABANDONED);

    private static final List<Intervention> ABUSED_INTERVENTIONS = List.of(
            new Intervention(InterventionMeasure.PSYCHOLOGICAL_THERAPY, Provider.HEALTH),
            new Intervention(InterventionMeasure.MEDICAL_CARE, Provider.HEALTH),
            new Intervention(InterventionMeasure.LEGAL_AID, Provider.POLICE),
            new Intervention(InterventionMeasure.SAFE_SHELTER, Provider.COMMUNE),
            new Intervention(InterventionMeasure.CAREGIVER_COUNSELLING, Provider.COMMUNE));
    private static final List<Intervention> SUPPORT_INTERVENTIONS = List.of(
            new Intervention(InterventionMeasure.SOCIAL_ASSISTANCE, Provider.SOCIAL_AFFAIRS),
            new Intervention(InterventionMeasure.EDUCATION_SUPPORT, Provider.COMMUNE),
            new Intervention(InterventionMeasure.CAREGIVER_COUNSELLING, Provider.COMMUNE),
            new Intervention(InterventionMeasure.ALTERNATIVE_CARE, Provider.CITY_HEALTH),
            new Intervention(InterventionMeasure.MEDICAL_CARE, Provider.HEALTH));

    private static final String NOTE = "Dữ liệu tổng hợp để thử nghiệm, không phải người thật.";

    private final long seed;
    private final int followUpPercent;
    private final Instant rangeStart;
    private final Instant rangeEnd;
    private final Instant now;
    private final boolean acrossReform;

    /**
     * @param from first day reports may fall on (Vietnam time)
     * @param to   last day reports may fall on; reports are also kept at least an hour before {@code now}
     * @param now  the planning instant: no step is planned after it
     */
    public CasePlanner(long seed, LocalDate from, LocalDate to, Instant now) {
        this(seed, from, to, now, 100);
    }

    /**
     * @param followUpPercent the share of cases whose procedure goes on after the report; the others are only
     *                        reported (a lighter load for large data sets, e.g. for rebuilds)
     */
    public CasePlanner(long seed, LocalDate from, LocalDate to, Instant now, int followUpPercent) {
        this(seed, from, to, now, followUpPercent, true);
    }

    /**
     * @param acrossReform whether a case of an old commune goes on after 30/6/2025 in its new commune (carried over
     *                     by the service, or chosen by the coordinator for a split commune); false: its steps stop
     *                     before 1/7/2025, for a service that does not carry cases over
     */
    public CasePlanner(long seed, LocalDate from, LocalDate to, Instant now, int followUpPercent,
                       boolean acrossReform) {
        this.acrossReform = acrossReform;
        if (followUpPercent < 0 || followUpPercent > 100) {
            throw new IllegalArgumentException("--follow-up must be between 0 and 100");
        }
        this.followUpPercent = followUpPercent;
        this.seed = seed;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.rangeStart = from.atStartOfDay(VIETNAM).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(VIETNAM).toInstant();
        Instant latest = this.now.minus(Duration.ofHours(1));
        this.rangeEnd = end.isBefore(latest) ? end : latest;
        if (!rangeEnd.isAfter(rangeStart)) {
            throw new IllegalArgumentException("The date range " + from + " to " + to + " has no day before now");
        }
    }

    /**
     * @return cases {@code 0} to {@code count - 1}
     */
    public List<PlannedCase> planAll(int count) {
        List<PlannedCase> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(plan(i));
        }
        return cases;
    }

    /**
     * @return case {@code index}: the same for the same seed, range and planning instant, whatever else is planned
     */
    public PlannedCase plan(int index) {
        SplittableRandom random = new SplittableRandom(mix(seed) ^ mix(index + 0x632BE59BD9B4E019L));
        Instant reportedAt = reportTime(random);
        String commune = Reform2025.communesAt(reportedAt).pick(random);
        CaseCategory category = CATEGORIES.pick(random);
        ReportChannel channel = CHANNELS.pick(random);
        Sex sex = SEXES.pick(random);
        int ageYears = age(random);
        String ethnicity = ETHNICITIES.pick(random);
        boolean abused = category == CaseCategory.ABUSED;

        Set<AbuseForm> forms = EnumSet.noneOf(AbuseForm.class);
        if (abused) {
            int wanted = chance(random, 25) ? 2 : 1;
            while (forms.size() < wanted) {
                forms.add(ABUSE_FORMS.pick(random));
            }
        }
        AbuseSetting setting = switch (category) {
            case ABUSED -> chance(random, 85) ? SETTINGS.pick(random) : null;
            case AT_RISK -> chance(random, 30) ? SETTINGS.pick(random) : null;
            case SPECIAL_CIRCUMSTANCES -> null;
        };
        Set<SpecialCircumstanceGroup> groups = EnumSet.noneOf(SpecialCircumstanceGroup.class);
        switch (category) {
            case SPECIAL_CIRCUMSTANCES -> {
                int wanted = chance(random, 30) ? 2 : 1;
                while (groups.size() < wanted) {
                    groups.add(GROUPS.pick(random));
                }
            }
            case ABUSED -> {
                SpecialCircumstanceGroup matching = GROUP_OF_FORM.get(forms.iterator().next());
                if (matching != null && chance(random, 40)) {
                    groups.add(matching);
                }
            }
            case AT_RISK -> {
                if (chance(random, 15)) {
                    groups.add(GROUPS.pick(random));
                }
            }
        }

        LocalDate birthDate = chance(random, 60) ? birthDate(random, reportedAt, ageYears) : null;
        Timeline timeline = new Timeline(commune, random);
        timeline.report(index, commune, category, channel, sex, ageYears, birthDate, ethnicity, forms, setting,
                groups, reportedAt);
        Outcome outcome = followedUp(index) ? walk(timeline, random, category) : Outcome.NONE;

        List<PlannedStep> steps = timeline.stepsUpTo(now, acrossReform);
        // An outcome whose deciding step falls after the planning instant has not happened yet.
        boolean decided = outcome.decidedBy != null && steps.stream().anyMatch(s -> s.step() == outcome.decidedBy);
        return new PlannedCase(index, commune, category, channel, sex, ageYears, birthDate, ethnicity, setting,
                List.copyOf(forms), List.copyOf(groups), outcome.emergency, decided ? outcome.helpedInTime : null,
                decided ? outcome.decidedBy : null, steps, timeline.successor);
    }

    /**
     * Whether case {@code index} goes on after its report; drawn apart from the case's own random numbers, so a case
     * that goes on is the same case whatever the share.
     */
    private boolean followedUp(int index) {
        return followUpPercent == 100
                || new SplittableRandom(mix(seed ^ 0x5DEECE66DL) ^ mix(index)).nextInt(100) < followUpPercent;
    }

    /**
     * Lays out the steps after the report and says which outcome was intended.
     */
    private Outcome walk(Timeline t, SplittableRandom random, CaseCategory category) {
        boolean abused = category == CaseCategory.ABUSED;
        if (!chance(random, abused ? 95 : 88)) {
            return Outcome.NONE;
        }
        boolean emergency = abused && chance(random, 35);
        Boolean helped = null;
        Step decidedBy = null;
        if (emergency) {
            int intent = random.nextInt(100);
            if (intent < 60) {
                // In time: assessed within the hour, measures taken at most 2 h 50 min after the report.
                t.initialAssessment(t.reportedAt.plus(minutes(random, 10, 60)), RiskLevel.HIGH, true);
                Instant latest = t.reportedAt.plus(EMERGENCY_IN_TIME).minus(Duration.ofMinutes(10));
                t.emergencyMeasures(between(random, t.last.plus(Duration.ofMinutes(10)), latest));
                helped = true;
                decidedBy = Step.EMERGENCY_MEASURES;
            } else if (intent < 85) {
                t.initialAssessment(t.reportedAt.plus(minutes(random, 30, 20 * 60)), RiskLevel.HIGH, true);
                Instant earliest = t.reportedAt.plus(EMERGENCY_LATE).plus(Duration.ofMinutes(30));
                t.emergencyMeasures(between(random, earliest, earliest.plus(Duration.ofDays(6))));
                helped = false;
                decidedBy = Step.EMERGENCY_MEASURES;
            } else {
                // Not helped: the emergency was recognised, no measures are recorded.
                t.initialAssessment(t.reportedAt.plus(minutes(random, 30, 20 * 60)), RiskLevel.HIGH, true);
                return new Outcome(true, null, null);
            }
        } else {
            RiskLevel risk = abused ? (chance(random, 50) ? RiskLevel.HIGH : RiskLevel.MEDIUM)
                    : (chance(random, 40) ? RiskLevel.MEDIUM : RiskLevel.LOW);
            t.initialAssessment(t.last.plus(minutes(random, 30, 48 * 60)), risk, false);
            if (!abused && chance(random, 6)) {
                t.close(t.last.plus(minutes(random, 60, 10 * 24 * 60)), "REPORT_UNFOUNDED");
                return new Outcome(false, null, null);
            }
        }

        if (!chance(random, abused ? 85 : 70)) {
            return new Outcome(emergency, helped, decidedBy);
        }
        t.detailedAssessment(t.last.plus(minutes(random, 24 * 60, 10 * 24 * 60)),
                chance(random, 60) ? RiskLevel.MEDIUM : (abused ? RiskLevel.HIGH : RiskLevel.LOW));
        Instant detailedAt = t.last;

        List<Intervention> options = abused ? ABUSED_INTERVENTIONS : SUPPORT_INTERVENTIONS;
        if (abused && !emergency) {
            int intent = random.nextInt(100);
            if (intent < 55) {
                Instant drafted = between(random, detailedAt.plus(Duration.ofHours(1)),
                        detailedAt.plus(DRAFT_IN_TIME).minus(Duration.ofHours(1)));
                t.draft(drafted, options);
                t.approve(between(random, drafted.plus(Duration.ofMinutes(5)),
                        drafted.plus(APPROVAL_IN_TIME).minus(Duration.ofMinutes(5))));
                helped = true;
                decidedBy = Step.PLAN_APPROVED;
            } else if (intent < 80) {
                Instant earliest = detailedAt.plus(DRAFT_LATE).plus(Duration.ofHours(2));
                t.draft(between(random, earliest, earliest.plus(Duration.ofDays(20))), options);
                t.approve(t.last.plus(minutes(random, 2 * 60, 5 * 24 * 60)));
                helped = false;
                decidedBy = Step.PLAN_APPROVED;
            } else {
                // Not helped: the case stops after the assessment, or a draft is never approved.
                if (chance(random, 50)) {
                    t.draft(t.last.plus(minutes(random, 24 * 60, 30 * 24 * 60)), options);
                }
                return new Outcome(false, null, null);
            }
        } else {
            if (!chance(random, 70)) {
                return new Outcome(emergency, helped, decidedBy);
            }
            t.draft(t.last.plus(minutes(random, 24 * 60, 12 * 24 * 60)), options);
            if (!chance(random, 90)) {
                return new Outcome(emergency, helped, decidedBy);
            }
            t.approve(t.last.plus(minutes(random, 2 * 60, 6 * 24 * 60)));
        }

        for (String interventionId : t.interventionIds()) {
            if (chance(random, 80)) {
                boolean accepted = t.interventionStatus(t.last.plus(minutes(random, 60, 3 * 24 * 60)),
                        interventionId, "ACCEPTED");
                if (chance(random, 75) && accepted) {
                    t.interventionStatus(t.last.plus(minutes(random, 3 * 24 * 60, 40 * 24 * 60)), interventionId,
                            "COMPLETED");
                }
            }
        }
        if (chance(random, 60)) {
            boolean proposeClosure = chance(random, 65);
            t.review(t.last.plus(minutes(random, 7 * 24 * 60, 40 * 24 * 60)),
                    proposeClosure ? RiskLevel.LOW : (chance(random, 50) ? RiskLevel.MEDIUM : RiskLevel.LOW),
                    proposeClosure ? ReviewOutcome.PROPOSE_CLOSURE : ReviewOutcome.CONTINUE);
            if (proposeClosure && chance(random, 85)) {
                t.close(t.last.plus(minutes(random, 60, 10 * 24 * 60)), "NO_FURTHER_RISK");
            }
        }
        return new Outcome(emergency, helped, decidedBy);
    }

    private Instant reportTime(SplittableRandom random) {
        LocalDate first = rangeStart.atZone(VIETNAM).toLocalDate();
        long days = ChronoUnit.DAYS.between(first, rangeEnd.atZone(VIETNAM).toLocalDate()) + 1;
        for (int attempt = 0; attempt < 100; attempt++) {
            LocalDate day = first.plusDays(random.nextLong(days));
            // Most reports arrive between 07:00 and 21:00 local time; a hotline answers at night too.
            int minute = chance(random, 90) ? random.nextInt(7 * 60, 21 * 60) : random.nextInt(24 * 60);
            Instant at = day.atTime(LocalTime.MIN).plusMinutes(minute).plusSeconds(random.nextInt(60))
                    .atZone(VIETNAM).toInstant();
            if (!at.isBefore(rangeStart) && at.isBefore(rangeEnd)) {
                return at;
            }
        }
        return between(random, rangeStart, rangeEnd.minusSeconds(1));
    }

    private static int age(SplittableRandom random) {
        // Fewer reports about infants and toddlers than about school-age children.
        int r = random.nextInt(100);
        if (r < 12) {
            return random.nextInt(0, 3);
        }
        if (r < 27) {
            return random.nextInt(3, 6);
        }
        if (r < 60) {
            return random.nextInt(6, 11);
        }
        return random.nextInt(11, 16);
    }

    /**
     * A birth date from which the service derives exactly {@code ageYears} on the report's day in Vietnam.
     */
    static LocalDate birthDate(SplittableRandom random, Instant reportedAt, int ageYears) {
        LocalDate reportDay = reportedAt.atZone(VIETNAM).toLocalDate();
        return reportDay.minusYears(ageYears).minusDays(random.nextInt(0, 360));
    }

    private static boolean chance(SplittableRandom random, int percent) {
        return random.nextInt(100) < percent;
    }

    private static Duration minutes(SplittableRandom random, int min, int max) {
        return Duration.ofSeconds(random.nextLong(min * 60L, max * 60L + 1));
    }

    private static Instant between(SplittableRandom random, Instant earliest, Instant latest) {
        long span = Duration.between(earliest, latest).toSeconds();
        return earliest.plusSeconds(span <= 0 ? 0 : random.nextLong(span + 1));
    }

    /** SplitMix64's finaliser: spreads neighbouring seeds and indexes over unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private record Outcome(boolean emergency, Boolean helpedInTime, Step decidedBy) {
        static final Outcome NONE = new Outcome(false, null, null);
    }

    private record Intervention(InterventionMeasure measure, Provider provider) {
    }

    /** Who provides a measure; which unit that is depends on the plan's day. */
    private enum Provider {
        POLICE, HEALTH, COMMUNE,
        /** The commune's Culture and Social Affairs office from 1/7/2025 (Nghị định 150/2025 Art 15(3)(d)). */
        SOCIAL_AFFAIRS,
        /** The city's Department of Health from 1/7/2025 (Nghị định 150/2025 Art 8(10)). */
        CITY_HEALTH;

        String unitOn(LocalDate day, String commune) {
            boolean reformed = !day.isBefore(Reform2025.FIRST_NEW_DAY);
            return switch (this) {
                case POLICE -> Reform2025.policeOn(day, commune);
                case HEALTH -> Reform2025.healthOn(day, commune);
                case COMMUNE -> commune;
                case SOCIAL_AFFAIRS -> reformed ? commune + "-culture-social" : commune;
                case CITY_HEALTH -> reformed ? "31-health-department" : commune;
            };
        }
    }

    /**
     * The steps of one case in time order, with the user and body of each request.
     */
    private static final class Timeline {

        /** The commune the case was reported in. */
        private final String commune;
        /** The new commune running the case from 1/7/2025 when it was reported in an old one, else null. */
        private final String successor;
        private final SplittableRandom random;
        private boolean successorChosen;
        private final List<PlannedStep> steps = new ArrayList<>();
        private final Map<String, String> agencyOf = new LinkedHashMap<>();
        private Instant reportedAt;
        private Instant last;

        Timeline(String commune, SplittableRandom random) {
            this.commune = commune;
            List<String> successors = Reform2025.SUCCESSORS.get(commune);
            this.successor = successors == null ? null
                    : successors.size() == 1 ? successors.get(0) : successors.get(random.nextInt(successors.size()));
            this.random = random;
        }

        void report(int index, String communeCode, CaseCategory category, ReportChannel channel, Sex sex,
                    int ageYears, LocalDate birthDate, String ethnicity, Set<AbuseForm> forms, AbuseSetting setting,
                    Set<SpecialCircumstanceGroup> groups, Instant at) {
            String number = String.format("%05d", index + 1);
            Map<String, Object> child = new LinkedHashMap<>();
            child.put("name", "Trẻ Thử " + number);
            if (birthDate != null) {
                child.put("birthDate", birthDate.toString());
            } else {
                child.put("ageYears", ageYears);
            }
            child.put("sex", sex.name());
            if (ethnicity != null) {
                child.put("ethnicity", ethnicity);
            }
            child.put("address", "Địa chỉ thử số " + number + " (dữ liệu tổng hợp)");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("occurredAt", at.toString());
            body.put("communeCode", communeCode);
            body.put("category", category.name());
            body.put("channel", channel.name());
            body.put("abuseForms", names(forms));
            if (setting != null) {
                body.put("setting", setting.name());
            }
            body.put("specialCircumstanceGroups", names(groups));
            body.put("child", child);
            body.put("reporter", Map.of("consentToRecordIdentity", false));
            body.put("narrative", NOTE);
            reportedAt = at;
            add(Step.REPORTED, at, worker(at), "/api/v1/cases", body);
        }

        void initialAssessment(Instant at, RiskLevel risk, boolean emergency) {
            add(Step.INITIAL_ASSESSMENT, at, worker(at), "/initial-assessment", body(at,
                    "riskLevel", risk.name(), "emergency", emergency, "notes", NOTE));
        }

        void emergencyMeasures(Instant at) {
            List<String> measures = new ArrayList<>();
            Map<String, Object> body = body(at);
            String user = worker(at);
            if (chance(random, 25)) {
                // Temporary removal (Art 32) is the chair's decision and lasts at most 15 days.
                measures.add(EmergencyMeasure.TEMPORARY_REMOVAL.name());
                LocalDate start = at.atZone(VIETNAM).toLocalDate();
                Map<String, Object> removal = new LinkedHashMap<>();
                removal.put("startDate", start.toString());
                removal.put("endDate", start.plusDays(random.nextInt(7, 15)).toString());
                body.put("temporaryRemoval", removal);
                user = chair(at);
            }
            List<EmergencyMeasure> others = List.of(EmergencyMeasure.MEDICAL_EMERGENCY, EmergencyMeasure.SAFE_PLACE,
                    EmergencyMeasure.POLICE_PROTECTION, EmergencyMeasure.OTHER);
            Set<String> chosen = new TreeSet<>();
            int wanted = measures.isEmpty() ? random.nextInt(1, 3) : random.nextInt(0, 2);
            while (chosen.size() < wanted) {
                chosen.add(others.get(random.nextInt(others.size())).name());
            }
            measures.addAll(chosen);
            body.put("measures", measures);
            body.put("notes", NOTE);
            add(Step.EMERGENCY_MEASURES, at, user, "/emergency-measures", body);
        }

        void detailedAssessment(Instant at, RiskLevel risk) {
            add(Step.DETAILED_ASSESSMENT, at, worker(at), "/detailed-assessment", body(at,
                    "riskLevel", risk.name(), "findings", NOTE));
        }

        void draft(Instant at, List<Intervention> options) {
            List<Intervention> pool = new ArrayList<>(options);
            int count = chance(random, 55) ? 1 : 2;
            List<Map<String, Object>> interventions = new ArrayList<>();
            LocalDate day = at.atZone(VIETNAM).toLocalDate();
            agencyOf.clear();
            for (int i = 1; i <= count; i++) {
                Intervention chosen = pool.remove(random.nextInt(pool.size()));
                String agency = chosen.provider().unitOn(day, runningOn(at));
                String id = "iv-" + i;
                agencyOf.put(id, agency);
                Map<String, Object> intervention = new LinkedHashMap<>();
                intervention.put("interventionId", id);
                intervention.put("measure", chosen.measure().name());
                intervention.put("agencyCode", agency);
                intervention.put("dueDate", day.plusDays(random.nextInt(14, 46)).toString());
                intervention.put("description", NOTE);
                interventions.add(intervention);
            }
            add(Step.PLAN_DRAFTED, at, worker(at), "/plan", body(at, "goals", NOTE, "interventions", interventions));
        }

        void approve(Instant at) {
            add(Step.PLAN_APPROVED, at, chair(at), "/plan/approval", body(at, "planVersion", 1));
        }

        List<String> interventionIds() {
            return List.copyOf(agencyOf.keySet());
        }

        /**
         * Plans an agency's report on its intervention, if the agency still exists on that day and has a demo user.
         *
         * @return whether it was planned
         */
        boolean interventionStatus(Instant at, String interventionId, String status) {
            String agency = agencyOf.get(interventionId);
            String user = Reform2025.answeringUser(agency);
            LocalDate lastDay = Reform2025.lastDay(agency);
            if (user == null || lastDay != null && at.atZone(VIETNAM).toLocalDate().isAfter(lastDay)) {
                return false;
            }
            add(status.equals("COMPLETED") ? Step.INTERVENTION_COMPLETED : Step.INTERVENTION_ACCEPTED, at, user,
                    "/interventions/" + interventionId + "/status", body(at, "status", status, "note", NOTE));
            return true;
        }

        void review(Instant at, RiskLevel risk, ReviewOutcome outcome) {
            add(Step.REVIEWED, at, worker(at), "/reviews", body(at, "riskLevel", risk.name(),
                    "outcome", outcome.name(), "notes", NOTE));
        }

        void close(Instant at, String reasonCode) {
            add(Step.CLOSED, at, chair(at), "/closure", body(at, "reasonCode", reasonCode, "notes", NOTE));
        }

        /**
         * @param acrossReform false: a case of an old commune stops before 1/7/2025
         */
        List<PlannedStep> stepsUpTo(Instant now, boolean acrossReform) {
            List<PlannedStep> kept = new ArrayList<>();
            for (PlannedStep step : steps) {
                if (step.occurredAt().isAfter(now)
                        || !acrossReform && successor != null && !step.occurredAt().isBefore(Reform2025.BOUNDARY)) {
                    break;
                }
                kept.add(step);
            }
            return kept;
        }

        /** @return the commune that runs the case at {@code at}: the new one from 1/7/2025 for an old commune's */
        String runningOn(Instant at) {
            return successor != null && !at.isBefore(Reform2025.BOUNDARY) ? successor : commune;
        }

        private String worker(Instant at) {
            return "worker." + runningOn(at);
        }

        private String chair(Instant at) {
            return "chair." + runningOn(at);
        }

        private void add(Step step, Instant at, String user, String path, Map<String, Object> body) {
            if (last != null && !at.isAfter(last)) {
                throw new IllegalStateException(step + " planned at " + at + ", not after " + last);
            }
            if (successor != null && Reform2025.SPLIT.contains(commune) && !successorChosen
                    && !at.isBefore(Reform2025.BOUNDARY)) {
                // A split commune's case waits for a person to choose its new commune before its next step.
                successorChosen = true;
                Instant chosenAt = at.minusSeconds(1);
                if (!chosenAt.isAfter(last)) {
                    throw new IllegalStateException("no time for the successor choice before " + step + " at " + at);
                }
                last = chosenAt;
                steps.add(new PlannedStep(Step.SUCCESSOR_COMMUNE_CHOSEN, chosenAt, Reform2025.CITY_COORDINATOR,
                        "/api/v1/cases/" + PlannedStep.CASE_ID + "/successor-commune",
                        Map.of("communeCode", successor)));
            }
            last = at;
            String fullPath = step == Step.REPORTED ? path : "/api/v1/cases/" + PlannedStep.CASE_ID + path;
            steps.add(new PlannedStep(step, at, user, fullPath, body));
        }

        private static Map<String, Object> body(Instant at, Object... keysAndValues) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("occurredAt", at.toString());
            for (int i = 0; i < keysAndValues.length; i += 2) {
                body.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
            return body;
        }

        private static List<String> names(Set<? extends Enum<?>> values) {
            return values.stream().map(Enum::name).toList();
        }
    }
}
