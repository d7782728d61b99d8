//! Generator tests on the shipped taxonomy (computed once per test binary).

use super::experts::{SEED_DOMAIN, expert};
use super::institutions::{choose, institution, universities};
use super::plan::Plan;
use super::requests::request;
use super::taxonomy::{MAX_AREA, MIN_AREA, skill_label};
use super::world;
use braingain_domain::{AccountStatus, Email, RequestStatus, Visibility};
use std::collections::{HashMap, HashSet};

fn plan(seed: u64) -> Plan {
    Plan::new(super::taxonomy().unwrap(), seed)
}

#[test]
fn occupations_get_areas_of_related_skills() {
    let tax = super::taxonomy().unwrap();
    let with_area = tax.areas.iter().flatten().count();
    assert!(
        with_area > 2_000,
        "{with_area} of {}",
        tax.occupations.len()
    );
    let specific: HashSet<usize> = tax.specific.iter().copied().collect();
    for area in tax.areas.iter().flatten() {
        assert!((MIN_AREA..=MAX_AREA).contains(&area.skills.len()));
        assert!(area.core >= 1 && area.core <= area.skills.len());
        assert!(area.skills.iter().all(|s| specific.contains(s)));
    }
    let developer = tax
        .occupations
        .iter()
        .position(|o| o.labels[0].preferred == "software developer")
        .unwrap();
    let labels: Vec<&str> = tax.areas[developer].as_ref().unwrap().skills[..3]
        .iter()
        .map(|&s| skill_label(&tax.skills[s], "en"))
        .collect();
    assert!(
        labels
            .iter()
            .any(|l| l.contains("software") || l.contains("program")),
        "{labels:?}"
    );
}

#[test]
fn the_same_seed_gives_the_same_expert_and_another_seed_another() {
    let (a, b) = (plan(42), plan(43));
    for n in [0, 1, 999, 123_456] {
        assert_eq!(expert(&a, n).unwrap(), expert(&a, n).unwrap());
        let (x, y) = (expert(&a, n).unwrap(), expert(&b, n).unwrap());
        assert_ne!(x.account, y.account);
        assert_ne!(x.profile.bio, y.profile.bio);
    }
    // ids follow the generation order
    let ids: Vec<_> = (0..50)
        .map(|n| expert(&a, n).unwrap().profile_id.0)
        .collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn experts_are_coherent_valid_and_varied() {
    let plan = plan(7);
    let tax = &plan.tax;
    let experts: Vec<_> = (0..2_000).map(|n| expert(&plan, n).unwrap()).collect();
    let mut emails = HashSet::new();
    let mut origins: HashMap<String, usize> = HashMap::new();
    let mut occupations = HashSet::new();
    for e in &experts {
        let area = tax.areas[e.occupation].as_ref().unwrap();
        let ids: Vec<_> = area.skills.iter().map(|&s| tax.skills[s].id).collect();
        let inside = e
            .profile
            .skills
            .iter()
            .filter(|c| ids.contains(&c.skill.id()))
            .count();
        assert!(
            inside >= 4 && inside * 10 >= e.profile.skills.len() * 6,
            "{e:?}"
        );
        assert!(Email::parse(&e.email).is_ok() && e.email.ends_with(SEED_DOMAIN));
        assert!(emails.insert(e.email.clone()));
        // residence follows a corridor of the first origin
        let origin = world::origin_of(e.profile.origin_countries[0].as_str()).unwrap();
        let residence = e.profile.residence_country.as_str();
        assert!(
            origin.corridors.iter().any(|(to, _)| *to == residence),
            "{e:?}"
        );
        // the residence's main language is spoken
        let main = world::residence(residence).unwrap().languages[0];
        assert!(e.profile.languages.iter().any(|(l, _)| l.as_str() == main));
        assert!(!e.profile.bio.is_empty() && !e.profile.headline.is_empty());
        assert!(e.created_ago >= e.updated_ago && e.updated_ago >= e.active_ago);
        *origins.entry(origin.code.to_owned()).or_default() += 1;
        occupations.insert(e.occupation);
    }
    assert!(origins.len() > 25, "{origins:?}");
    assert!(origins["IN"] > origins["NG"] && origins["NG"] > origins["SN"]);
    assert!(occupations.len() > 400, "{}", occupations.len());
    let share = |f: &dyn Fn(&super::experts::GeneratedExpert) -> bool| {
        experts.iter().filter(|e| f(e)).count() as f64 / experts.len() as f64
    };
    assert!((0.94..0.99).contains(&share(&|e| e.status == AccountStatus::Active)));
    assert!((0.75..0.85).contains(&share(&|e| e.profile.visibility == Visibility::Public)));
    let romance = share(&|e| e.lang != "en");
    assert!((0.05..0.3).contains(&romance), "{romance}");
    assert!(share(&|e| e.profile.orcid.is_some()) > 0.05);
}

#[test]
fn every_shipped_university_makes_a_valid_institution() {
    let plan = plan(3);
    let all = universities().unwrap();
    assert!(all.len() > 3_000);
    for (n, university) in all.iter().enumerate() {
        let i = institution(&plan, n as u64, university).unwrap();
        assert!(!i.staff.is_empty() && !i.focus.is_empty());
        assert!(i.staff.iter().all(|s| Email::parse(&s.email).is_ok()));
    }
    let chosen = choose(&plan, &all, 500).unwrap();
    assert_eq!(chosen.iter().collect::<HashSet<_>>().len(), 500);
    assert_eq!(chosen, choose(&plan, &all, 500).unwrap());
    assert!(choose(&plan, &all, all.len() + 1).is_err());
}

#[test]
fn requests_ask_for_core_skills_in_the_institutions_language() {
    let plan = plan(11);
    let all = universities().unwrap();
    let senegal = all.iter().find(|u| u.country == "SN").unwrap();
    let lagos = all.iter().find(|u| u.country == "NG").unwrap();
    let mut statuses = HashSet::new();
    let mut french = 0;
    for (k, university) in [senegal, lagos].into_iter().enumerate() {
        let owner = institution(&plan, k as u64, university).unwrap();
        for n in 0..200 {
            let r = request(&plan, n, k, &owner).unwrap();
            assert!(owner.focus.contains(&r.occupation));
            let area = plan.tax.areas[r.occupation].as_ref().unwrap();
            let core: Vec<_> = area.skills[..area.core]
                .iter()
                .map(|&s| plan.tax.skills[s].id)
                .collect();
            assert!(
                r.request
                    .skills
                    .iter()
                    .all(|s| core.contains(&s.skill.id()))
            );
            assert!(r.request.skills[0].required);
            statuses.insert(r.status);
            if r.request.languages[0].as_str() == "fr" {
                french += 1;
                assert_eq!(owner.lang, "fr");
            }
        }
    }
    assert!(french > 100, "{french}");
    assert!(statuses.contains(&RequestStatus::Open) && statuses.len() >= 6);
}
