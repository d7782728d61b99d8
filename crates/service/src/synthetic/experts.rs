//! One synthetic expert, drawn from its own random stream (so expert `n` is the same whatever
//! else is generated, and experts can be generated in parallel).
//!
//! The expert comes from a country of origin (by diaspora size), lives where its emigrants go
//! (the corridors of [`super::world`]), bears a name of one of its naming traditions, speaks
//! its home language, its country's official one, its country of residence's and usually
//! English, and practises one occupation: 4–9 skills of the occupation's area (core skills
//! twice as likely, and claimed at higher levels), sometimes one unrelated skill and one
//! transversal skill. The headline is the occupation's title (English, or French or Spanish
//! for a third of those living in or coming from such a country, gendered and sometimes an
//! alternative label), sometimes with a specialty; the biography opens with a sentence about
//! the expert, quotes the ESCO descriptions of 2–3 claimed skills and closes with what they
//! can help with.

use super::names::{LOCALES, PersonName, ascii_fold};
use super::plan::{EPOCH_MS, Plan, article, capitalise, join_list, seeded_id, stream};
use super::rng::Rng;
use super::taxonomy::skill_label;
use super::world::{self, Origin, Residence};
use braingain_domain::profile::{ProfileDraft, SkillClaimDraft, ValidProfile};
use braingain_domain::{
    AccountId, AccountStatus, EngagementType, LanguageLevel, ProfileId, Visibility, WorkMode,
};

/// The domain of every seeded address: `.test` is reserved (RFC 2606), so no mail sent to a
/// seeded account can reach anyone.
pub const SEED_DOMAIN: &str = "seed.braingain.test";

const DAY: i64 = 86_400;

/// A generated expert: account, profile and when things happened (seconds before the
/// seeding).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedExpert {
    /// Account id.
    pub account: AccountId,
    /// Profile id.
    pub profile_id: ProfileId,
    /// Address (`amina.okafor.17@seed.braingain.test`).
    pub email: String,
    /// Name shown.
    pub display_name: String,
    /// Account status (mostly ACTIVE).
    pub status: AccountStatus,
    /// The occupation practised (index into the taxonomy's occupations).
    pub occupation: usize,
    /// The language of the headline and biography (`en`, `fr`, `es`).
    pub lang: &'static str,
    /// The profile.
    pub profile: ValidProfile,
    /// Verified by a moderator.
    pub verified: bool,
    /// Seconds before the seeding when the account was created.
    pub created_ago: i64,
    /// … when the profile last changed.
    pub updated_ago: i64,
    /// … when the expert was last active.
    pub active_ago: i64,
}

fn residence_of(rng: &mut Rng, origin: &Origin) -> &'static Residence {
    let to = rng.weighted(&origin.corridors).copied().unwrap_or("US");
    world::residence(to).unwrap_or(&world::residences()[0])
}

fn person(rng: &mut Rng, origin: &Origin) -> (PersonName, &'static [&'static str]) {
    let name = rng.weighted(&origin.locales).copied().unwrap_or("yoruba");
    let locale = &LOCALES[world::locale_index(name).unwrap_or(0)];
    (locale.person(rng), locale.languages)
}

/// The language of the expert's texts: French or Spanish for a third of those who live in or
/// come from a country speaking it, else English.
fn text_language(rng: &mut Rng, origin: &Origin, residence: &Residence) -> &'static str {
    let romance =
        world::romance_language(residence.code).or_else(|| world::romance_language(origin.code));
    match romance {
        Some(lang) if rng.chance(0.35) => lang,
        _ => "en",
    }
}

