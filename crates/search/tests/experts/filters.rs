//! Exact filters (alone and combined), facet counts over the filtered set, browse order and
//! cursor pagination, checked against the corpus data itself.

use std::collections::{BTreeMap, HashSet};

use braingain_search::{ExpertDoc, ExpertFilter, ExpertQuery};

use super::corpus::{CARDIOLOGY, HYDROLOGY, IRRIGATION};
use super::*;

fn browse(filter: ExpertFilter) -> ExpertQuery {
    ExpertQuery {
        filter,
        limit: 100,
        now: NOW,
        ..ExpertQuery::default()
    }
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| (*v).to_owned()).collect()
}

/// Ids of the corpus experts satisfying `keep`.
fn expected(keep: impl Fn(&ExpertDoc) -> bool) -> HashSet<String> {
    corpus()
        .into_iter()
        .filter(|d| keep(d))
        .map(|d| d.profile_id)
        .collect()
}

fn assert_filter(filter: ExpertFilter, keep: impl Fn(&ExpertDoc) -> bool) {
    let want = expected(keep);
    assert!(
        !want.is_empty() && want.len() < 40,
        "a filter that filters: {filter:?}"
    );
    let results = search(&browse(filter.clone()));
    let got: HashSet<String> = ids(&results).into_iter().collect();
    assert_eq!(got, want, "{filter:?}");
    assert_eq!(results.total, want.len());
}

fn has(values: &[String], wanted: &[&str]) -> bool {
    values.iter().any(|v| wanted.contains(&v.as_str()))
}

#[test]
fn every_filter_alone() {
    let f = ExpertFilter::default;
    let residence = ExpertFilter {
        residence_countries: strings(&["GB", "de"]),
        ..f()
    };
    assert_filter(residence, |d| {
        ["GB", "DE"].contains(&d.residence_country.as_str())
    });
    let origin = ExpertFilter {
        origin_countries: strings(&["SN"]),
        ..f()
    };
    assert_filter(origin, |d| has(&d.origin_countries, &["SN"]));
    let languages = ExpertFilter {
        languages: strings(&["es", "PT"]),
        ..f()
    };
    assert_filter(languages, |d| has(&d.languages, &["es", "pt"]));
    let skills = ExpertFilter {
        skill_ids: strings(&[HYDROLOGY.id, IRRIGATION.id]),
        ..f()
    };
    assert_filter(skills, |d| {
        d.skills
            .iter()
            .any(|s| s.id == HYDROLOGY.id || s.id == IRRIGATION.id)
    });
    let engagement = ExpertFilter {
        engagement_types: strings(&["supervision"]),
        ..f()
    };
    assert_filter(engagement, |d| has(&d.engagement_types, &["SUPERVISION"]));
    let modes = ExpertFilter {
        work_modes: strings(&["LONG_STAY"]),
        ..f()
    };
    assert_filter(modes, |d| has(&d.work_modes, &["LONG_STAY"]));
    let verified = ExpertFilter {
        verified_only: true,
        ..f()
    };
    assert_filter(verified, |d| d.verified);
    let hours = ExpertFilter {
        min_hours_per_month: Some(10),
        ..f()
    };
    assert_filter(hours, |d| d.hours_per_month.is_some_and(|h| h >= 10));
    let public = ExpertFilter {
        public_only: true,
        ..f()
    };
    assert_filter(public, |d| d.public);
    let zero = ExpertFilter {
        min_hours_per_month: Some(0),
        ..f()
    };
    assert_eq!(search(&browse(zero)).total, 40, "0 hours does not filter");
}

#[test]
fn filters_combine_with_and_across_fields() {
    let filter = ExpertFilter {
        residence_countries: strings(&["GB", "FR"]),
        languages: strings(&["fr"]),
        engagement_types: strings(&["CONSULTING", "RESEARCH_NOPE", "JOINT_RESEARCH"]),
        verified_only: true,
        min_hours_per_month: Some(8),
        ..ExpertFilter::default()
    };
    assert_filter(filter, |d| {
        ["GB", "FR"].contains(&d.residence_country.as_str())
            && has(&d.languages, &["fr"])
            && has(&d.engagement_types, &["CONSULTING", "JOINT_RESEARCH"])
            && d.verified
            && d.hours_per_month.is_some_and(|h| h >= 8)
    });
}

#[test]
fn filters_restrict_text_searches_exactly() {
    let unfiltered: HashSet<String> = ids(&search(&text("hydrology water"))).into_iter().collect();
    let filter = ExpertFilter {
        origin_countries: strings(&["gh", "SN"]),
        ..ExpertFilter::default()
    };
    let filtered = search(&ExpertQuery {
        filter,
        ..text("hydrology water")
    });
    let allowed = expected(|d| has(&d.origin_countries, &["GH", "SN"]));
    let want: HashSet<String> = unfiltered.intersection(&allowed).cloned().collect();
    assert!(want.len() >= 3);
    assert_eq!(ids(&filtered).into_iter().collect::<HashSet<_>>(), want);
    assert_eq!(filtered.total, want.len());
}

#[test]
fn unknown_filter_values_match_nothing() {
    let filter = ExpertFilter {
        residence_countries: strings(&["ZZ"]),
        ..ExpertFilter::default()
    };
    let results = search(&browse(filter));
    assert!(results.hits.is_empty() && results.total == 0 && results.next_cursor.is_none());
}

