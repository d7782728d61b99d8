//! Synthetic institutions: real universities of the countries of origin
//! (`assets/seed/universities.tsv.gz`, from the world universities list; see its README),
//! chosen in proportion to each country's diaspora, each with one to three staff accounts
//! named in the country's traditions, a few occupations it seeks experts in, a description
//! in its language (French or Spanish where that is the country's, else English), and a
//! moderator's decision: mostly VERIFIED, some PENDING, a few REJECTED. The first institution
//! is always VERIFIED, so requests always have somewhere to come from.

use super::experts::SEED_DOMAIN;
use super::names::{LOCALES, ascii_fold};
use super::plan::{Plan, join_list, seeded_id, stream};
use super::rng::{Cumulative, Rng};
use super::taxonomy::skill_label;
use super::world;
use braingain_domain::institution::{InstitutionDraft, ValidInstitution};
use braingain_domain::{
    AccountId, CountryCode, InstitutionId, InstitutionKind, VerificationStatus,
};
use std::io::Read;

/// The universities of the countries of origin (see `assets/seed/README.md`).
static UNIVERSITIES: &[u8] = include_bytes!("../../../../assets/seed/universities.tsv.gz");

/// One university of the shipped list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct University {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Name.
    pub name: String,
    /// Web site (may be empty).
    pub website: String,
    /// State or province (may be empty).
    pub region: String,
}

/// Reads the shipped list.
pub fn universities() -> anyhow::Result<Vec<University>> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(UNIVERSITIES).read_to_string(&mut text)?;
    let mut out = Vec::with_capacity(3_200);
    for (n, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [country, name, website, region] = cols[..] else {
            anyhow::bail!(
                "assets/seed/universities.tsv.gz line {}: {} columns",
                n + 1,
                cols.len()
            );
        };
        out.push(University {
            country: country.to_owned(),
            name: name.to_owned(),
            website: website.to_owned(),
            region: region.to_owned(),
        });
    }
    Ok(out)
}

/// A member of an institution's staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedStaff {
    /// Account id.
    pub account: AccountId,
    /// Address.
    pub email: String,
    /// Name shown.
    pub display_name: String,
}

/// A generated institution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedInstitution {
    /// Id.
    pub id: InstitutionId,
    /// Content.
    pub institution: ValidInstitution,
    /// The moderators' decision.
    pub verification: VerificationStatus,
    /// The reason given with it (none while PENDING).
    pub review_reason: Option<String>,
    /// Staff, creator first.
    pub staff: Vec<GeneratedStaff>,
    /// Occupations it seeks experts in.
    pub focus: Vec<usize>,
    /// The language it writes in (`en`, `fr`, `es`).
    pub lang: &'static str,
    /// Seconds before the seeding when it was created; reviewed a few days later.
    pub created_ago: i64,
}

/// Chooses `count` distinct universities: a country by diaspora weight (among those with
/// universities left), then one of its universities at random.
///
/// # Errors
/// If `count` exceeds the shipped list.
pub fn choose(plan: &Plan, all: &[University], count: usize) -> anyhow::Result<Vec<usize>> {
    if count > all.len() {
        anyhow::bail!(
            "at most {} institutions: that is how many universities the countries of origin have in the shipped list",
            all.len()
        );
    }
    let mut left: Vec<Vec<usize>> = world::origins()
        .iter()
        .map(|o| {
            (0..all.len())
                .filter(|&u| all[u].country == o.code)
                .collect()
        })
        .collect();
    let mut rng = Rng::for_item(plan.seed, stream::UNIVERSITIES, 0);
    let mut chosen = Vec::with_capacity(count);
    while chosen.len() < count {
        let weights = Cumulative::new(
            world::origins()
                .iter()
                .zip(&left)
                .map(|(o, l)| if l.is_empty() { 0.0 } else { o.weight }),
        );
        let Some(country) = weights.draw(&mut rng) else {
            break;
        };
        let pool = &mut left[country];
        chosen.push(pool.swap_remove(rng.below(pool.len())));
    }
    Ok(chosen)
}