fn languages(
    rng: &mut Rng,
    home: &[&'static str],
    origin: &Origin,
    residence: &Residence,
    text: &'static str,
) -> Vec<(String, LanguageLevel)> {
    let mut out: Vec<(String, LanguageLevel)> = Vec::new();
    let mut add = |code: &str, level: LanguageLevel| {
        if !out.iter().any(|(c, _)| c == code) {
            out.push((code.to_owned(), level));
        }
    };
    if rng.chance(0.8)
        && let Some(lang) = rng.pick(home)
    {
        add(lang, LanguageLevel::Native);
    }
    for (i, lang) in origin.languages.iter().enumerate() {
        let level = if i == 0 && rng.chance(0.5) {
            LanguageLevel::Native
        } else {
            LanguageLevel::Fluent
        };
        if i == 0 || rng.chance(0.85) {
            add(lang, level);
        }
    }
    for (i, lang) in residence.languages.iter().enumerate() {
        if i == 0 {
            let fluent = rng.chance(0.8);
            add(
                lang,
                if fluent {
                    LanguageLevel::Fluent
                } else {
                    LanguageLevel::Conversational
                },
            );
        } else if rng.chance(0.3) {
            add(lang, LanguageLevel::Conversational);
        }
    }
    if rng.chance(0.85) {
        add("en", LanguageLevel::Fluent);
    }
    add(text, LanguageLevel::Fluent);
    out
}

/// The claimed skills: (skill index, level), area skills first.
fn skills(rng: &mut Rng, plan: &Plan, occupation: usize) -> Vec<(usize, u8)> {
    let tax = &plan.tax;
    let Some(area) = tax.areas[occupation].as_ref() else {
        return Vec::new();
    };
    let want = rng.range(4, 9).min(area.skills.len());
    let core = &area.skills[..area.core.min(area.skills.len())];
    let mut pool: Vec<usize> = area.skills.iter().chain(core).copied().collect();
    let mut chosen: Vec<(usize, u8)> = Vec::with_capacity(want + 2);
    while chosen.len() < want && !pool.is_empty() {
        let s = pool.swap_remove(rng.below(pool.len()));
        if !chosen.iter().any(|(c, _)| *c == s) {
            let level = if core.contains(&s) {
                rng.range(3, 5)
            } else {
                rng.range(2, 4)
            };
            chosen.push((s, u8::try_from(level).unwrap_or(3)));
        }
    }
    if rng.chance(0.25)
        && let Some(&noise) = rng.pick(&tax.specific)
        && !area.skills.contains(&noise)
    {
        chosen.push((noise, u8::try_from(rng.range(1, 3)).unwrap_or(2)));
    }
    if rng.chance(0.12)
        && let Some(&soft) = rng.pick(&tax.transversal)
    {
        chosen.push((soft, u8::try_from(rng.range(3, 4)).unwrap_or(3)));
    }
    chosen
}

fn bio(
    rng: &mut Rng,
    plan: &Plan,
    lang: &str,
    title: &str,
    place: &str,
    origin: &Origin,
    claimed: &[(usize, u8)],
) -> String {
    let tax = &plan.tax;
    let years = rng.range(3, 30);
    let country = braingain_domain::CountryCode::parse(origin.code).map_or("", |c| c.name());
    let intro = match (lang, rng.below(3)) {
        ("fr", 0) => format!("{} à {place}.", capitalise(title)),
        ("fr", _) => format!("Je travaille comme {title} à {place} depuis {years} ans."),
        ("es", 0) => format!("{} en {place}.", capitalise(title)),
        ("es", _) => format!("Trabajo como {title} en {place} desde hace {years} años."),
        (_, 0) => format!(
            "{} based in {place}, originally from {country}.",
            capitalise(title)
        ),
        (_, 1) => {
            format!(
                "I am {} {title} with {years} years of experience, now living in {place}.",
                article(title)
            )
        }
        _ => format!("{} from {country}, working in {place}.", capitalise(title)),
    };
    let mut parts = vec![intro];
    let mut described: Vec<usize> = claimed.iter().map(|(s, _)| *s).collect();
    rng.shuffle(&mut described);
    let count = rng.range(2, 3);
    parts.extend(
        described
            .iter()
            .filter_map(|&s| tax.skills[s].description.clone())
            .take(count),
    );
    let helps: Vec<&str> = claimed
        .iter()
        .take(3)
        .map(|&(s, _)| skill_label(&tax.skills[s], lang))
        .collect();
    let list = join_list(&helps, lang);
    parts.push(match lang {
        "fr" => format!("Je peux aider en : {list}."),
        "es" => format!("Puedo ayudar con: {list}."),
        _ => format!("I can help with {list}."),
    });
    parts.join(" ")
}

fn engagement_types(rng: &mut Rng, professional: bool) -> Vec<EngagementType> {
    let academic = if professional { 0.3 } else { 0.08 };
    let odds = [
        (EngagementType::Mentoring, 0.5),
        (EngagementType::Consulting, 0.4),
        (EngagementType::Lecturing, 0.3),
        (EngagementType::Training, 0.3),
        (EngagementType::JointResearch, academic),
        (EngagementType::Supervision, academic * 0.6),
        (EngagementType::InternshipHosting, 0.08),
        (EngagementType::Investment, 0.05),
    ];
    let mut out: Vec<EngagementType> = odds
        .iter()
        .filter(|(_, p)| rng.chance(*p))
        .map(|(t, _)| *t)
        .collect();
    if out.is_empty() {
        out.push(EngagementType::Mentoring);
    }
    out
}

fn work_modes(rng: &mut Rng) -> Vec<WorkMode> {
    let odds = [
        (WorkMode::Remote, 0.9),
        (WorkMode::ShortVisit, 0.4),
        (WorkMode::LongStay, 0.08),
        (WorkMode::Return, 0.05),
    ];
    let mut out: Vec<WorkMode> = odds
        .iter()
        .filter(|(_, p)| rng.chance(*p))
        .map(|(m, _)| *m)
        .collect();
    if out.is_empty() {
        out.push(WorkMode::Remote);
    }
    out
}

/// A valid ORCID iD from random digits (ISO 7064 MOD 11-2 check digit).
fn orcid(rng: &mut Rng) -> String {
    let digits: Vec<u32> = (0..15)
        .map(|i| {
            if i < 3 {
                0
            } else {
                u32::try_from(rng.below(10)).unwrap_or(0)
            }
        })
        .collect();
    let total = digits.iter().fold(0, |t, d| (t + d) * 2);
    let check = (12 - total % 11) % 11;
    let mut s: String = digits
        .iter()
        .filter_map(|d| char::from_digit(*d, 10))
        .collect();
    s.push(if check == 10 {
        'X'
    } else {
        char::from_digit(check, 10).unwrap_or('0')
    });
    format!("{}-{}-{}-{}", &s[..4], &s[4..8], &s[8..12], &s[12..])
}

/// Seconds before the seeding: created within three years; last active mostly recently
/// (half within a month); last changed in between.
fn times(rng: &mut Rng) -> (i64, i64, i64) {
    let days = |rng: &mut Rng, lo: usize, hi: usize| {
        i64::try_from(rng.range(lo * 86_400, hi * 86_400)).unwrap_or(DAY)
    };
    let created = days(rng, 1, 3 * 365);
    let roll = rng.unit();
    let active = if roll < 0.5 {
        days(rng, 0, 30)
    } else if roll < 0.8 {
        days(rng, 30, 180)
    } else {
        days(rng, 180, 730)
    }
    .min(created);
    let updated = active + ((created - active) as f64 * rng.unit() * 0.5) as i64;
    (created, updated, active)
}

/// Generates expert `n` of the network.
///
/// # Errors
/// If the generated profile fails validation (a bug in the generator's tables).
pub fn expert(plan: &Plan, n: u64) -> anyhow::Result<GeneratedExpert> {
    let mut rng = Rng::for_item(plan.seed, stream::EXPERT, n);
    let account = AccountId(seeded_id(&mut rng, EPOCH_MS + n));
    let profile_id = ProfileId(seeded_id(&mut rng, EPOCH_MS + n));
    let origin = plan.origin(&mut rng);
    let residence = residence_of(&mut rng, origin);
    let (name, home) = person(&mut rng, origin);
    let occupation = plan.occupation(&mut rng, Some(origin));
    let isco = plan.tax.occupations[occupation].isco.as_str();
    let professional = isco.starts_with('2');
    let lang = text_language(&mut rng, origin, residence);
    let title = plan.title(&mut rng, occupation, lang, name.female);
    let claimed = skills(&mut rng, plan, occupation);
    let mut headline = capitalise(&title);
    if lang == "en" && rng.chance(0.15) {
        headline = format!("Senior {title}");
    }
    if rng.chance(0.3)
        && let Some(&(s, _)) = claimed.first()
    {
        let longer = format!("{headline}, {}", skill_label(&plan.tax.skills[s], lang));
        if longer.chars().count() <= braingain_domain::profile::MAX_HEADLINE {
            headline = longer;
        }
    }
    let city = rng.pick(&residence.cities).copied();
    let country_name =
        braingain_domain::CountryCode::parse(residence.code).map_or("", |c| c.name());
    let place = city.unwrap_or(country_name);
    let bio = bio(&mut rng, plan, lang, &title, place, origin, &claimed);
    let mut origins = vec![origin.code.to_owned()];
    if rng.chance(0.06) {
        let other = plan.origin(&mut rng).code;
        if other != origin.code && other != residence.code {
            origins.push(other.to_owned());
        }
    }
    let draft = ProfileDraft {
        headline,
        bio,
        residence_country: residence.code.to_owned(),
        residence_city: city.filter(|_| rng.chance(0.85)).map(str::to_owned),
        origin_countries: origins,
        languages: languages(&mut rng, home, origin, residence, lang),
        skills: claimed
            .iter()
            .map(|&(s, level)| SkillClaimDraft {
                skill_id: Some(plan.tax.skills[s].id.to_string()),
                label: None,
                level: i32::from(level),
                years: rng
                    .chance(0.4)
                    .then(|| i32::try_from(rng.range(1, 25)).unwrap_or(5)),
            })
            .collect(),
        engagement_types: engagement_types(&mut rng, professional),
        work_modes: work_modes(&mut rng),
        hours_per_month: rng.chance(0.8).then(|| {
            let hours = [2, 4, 5, 8, 10, 12, 15, 20, 25, 30, 40];
            rng.pick(&hours).copied().unwrap_or(10)
        }),
        orcid: (professional && rng.chance(0.3)).then(|| orcid(&mut rng)),
        visibility: match rng.unit() {
            u if u < 0.8 => Visibility::Public,
            u if u < 0.95 => Visibility::Members,
            _ => Visibility::Hidden,
        },
    };
    let profile = draft
        .validate()
        .map_err(|e| anyhow::anyhow!("generated expert {n} is invalid: {e}"))?;
    let status = match rng.unit() {
        u if u < 0.97 => AccountStatus::Active,
        u if u < 0.99 => AccountStatus::PendingVerification,
        _ => AccountStatus::Suspended,
    };
    let (created_ago, updated_ago, active_ago) = times(&mut rng);
    let local = format!("{}.{}", ascii_fold(&name.given), ascii_fold(&name.family));
    Ok(GeneratedExpert {
        account,
        profile_id,
        email: format!("{local}.{n}@{SEED_DOMAIN}"),
        display_name: name.display,
        status,
        occupation,
        lang,
        profile,
        verified: rng.chance(0.3),
        created_ago,
        updated_ago,
        active_ago,
    })
}
