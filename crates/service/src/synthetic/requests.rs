//! Synthetic requests: a VERIFIED institution asks for help in one of the occupations it seeks
//! experts in. The title and description are written in the institution's language (French
//! or Spanish mostly where that is the country's, else English), name the occupation or one
//! of its skills (sometimes by an alternative label), and the request requires two to five of
//! the occupation's core skills. Statuses are mixed as a live network's would be: mostly OPEN,
//! some DRAFT, `IN_REVIEW`, `IN_PROGRESS`, COMPLETED, CANCELLED and REJECTED, with the moderator's
//! review where one happened.

use super::institutions::GeneratedInstitution;
use super::plan::{EPOCH_MS, Plan, article, capitalise, join_list, seeded_id, stream};
use super::rng::Rng;
use super::taxonomy::{lang_index, skill_label};
use braingain_domain::request::{MAX_TITLE, RequestDraft, SkillRequirementDraft, ValidRequest};
use braingain_domain::{AccountId, RequestId, RequestKind, RequestStatus, WorkMode};

/// A generated request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedRequest {
    /// Id.
    pub id: RequestId,
    /// Index of the institution (in generation order).
    pub institution: usize,
    /// The staff member who wrote it.
    pub created_by: AccountId,
    /// The occupation it asks for.
    pub occupation: usize,
    /// Content.
    pub request: ValidRequest,
    /// Status.
    pub status: RequestStatus,
    /// The moderator's reason, if it was reviewed.
    pub review_reason: Option<String>,
    /// Whether a moderator reviewed it.
    pub reviewed: bool,
    /// Whether it was submitted for review.
    pub submitted: bool,
    /// Seconds before the seeding when it was created.
    pub created_ago: i64,
    /// Days from the seeding to its start (negative: started already).
    pub starts_in_days: Option<i64>,
    /// Its length in days.
    pub days: Option<i64>,
}

/// A skill's label in `lang`, or one of its alternative labels there.
fn skill_phrase<'a>(rng: &mut Rng, plan: &'a Plan, skill: usize, lang: &str) -> &'a str {
    let record = &plan.tax.skills[skill];
    match record.labels.get(lang) {
        Some(l) if !l.alternatives.is_empty() && rng.chance(0.3) => rng
            .pick(&l.alternatives)
            .map_or(l.preferred.as_str(), String::as_str),
        _ => skill_label(record, lang),
    }
}

fn title(kind: RequestKind, lang: &str, occupation: &str, skill: &str) -> String {
    use RequestKind as K;
    match (lang, kind) {
        ("fr", K::Project) => format!("Projet commun : {skill}"),
        ("fr", K::Mentoring) => format!("Mentorat en {skill} pour nos jeunes enseignants"),
        ("fr", K::Lecture) => format!("Cours invités : {skill}"),
        ("fr", K::Supervision) => format!("Co-encadrement de doctorants : {skill}"),
        ("fr", K::Consultancy) => format!("Recherche {occupation} pour nous conseiller : {skill}"),
        ("fr", K::Training) => format!("Formation de notre personnel : {skill}"),
        ("es", K::Project) => format!("Proyecto conjunto: {skill}"),
        ("es", K::Mentoring) => format!("Mentoría en {skill} para nuestro personal joven"),
        ("es", K::Lecture) => format!("Clases invitadas: {skill}"),
        ("es", K::Supervision) => format!("Codirección de tesis doctorales: {skill}"),
        ("es", K::Consultancy) => format!("Buscamos {occupation} para asesorarnos: {skill}"),
        ("es", K::Training) => format!("Capacitación de nuestro personal: {skill}"),
        (_, K::Project) => format!(
            "Joint project with {} {occupation}: {skill}",
            article(occupation)
        ),
        (_, K::Mentoring) => format!("Mentor in {skill} for our young staff"),
        (_, K::Lecture) => format!("Guest lectures on {skill}"),
        (_, K::Supervision) => format!("Co-supervision of PhD students: {skill}"),
        (_, K::Consultancy) => format!(
            "Advice from {} {occupation} on {skill}",
            article(occupation)
        ),
        (_, K::Training) => format!("Training our staff in {skill}"),
    }
}

fn description(lang: &str, institution: &str, occupation: &str, skills: &str) -> String {
    match lang {
        "fr" => format!(
            "{institution} recherche un ou une {occupation} de la diaspora. Le travail porte sur : {skills}. Possible à distance, avec une visite sur place si vous le souhaitez."
        ),
        "es" => format!(
            "{institution} busca un o una {occupation} de la diáspora. El trabajo trata de: {skills}. Posible a distancia, con una visita si lo desea."
        ),
        _ => format!(
            "{institution} is looking for {} {occupation} from the diaspora. The work covers {skills}. Remote work is fine, with a visit if you wish.",
            article(occupation)
        ),
    }
}