/// Facet counts computed from the corpus for the experts in `ids`.
fn expected_facets(ids: &HashSet<String>) -> BTreeMap<String, Vec<(String, u64)>> {
    let mut counts: BTreeMap<&str, BTreeMap<String, u64>> = BTreeMap::new();
    for doc in corpus().into_iter().filter(|d| ids.contains(&d.profile_id)) {
        let mut add = |facet, values: Vec<String>| {
            for value in values {
                *counts.entry(facet).or_default().entry(value).or_default() += 1;
            }
        };
        add("residenceCountry", vec![doc.residence_country.clone()]);
        add("originCountry", doc.origin_countries.clone());
        add("language", doc.languages.clone());
        add("skill", doc.skills.iter().map(|s| s.id.clone()).collect());
        add("engagementType", doc.engagement_types.clone());
        add("workMode", doc.work_modes.clone());
    }
    counts
        .into_iter()
        .map(|(facet, values)| {
            let mut values: Vec<(String, u64)> = values.into_iter().collect();
            values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            (facet.to_owned(), values)
        })
        .collect()
}

const ALL_FACETS: [&str; 6] = [
    "residenceCountry",
    "originCountry",
    "language",
    "skill",
    "engagementType",
    "workMode",
];

#[test]
fn facets_count_the_whole_filtered_set_not_the_page() {
    let filter = ExpertFilter {
        languages: strings(&["fr"]),
        ..ExpertFilter::default()
    };
    let query = ExpertQuery {
        limit: 2,
        facet_fields: strings(&ALL_FACETS),
        ..browse(filter)
    };
    let results = search(&query);
    assert_eq!(results.hits.len(), 2);
    let want = expected_facets(&expected(|d| has(&d.languages, &["fr"])));
    assert_eq!(results.facets, want);
    assert_eq!(
        results.facets["language"][0],
        ("fr".to_owned(), results.total as u64)
    );
}

#[test]
fn facets_of_a_text_search_count_its_hits() {
    let all = search(&text("cardiology"));
    let hit_ids: HashSet<String> = ids(&all).into_iter().collect();
    let query = ExpertQuery {
        limit: 1,
        facet_fields: strings(&["skill", "residenceCountry", "bogus"]),
        ..text("cardiology")
    };
    let results = search(&query);
    let mut want = expected_facets(&hit_ids);
    want.retain(|facet, _| facet == "skill" || facet == "residenceCountry");
    assert_eq!(results.facets, want);
    assert_eq!(results.facets["skill"][0], (CARDIOLOGY.id.to_owned(), 4));
}

#[test]
fn browsing_orders_by_recent_activity_then_id() {
    let results = search(&browse(ExpertFilter::default()));
    assert_eq!(results.total, 40);
    let mut want: Vec<(i64, String)> = corpus()
        .into_iter()
        .map(|d| (-d.last_active, d.profile_id))
        .collect();
    want.sort();
    let want: Vec<String> = want.into_iter().map(|(_, id)| id).collect();
    assert_eq!(ids(&results), want);
    assert!(results.hits.iter().all(|h| h.highlights.is_empty()));
    // Blank text is a browse too.
    assert_eq!(
        ids(&search(&ExpertQuery {
            text: Some("  ".into()),
            ..browse(ExpertFilter::default())
        })),
        want
    );
}

/// Every page of `query` with `limit` 3, in order.
fn walk(query: &ExpertQuery) -> Vec<String> {
    let mut all = Vec::new();
    let mut after = None;
    for _ in 0..100 {
        let page = search(&ExpertQuery {
            limit: 3,
            after: after.clone(),
            ..query.clone()
        });
        assert!(page.hits.len() <= 3);
        all.extend(ids(&page));
        match page.next_cursor {
            Some(next) => after = Some(next),
            None => return all,
        }
    }
    panic!("pagination did not end");
}

#[test]
fn pages_walk_the_full_result_without_duplicates_or_gaps() {
    let filtered = ExpertFilter {
        verified_only: true,
        ..ExpertFilter::default()
    };
    for query in [
        text("engineer water hydrology"),
        browse(filtered),
        browse(ExpertFilter::default()),
        ExpertQuery {
            skill_boosts: vec![HYDROLOGY.id.into()],
            ..text("cardiology teacher")
        },
    ] {
        let full = search(&query);
        assert!(full.total > 6, "several pages: {query:?}");
        assert_eq!(full.hits.len(), full.total);
        let pages = walk(&query);
        assert_eq!(pages, ids(&full), "{query:?}");
        let unique: HashSet<&String> = pages.iter().collect();
        assert_eq!(unique.len(), pages.len());
    }
}

#[test]
fn later_pages_keep_the_first_pages_clock() {
    let first = search(&ExpertQuery {
        limit: 3,
        ..text("engineer")
    });
    let cursor = first.next_cursor.clone().unwrap();
    // A later `now` would change recency factors; the cursor pins the first page's.
    let later = ExpertQuery {
        limit: 100,
        after: Some(cursor),
        now: NOW + 400 * 86_400,
        ..text("engineer")
    };
    let rest = search(&later);
    let mut all = ids(&first);
    all.extend(ids(&rest));
    assert_eq!(all, ids(&search(&text("engineer"))));
}