/// Generates institution `n`, the university `university`; `moderator` reviewed it.
///
/// # Errors
/// If the generated institution fails validation.
pub fn institution(
    plan: &Plan,
    n: u64,
    university: &University,
) -> anyhow::Result<GeneratedInstitution> {
    let mut rng = Rng::for_item(plan.seed, stream::INSTITUTION, n);
    let id = InstitutionId(seeded_id(&mut rng, super::plan::EPOCH_MS + n));
    let origin = world::origin_of(&university.country);
    let lang = match world::romance_language(&university.country) {
        Some(lang) if rng.chance(0.8) => lang,
        _ => "en",
    };
    let staff_count = rng.range(1, 3);
    let mut staff = Vec::with_capacity(staff_count);
    for k in 0..staff_count {
        let locale_name = origin
            .and_then(|o| rng.weighted(&o.locales).copied())
            .unwrap_or("yoruba");
        let locale = &LOCALES[world::locale_index(locale_name).unwrap_or(0)];
        let name = locale.person(&mut rng);
        let local = format!("{}.{}", ascii_fold(&name.given), ascii_fold(&name.family));
        staff.push(GeneratedStaff {
            account: AccountId(seeded_id(&mut rng, super::plan::EPOCH_MS + n)),
            email: format!("{local}.staff{n}-{k}@{SEED_DOMAIN}"),
            display_name: name.display,
        });
    }
    let mut focus: Vec<usize> = Vec::new();
    for _ in 0..rng.range(3, 6) {
        let o = plan.occupation(&mut rng, origin);
        if !focus.contains(&o) {
            focus.push(o);
        }
    }
    let fields: Vec<&str> = focus
        .iter()
        .filter_map(|&o| plan.tax.areas[o].as_ref()?.skills.first().copied())
        .map(|s| skill_label(&plan.tax.skills[s], lang))
        .collect();
    let fields = join_list(&fields, lang);
    let country = CountryCode::parse(&university.country).map_or("", |c| c.name());
    let name = &university.name;
    let description = match lang {
        "fr" => format!(
            "{name} est une université ({country}). Elle recherche des experts de la diaspora pour travailler avec ses enseignants et ses étudiants : {fields}. Cours, co-encadrement, recherche commune et formation."
        ),
        "es" => format!(
            "{name} es una universidad ({country}). Busca expertos de la diáspora para trabajar con su personal y sus estudiantes: {fields}. Clases, codirección, investigación conjunta y formación."
        ),
        _ => format!(
            "{name} is a university in {country}. It seeks diaspora experts to work with its staff and students on {fields}: guest lectures, co-supervision, joint research and training."
        ),
    };
    let institution = InstitutionDraft {
        name: name.clone(),
        kind: InstitutionKind::University,
        country: university.country.clone(),
        city: Some(university.region.clone()).filter(|r| !r.is_empty()),
        website: Some(university.website.clone()).filter(|w| !w.is_empty()),
        description,
    }
    .validate()
    .map_err(|e| anyhow::anyhow!("generated institution {n} ({name}) is invalid: {e}"))?;
    let verification = match rng.unit() {
        _ if n == 0 => VerificationStatus::Verified,
        u if u < 0.8 => VerificationStatus::Verified,
        u if u < 0.95 => VerificationStatus::Pending,
        _ => VerificationStatus::Rejected,
    };
    let review_reason = match verification {
        VerificationStatus::Verified => {
            Some("Checked against the university's public web site.".to_owned())
        }
        VerificationStatus::Rejected => {
            Some("We could not confirm that the applicant works for this university.".to_owned())
        }
        VerificationStatus::Pending => None,
    };
    Ok(GeneratedInstitution {
        id,
        institution,
        verification,
        review_reason,
        staff,
        focus,
        lang,
        created_ago: i64::try_from(rng.range(400, 900) * 86_400).unwrap_or(0),
    })
}