/// Generates request `n`, asked by `institutions[owner]` (a VERIFIED one).
///
/// # Errors
/// If the generated request fails validation.
pub fn request(
    plan: &Plan,
    n: u64,
    owner: usize,
    institution: &GeneratedInstitution,
) -> anyhow::Result<GeneratedRequest> {
    let mut rng = Rng::for_item(plan.seed, stream::REQUEST, n);
    let id = RequestId(seeded_id(&mut rng, EPOCH_MS + n));
    let occupation = rng
        .pick(&institution.focus)
        .copied()
        .unwrap_or_else(|| plan.occupation(&mut rng, None));
    let lang = if institution.lang != "en" && rng.chance(0.85) {
        institution.lang
    } else {
        "en"
    };
    let occupation_title = plan.title(&mut rng, occupation, lang, false);
    let area = plan.tax.areas[occupation].as_ref();
    let core: &[usize] = area.map_or(&[], |a| &a.skills[..a.core.min(a.skills.len())]);
    let mut pool: Vec<usize> = core.to_vec();
    rng.shuffle(&mut pool);
    pool.truncate(rng.range(2, 5));
    let kinds = [
        (RequestKind::Project, 0.2),
        (RequestKind::Mentoring, 0.2),
        (RequestKind::Lecture, 0.2),
        (RequestKind::Supervision, 0.1),
        (RequestKind::Consultancy, 0.15),
        (RequestKind::Training, 0.15),
    ];
    let kind = rng
        .weighted(&kinds)
        .copied()
        .unwrap_or(RequestKind::Project);
    let first = pool.first().copied();
    let skill = first.map_or(occupation_title.as_str(), |s| {
        skill_phrase(&mut rng, plan, s, lang)
    });
    let mut title = title(kind, lang, &occupation_title, skill);
    if title.chars().count() > MAX_TITLE {
        title = capitalise(skill);
    }
    let labels: Vec<&str> = pool
        .iter()
        .map(|&s| skill_label(&plan.tax.skills[s], lang))
        .collect();
    let description = description(
        lang,
        &institution.institution.name,
        plan.tax.occupations[occupation].labels[lang_index(lang)]
            .forms()
            .first()
            .copied()
            .unwrap_or(&occupation_title),
        &join_list(&labels, lang),
    );
    let required = rng.range(1, 2);
    let mut languages = vec![lang.to_owned()];
    if lang != "en" && rng.chance(0.5) {
        languages.push("en".to_owned());
    }
    let mut work_modes: Vec<WorkMode> = [
        (WorkMode::Remote, 0.7),
        (WorkMode::ShortVisit, 0.5),
        (WorkMode::LongStay, 0.1),
    ]
    .iter()
    .filter(|(_, p)| rng.chance(*p))
    .map(|(m, _)| *m)
    .collect();
    if work_modes.is_empty() {
        work_modes.push(WorkMode::Remote);
    }
    let request = RequestDraft {
        kind,
        title,
        description,
        skills: pool
            .iter()
            .enumerate()
            .map(|(i, &s)| SkillRequirementDraft {
                skill_id: Some(plan.tax.skills[s].id.to_string()),
                label: None,
                min_level: i32::try_from(rng.range(2, 4)).unwrap_or(3),
                required: i < required,
            })
            .collect(),
        languages,
        work_modes,
        hours_per_month: rng.chance(0.85).then(|| {
            let hours = [4, 8, 10, 16, 20, 30, 40];
            rng.pick(&hours).copied().unwrap_or(10)
        }),
        starts_on: None,
        ends_on: None,
    }
    .validate()
    .map_err(|e| anyhow::anyhow!("generated request {n} is invalid: {e}"))?;
    let statuses = [
        (RequestStatus::Draft, 0.1),
        (RequestStatus::InReview, 0.1),
        (RequestStatus::Open, 0.5),
        (RequestStatus::InProgress, 0.1),
        (RequestStatus::Completed, 0.1),
        (RequestStatus::Cancelled, 0.06),
        (RequestStatus::Rejected, 0.04),
    ];
    let status = rng
        .weighted(&statuses)
        .copied()
        .unwrap_or(RequestStatus::Open);
    let reviewed = !matches!(status, RequestStatus::Draft | RequestStatus::InReview);
    let review_reason = match status {
        RequestStatus::Rejected => Some(
            "This reads as a job offer, not a request for help; please describe the collaboration."
                .to_owned(),
        ),
        _ if reviewed => Some("Clear and within the network's purpose.".to_owned()),
        _ => None,
    };
    let created_by = rng
        .pick(&institution.staff)
        .map_or(AccountId(uuid::Uuid::nil()), |s| s.account);
    let dated = rng.chance(0.6);
    Ok(GeneratedRequest {
        id,
        institution: owner,
        created_by,
        occupation,
        request,
        status,
        review_reason,
        reviewed,
        submitted: status != RequestStatus::Draft,
        created_ago: i64::try_from(rng.range(2, 360) * 86_400).unwrap_or(86_400),
        starts_in_days: dated.then(|| i64::try_from(rng.range(0, 300)).unwrap_or(0) - 120),
        days: dated.then(|| i64::try_from(rng.range(30, 365)).unwrap_or(90)),
    })
}
